import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type express from 'express';
import { AppError } from '../errors.ts';
import type { AgentDirectory, AgentSession } from '../handoff/agent-directory.ts';

export const SESSION_COOKIE = 'aisle_agent';
export const LOGIN_COOKIE = 'aisle_agent_login';
/** A console session lasts a working day. */
const SESSION_MS = 12 * 60 * 60_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** The request's cookies, by name. */
export function cookiesOf(req: express.Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const value = decoded(part.slice(at + 1).trim());
    if (value !== undefined) out[part.slice(0, at).trim()] = value;
  }
  return out;
}

/** A cookie value, or undefined when its %-escapes are malformed: read as no cookie, so the agent signs in again. */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** HttpOnly, SameSite=Strict, Path=/agent; Secure when Aisle is reached over https (AISLE_PUBLIC_URL). */
export function setCookie(res: express.Response, name: string, value: string, secure: boolean, maxAgeMs?: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure, path: '/agent', ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) });
}

/** Starts a session: the cookie gets the token, the database its hash and a CSRF token. */
export async function startSession(agents: AgentDirectory, res: express.Response, email: string, secure: boolean): Promise<void> {
  const token = newToken();
  await agents.startSession({ tokenHash: tokenHash(token), email, csrf: newToken(), expiresAt: new Date(Date.now() + SESSION_MS).toISOString() });
  setCookie(res, SESSION_COOKIE, token, secure, SESSION_MS);
}

/** The request's live session, if its cookie names one. */
export async function sessionOf(agents: AgentDirectory, req: express.Request): Promise<AgentSession | undefined> {
  const token = cookiesOf(req)[SESSION_COOKIE];
  return token ? agents.session(tokenHash(token)) : undefined;
}

/** Refuses a state-changing request without the session's CSRF token (header X-CSRF-Token) or from another origin. */
export function checkCsrf(req: express.Request, session: AgentSession, publicOrigin?: string): void {
  const sent = req.get('x-csrf-token') ?? '';
  if (!sameText(sent, session.csrf)) throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token: reload the console and try again.');
  checkOrigin(req, publicOrigin);
}

/**
 * A browser's Origin, when it sends one, must be this server's as the request reached it or as shoppers reach it
 * (AISLE_PUBLIC_URL, behind a TLS proxy): belt and braces beside SameSite=Strict.
 */
export function checkOrigin(req: express.Request, publicOrigin?: string): void {
  const origin = req.get('origin');
  if (!origin || origin === publicOrigin || origin === `${req.protocol}://${req.get('host')}`) return;
  throw new AppError('FORBIDDEN', `Requests from ${origin} may not use the agent console.`);
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

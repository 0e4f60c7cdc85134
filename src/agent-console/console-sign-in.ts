import express from 'express';
import { z } from 'zod';
import type { AgentDirectory } from '../handoff/agent-directory.ts';
import { DECOY_HASH, verifyPassword } from '../handoff/passwords.ts';
import { addressKey } from '../server/rate-limit.ts';
import { checkOrigin, cookiesOf, LOGIN_COOKIE, newToken, sameText, setCookie, startSession } from './console-auth.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { loginPage } from './console-pages.ts';

export interface SignInContext {
  agents: AgentDirectory;
  throttle: LoginThrottle;
  /** Cookies get Secure (Aisle is reached over https). */
  secure: boolean;
  publicOrigin?: string;
}

const login = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024), csrf: z.string().min(1) });
const form = express.urlencoded({ extended: false, limit: '4kb' });

/** GET /login (the form) and POST /login (check, throttle, start a session) on the console's router. */
export function mountSignIn(router: express.Router, ctx: SignInContext): void {
  router.get('/login', (req, res) => loginForm(ctx, res, String(req.query.error ?? '')));
  router.post('/login', form, (req, res) => signIn(ctx, req, res));
}

/** Login CSRF: the form's token must match this cookie (double submit), so no other site can sign an agent in. */
function loginForm(ctx: SignInContext, res: express.Response, error: string, wait?: number): void {
  const csrf = newToken();
  setCookie(res, LOGIN_COOKIE, csrf, ctx.secure);
  res.type('html').send(loginPage(csrf, error, wait));
}

async function signIn(ctx: SignInContext, req: express.Request, res: express.Response): Promise<void> {
  checkOrigin(req, ctx.publicOrigin);
  const body = login.safeParse(req.body);
  if (!body.success || !sameText(body.data.csrf, cookiesOf(req)[LOGIN_COOKIE] ?? '')) return res.redirect(303, '/agent/login?error=form');
  const keys = [`email:${body.data.email.toLowerCase()}`, `ip:${addressKey(req.ip ?? req.socket.remoteAddress)}`];
  // Counted before the slow check, in the same step as the limit's check: guesses sent at once (to any replica)
  // cannot all pass the gate while the first are still hashing. A right password clears it.
  const wait = await ctx.throttle.attempt(keys);
  if (wait > 0) {
    res.setHeader('Retry-After', String(wait));
    return loginForm(ctx, res.status(429), 'throttled', wait);
  }
  const agent = await ctx.agents.find(body.data.email);
  // An unknown e-mail costs a hash too: the answer's timing does not tell which accounts exist.
  const ok = await verifyPassword(body.data.password, agent?.passwordHash ?? await DECOY_HASH);
  if (!agent || !ok) return res.redirect(303, '/agent/login?error=wrong');
  await ctx.throttle.succeeded(keys);
  await startSession(ctx.agents, res, agent.email, ctx.secure);
  res.redirect(303, '/agent');
}

import express from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { AgentDesk } from '../handoff/agent-desk.ts';
import type { AgentDirectory, AgentSession } from '../handoff/agent-directory.ts';
import type { HandoffQueue } from '../handoff/handoff-queue.ts';
import { CONSOLE_SCRIPT } from './console-script.ts';
import { checkCsrf, cookiesOf, SESSION_COOKIE, sessionOf, tokenHash } from './console-auth.ts';
import { mountSignIn } from './console-sign-in.ts';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.ts';
import type { RelayBus } from '../handoff/relay-bus.ts';
import { addUpgradeHandler } from '../server/upgrade.ts';
import { openConsoleSocket } from './console-socket.ts';
import { consolePage } from './console-pages.ts';
import { mountAdminApi, mountAdminPage, type ConsoleAdminDeps } from './console-admin.ts';

export interface AgentConsoleDeps {
  desk: AgentDesk;
  agents: AgentDirectory;
  tickets: Pick<HandoffQueue, 'tickets' | 'updateTicket'>;
  /** Replies agents pick from (AISLE_CANNED_REPLIES). */
  canned: readonly string[];
  /** AISLE_PUBLIC_URL: https there makes the cookies Secure, and its origin is accepted on POSTs. */
  publicUrl?: string;
  /** Where changes are announced (any replica): consoles hear them over /agent/ws. None: the console only polls. */
  bus?: RelayBus;
  /** Sign-in throttling; default: in this process (serve passes a Redis-backed one when AISLE_REDIS_URL is set). */
  throttle?: LoginThrottle;
  /** How often /agent/ws pings and re-checks its session (default 25 s; tests shorten it). */
  socketPingMs?: number;
  /** The admin page (/agent/admin: report, unanswered questions, FAQ entries); absent: it answers 404. */
  admin?: ConsoleAdminDeps;
}

type Authed = express.Request & { session?: AgentSession };
/** How often a session's last use is written: often enough for "online" (AGENT_ONLINE_MS), rarely enough to cost nothing. */
const SEEN_EVERY_MS = 20_000;
const text = z.object({ text: z.string().trim().min(1, 'write something first').max(4000, 'at most 4000 characters') });
const transfer = z.object({ to: z.string().trim().min(3).max(254) });

/** The console on `app`: the routes under /agent and, with a bus, the live socket /agent/ws. */
export function mountAgentConsole(app: express.Express, deps: AgentConsoleDeps): void {
  app.use('/agent', agentConsoleRouter(deps));
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  if (deps.bus) addUpgradeHandler(app, openConsoleSocket({ agents: deps.agents, bus: deps.bus, publicOrigin, pingMs: deps.socketPingMs }));
}

/** The agent console at /agent: sign-in, the page and its script, and the JSON API the script calls. */
export function agentConsoleRouter(deps: AgentConsoleDeps): express.Router {
  const secure = deps.publicUrl?.startsWith('https://') ?? false;
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  const throttle = deps.throttle ?? createLoginThrottle();
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  router.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
      'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'same-origin', 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  mountSignIn(router, { agents: deps.agents, throttle, secure, publicOrigin });
  router.get('/console.js', (_req, res) => res.type('text/javascript').send(CONSOLE_SCRIPT));
  router.get(['/', ''], async (req, res) => {
    const session = await sessionOf(deps.agents, req);
    if (!session) return res.redirect(303, '/agent/login');
    res.type('html').send(consolePage(session));
  });
  mountAdminPage(router, deps.agents, deps.admin);
  // Everything below needs a session; every POST also the session's CSRF token.
  router.use(async (req: Authed, _res, next) => {
    req.session = await sessionOf(deps.agents, req);
    if (!req.session) throw new AppError('UNAUTHORIZED', 'Sign in to the agent console first (/agent/login).');
    // An open console polls: the agent counts as online (shoppers are queued, not sent to leave a message).
    if (Date.now() - Date.parse(req.session.lastSeen) > SEEN_EVERY_MS) await deps.agents.seen(tokenHash(cookiesOf(req)[SESSION_COOKIE]!));
    if (req.method !== 'GET' && req.method !== 'HEAD') checkCsrf(req, req.session, publicOrigin);
    next();
  });
  router.post('/logout', async (req: Authed, res) => {
    await deps.agents.endSession(tokenHash(cookiesOf(req)[SESSION_COOKIE]!));
    res.clearCookie(SESSION_COOKIE, { path: '/agent' });
    res.json({ ok: true });
  });
  mountApi(router, deps, json);
  mountAdminApi(router, deps.admin, json);
  return router;
}

function mountApi(router: express.Router, deps: AgentConsoleDeps, json: express.RequestHandler): void {
  const me = (req: Authed) => req.session!.agent;
  const id = (req: express.Request) => String(req.params.id);
  router.get('/api/queue', async (req: Authed, res) => res.json({ me: me(req), handoffs: await deps.desk.queue() }));
  router.get('/api/handoffs/:id', async (req, res) => res.json(await deps.desk.view(id(req), Number(req.query.after ?? 0) || 0)));
  router.get('/api/agents', async (_req, res) => res.json({ agents: await deps.agents.list() }));
  router.get('/api/canned', (_req, res) => res.json({ replies: deps.canned }));
  router.get('/api/tickets', async (_req, res) => res.json({ tickets: await deps.tickets.tickets('open') }));
  // Answered by e-mail: off the list.
  router.post('/api/tickets/:id/close', async (req, res) => {
    await deps.tickets.updateTicket(id(req), { status: 'closed' });
    res.json({ ok: true });
  });
  router.post('/api/handoffs/:id/claim', async (req: Authed, res) => res.json({ handoff: await deps.desk.claim(id(req), me(req)) }));
  router.post('/api/handoffs/:id/reply', json, async (req: Authed, res) => res.json({ message: await deps.desk.reply(id(req), me(req), checked(text, req.body).text) }));
  router.post('/api/handoffs/:id/note', json, async (req: Authed, res) => res.json({ message: await deps.desk.note(id(req), me(req), checked(text, req.body).text) }));
  router.post('/api/handoffs/:id/transfer', json, async (req: Authed, res) => res.json({ handoff: await deps.desk.transfer(id(req), me(req), checked(transfer, req.body).to) }));
  router.post('/api/handoffs/:id/resolve', async (req: Authed, res) => res.json({ handoff: await deps.desk.resolve(id(req), me(req)) }));
}

function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

import type { IncomingMessage } from 'node:http';
import express from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { addUpgradeHandler } from '../server/upgrade.ts';
import { WIDGET_LAUNCHER_SCRIPT } from '../widget/launcher-script.ts';
import { WIDGET_PANEL_SCRIPT } from '../widget/panel-script.ts';
import { DEFAULT_SOCKETS_PER_IP, clientAddress, createWidgetLimiter, originAllowed, requestOrigin, type WidgetLimits } from './widget-guards.ts';
import { MAX_FRAME_BYTES, eventsSchema, helloSchema, messageSchema, type ServerFrame } from './widget-protocol.ts';

type HandoffFrame = Extract<ServerFrame, { type: 'handoff' }>;
import type { WidgetService, WidgetSession } from './widget-service.ts';
import { openWidgetSocketServer } from './widget-socket.ts';

/** Where the widget lives on Aisle's origin. */
export const WIDGET_PATH = '/aisle';

export interface WidgetEndpointDeps {
  service: WidgetService;
  /** Origins besides Aisle's own whose pages may use the widget (AISLE_WIDGET_ORIGINS, parsed). */
  origins: ReadonlySet<string>;
  limits: WidgetLimits;
  /** Open WebSockets one address may hold (AISLE_WIDGET_SOCKETS_PER_IP); 0: no cap. */
  socketsPerIp?: number;
  log?: Logger;
  /** Milliseconds between WebSocket pings (25 s); for tests. */
  pingMs?: number;
}

const lookup = helloSchema.omit({ type: true }).extend({ after: z.coerce.number().int().min(0).default(0) });
const post = lookup.extend({ message: messageSchema });
// Strict: the user comes from the token or the anonymous id, never from a field of the report.
const report = helloSchema.omit({ type: true, after: true }).extend({ events: eventsSchema.shape.events }).strict();
const parseJson = express.json({ limit: MAX_FRAME_BYTES });

/**
 * The widget channel on `app`: GET /aisle/widget.js (the launcher), /aisle/widget-panel.js (the panel, loaded on
 * first open), the WebSocket /aisle/ws, and its HTTP fallback POST /aisle/messages + GET /aisle/messages?after=SEQ.
 */
export function mountWidgetEndpoint(app: express.Express, deps: WidgetEndpointDeps): void {
  const log = deps.log ?? silentLogger;
  const limiter = createWidgetLimiter(deps.limits);
  // Polls are cheap and regular (one every few seconds per open panel): their own, roomier allowance.
  const polls = createWidgetLimiter({ perConnection: 0, perIp: deps.limits.perIp * 4 });
  const router = express.Router();
  router.get('/widget.js', (_req, res) => sendScript(res, WIDGET_LAUNCHER_SCRIPT));
  router.get('/widget-panel.js', (_req, res) => sendScript(res, WIDGET_PANEL_SCRIPT));
  router.use(['/messages', '/events'], (req, res, next) => {
    const origin = req.get('origin');
    if (!originAllowed(origin, requestOrigin(app, req), deps.origins)) return next(new AppError('FORBIDDEN', `Pages on ${origin} may not use this store's chat: add the origin to AISLE_WIDGET_ORIGINS.`));
    if (origin) res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
    if (req.method !== 'OPTIONS') return next();
    res.set({ 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type, X-Aisle-Token', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  });
  router.get('/messages', async (req, res) => {
    refuseOverLimit(res, polls.address(clientAddress(app, req)));
    const query = checked(lookup, { ...req.query, token: req.get('x-aisle-token') });
    const session = await deps.service.open(query);
    res.json({ ...welcome(session), entries: await deps.service.replay(session, query.after), ...(await handoffOf(deps.service, session)) });
  });
  // The address pays first, before the body is read, the token checked and the conversation looked up.
  const addressFirst: express.RequestHandler = (req, res, next) => {
    refuseOverLimit(res, limiter.address(clientAddress(app, req)));
    next();
  };
  router.post('/messages', addressFirst, jsonBody, async (req, res) => {
    const body = checked(post, { ...req.body, token: req.get('x-aisle-token') ?? req.body?.token });
    const opened = await deps.service.open(body);
    const address = clientAddress(app, req);
    const session = { ...opened, ...(address ? { ip: address } : {}) };
    refuseOverLimit(res, limiter.connection(`conversation:${session.conversation}`));
    const sent = await deps.service.send(session, body.message);
    await sent.answer();
    res.json({ ...welcome(session), ack: { id: body.message.id, seq: sent.seq }, entries: await deps.service.replay(session, body.after), ...(await handoffOf(deps.service, session)) });
  });
  // What the browser reports (product links opened) when the socket is down: answered { recorded, ignored }.
  router.post('/events', addressFirst, jsonBody, async (req, res) => {
    const body = checked(report, { ...req.body, token: req.get('x-aisle-token') ?? req.body?.token });
    res.json(await deps.service.report(await deps.service.open(body), body.events));
  });
  app.use(WIDGET_PATH, router);
  addUpgradeHandler(app, openWidgetSocketServer({
    path: `${WIDGET_PATH}/ws`, service: deps.service, limiter, log, pingMs: deps.pingMs, socketsPerIp: deps.socketsPerIp ?? DEFAULT_SOCKETS_PER_IP,
    allowed: (req: IncomingMessage) => originAllowed(req.headers.origin, requestOrigin(app, req), deps.origins),
    addressOf: (req: IncomingMessage) => clientAddress(app, req),
  }));
}

function welcome(session: WidgetSession) {
  return { conversation: session.conversation, shopper: session.shopper, signedIn: session.signedIn };
}

/**
 * The handoff state as the socket's `handoff` frame has it, for the HTTP fallback, which has no frames pushed: each
 * answer carries the state now (`assistant` when no person has the conversation, so a banner left from before goes).
 */
async function handoffOf(service: WidgetService, session: WidgetSession): Promise<{ handoff?: Omit<HandoffFrame, 'type'> }> {
  if (!service.handoff) return {};
  const frame = await service.handoff(session);
  if (!frame) return { handoff: { state: 'assistant' } };
  const { type: _type, ...state } = frame;
  return { handoff: state };
}

function checked<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

function refuseOverLimit(res: express.Response, wait: number): void {
  if (wait === 0) return;
  res.setHeader('Retry-After', String(wait));
  throw new AppError('RATE_LIMITED', `Too many messages; try again in ${wait} s.`);
}

/** JSON up to MAX_FRAME_BYTES: 413 PAYLOAD_TOO_LARGE above, 400 BAD_INPUT when it is not JSON. */
const jsonBody: express.RequestHandler = (req, res, next) => {
  parseJson(req, res, (err?: unknown) => {
    if (!err) return next();
    if ((err as { type?: unknown }).type === 'entity.too.large') return next(new AppError('PAYLOAD_TOO_LARGE', `A widget message is at most ${MAX_FRAME_BYTES} bytes.`, { cause: err }));
    next(new AppError('BAD_INPUT', 'The body must be JSON.', { cause: err }));
  });
};

function sendScript(res: express.Response, body: string): void {
  res.set({
    'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff',
    // The launcher import()s the panel as a module: a store's page on another origin needs CORS for that.
    'Access-Control-Allow-Origin': '*',
  });
  res.send(body);
}

import { createHmac, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { WebSocketServer, type WebSocket } from 'ws';

export const TEAM = 'T0AISLE';
export const BOT_USER = 'U0AISLEBOT';
export const BOT_ID = 'B0AISLE';
export const BOT_TOKEN = 'xoxb-0000-test-token';
export const APP_TOKEN = 'xapp-1-test-app-token';
export const SIGNING_SECRET = 'slack-test-signing-secret-8f14e45f';

/** One Web API call the app made: the method, its arguments (blocks decoded) and the token it used. */
export interface SlackCall { method: string; args: Record<string, any>; token?: string }

export interface SlackStandIn {
  /** For AISLE_SLACK_API_URL / WebClient's slackApiUrl. */
  apiUrl: string;
  calls: SlackCall[];
  /** chat.postMessage calls, in order. */
  posts(): Record<string, any>[];
  /** Resolves once at least `n` messages have been posted (5 s at most). */
  waitForPosts(n: number): Promise<Record<string, any>[]>;
  /** Socket Mode: the connection the app opened with apps.connections.open, once it said hello. */
  socket(): Promise<SocketLink>;
  close(): Promise<void>;
}

export interface SocketLink {
  /** Sends an envelope as Slack does and resolves with the app's acknowledgement. */
  deliver(type: 'events_api' | 'interactive', payload: Record<string, unknown>, retry?: number): Promise<Record<string, any>>;
}

/**
 * A local Slack Web API: auth.test, chat.postMessage and apps.connections.open (with its WebSocket) in Slack's own
 * formats (form-encoded requests with JSON-encoded fields, `{ ok, error }` answers with HTTP 200), checking the token.
 */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const app = express();
  app.use(express.urlencoded({ extended: false }), express.json());
  let base = '';
  app.post('/api/:method', (req, res) => {
    const method = req.params.method!;
    const token = req.get('authorization')?.replace(/^Bearer /, '') ?? req.body.token;
    const args = decode(req.body);
    calls.push({ method, args, token });
    const expected = method === 'apps.connections.open' ? APP_TOKEN : BOT_TOKEN;
    if (token !== expected) return void res.json({ ok: false, error: 'invalid_auth' });
    if (method === 'auth.test') {
      return void res.json({ ok: true, url: 'https://aisle-test.slack.com/', team: 'Aisle Test', user: 'aisle', team_id: TEAM, user_id: BOT_USER, bot_id: BOT_ID, is_enterprise_install: false });
    }
    if (method === 'chat.postMessage') {
      const problem = checkMessage(args);
      if (problem) return void res.json({ ok: false, error: problem });
      const ts = `${Math.floor(Date.now() / 1000)}.${String(calls.length).padStart(6, '0')}`;
      return void res.json({ ok: true, channel: args.channel, ts, message: { type: 'message', user: BOT_USER, bot_id: BOT_ID, text: args.text, blocks: args.blocks, ts, thread_ts: args.thread_ts } });
    }
    if (method === 'apps.connections.open') return void res.json({ ok: true, url: `${base.replace('http', 'ws')}/link/?ticket=${randomUUID()}` });
    res.json({ ok: false, error: 'unknown_method' });
  });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets = new WebSocketServer({ server, path: '/link/' });
  const linked = new Promise<WebSocket>((resolve) => sockets.on('connection', (ws) => {
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0AISLE' }, debug_info: { host: 'stand-in' } }));
    resolve(ws);
  }));
  const posts = () => calls.filter((c) => c.method === 'chat.postMessage' && !checkMessage(c.args)).map((c) => c.args);
  return {
    apiUrl: `${base}/api/`,
    calls,
    posts,
    async waitForPosts(n) {
      for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        if (posts().length >= n) return posts();
      }
      throw new Error(`expected ${n} posted messages, got ${posts().length}: ${JSON.stringify(calls.map((c) => c.method))}`);
    },
    socket: async () => linkOf(await linked),
    close: async () => {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function linkOf(ws: WebSocket): SocketLink {
  return {
    deliver: (type, payload, retry = 0) => new Promise((resolve, reject) => {
      const envelope_id = randomUUID();
      const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelope_id}`)), 5000);
      const onMessage = (data: Buffer) => {
        const frame = JSON.parse(data.toString());
        if (frame.envelope_id !== envelope_id) return;
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(frame);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: retry, retry_reason: retry ? 'timeout' : '' }));
    }),
  };
}

/** Slack's Web API takes objects as JSON strings inside a form body. */
function decode(body: Record<string, unknown>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(body ?? {})) out[k] = typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v;
  return out;
}

/** The checks Slack makes before it posts: what it would answer, or undefined when the message is fine. */
function checkMessage(args: Record<string, any>): string | undefined {
  if (!args.channel) return 'channel_not_found';
  if (!args.text && !args.blocks) return 'no_text';
  const blocks = args.blocks as any[] | undefined;
  if (blocks && (!Array.isArray(blocks) || blocks.length > 50)) return 'invalid_blocks';
  for (const b of blocks ?? []) {
    if (b.type === 'section' && (b.text?.text?.length > 3000 || (b.fields?.length ?? 0) > 10)) return 'invalid_blocks';
    if (b.type === 'actions' && (b.elements.length > 25 || b.elements.some((e: any) => e.text.text.length > 75 || e.action_id.length > 255))) return 'invalid_blocks';
    // Slack fetches pictures and refuses a message whose picture it cannot draw.
    if (b.accessory?.type === 'image' && !/\.(png|jpe?g|gif)(\?|$)/i.test(b.accessory.image_url)) return 'invalid_blocks';
  }
  return undefined;
}

/** Signs a request body as Slack does: v0=HMAC-SHA256(secret, "v0:TIMESTAMP:BODY"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed Events API request (JSON, or a form with `payload=` for button presses) to `${base}/slack/events`. */
export function postSlack(base: string, body: string, options: { form?: boolean; timestamp?: number; signature?: string; retry?: number } = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(body, timestamp),
      ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
}

let events = 0;

/** An event_callback for a shopper's DM (or a mention in a channel), as Slack sends it. */
export function messageEvent(text: string, fields: { channel?: string; user?: string; type?: 'message' | 'app_mention'; thread_ts?: string; event_id?: string } = {}) {
  const type = fields.type ?? 'message';
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++events).padStart(6, '0')}`;
  const channel = fields.channel ?? 'D0SHOPPER';
  return {
    token: 'legacy-verification-token', team_id: TEAM, api_app_id: 'A0AISLE', type: 'event_callback',
    event_id: fields.event_id ?? `Ev${Date.now().toString(36).toUpperCase()}${events}`, event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    event: {
      type, user: fields.user ?? 'U0SHOPPER', text, ts, event_ts: ts, channel, team: TEAM,
      ...(type === 'message' ? { channel_type: channel.startsWith('D') ? 'im' : 'channel' } : {}),
      ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
    },
  };
}

/** A block_actions payload for pressing the button `actionId` of a message the app posted. */
export function buttonPress(posted: Record<string, any>, actionId: string, user = 'U0SHOPPER') {
  const element = (posted.blocks as any[]).flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === actionId);
  if (!element) throw new Error(`no button ${actionId} in ${JSON.stringify(posted.blocks)}`);
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++events).padStart(6, '0')}`;
  return {
    type: 'block_actions', team: { id: TEAM, domain: 'aisle-test' }, user: { id: user, username: 'shopper', team_id: TEAM },
    api_app_id: 'A0AISLE', token: 'legacy-verification-token', trigger_id: `${events}.${randomUUID()}`,
    container: { type: 'message', message_ts: ts, channel_id: posted.channel, is_ephemeral: false, thread_ts: posted.thread_ts },
    channel: { id: posted.channel, name: 'directmessage' },
    message: { type: 'message', user: BOT_USER, bot_id: BOT_ID, ts, thread_ts: posted.thread_ts, text: posted.text, blocks: posted.blocks },
    response_url: 'https://hooks.slack.com/actions/T0AISLE/1/x',
    actions: [{ type: 'button', action_id: element.action_id, block_id: 'b', text: element.text, value: element.value, action_ts: ts }],
  };
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { UpgradeHandler } from '../server/upgrade.ts';
import type { createWidgetLimiter } from './widget-guards.ts';
import { MAX_FRAME_BYTES, parseClientFrame, type Hello, type ServerFrame, type WidgetMessage } from './widget-protocol.ts';
import type { WidgetService, WidgetSession } from './widget-service.ts';

export interface WidgetSocketDeps {
  path: string;
  service: WidgetService;
  limiter: ReturnType<typeof createWidgetLimiter>;
  allowed(req: IncomingMessage): boolean;
  addressOf(req: IncomingMessage): string | undefined;
  log: Logger;
  /** Milliseconds between pings; PING_MS unless a test wants it shorter. */
  pingMs?: number;
}

/** Pings keep proxies from dropping a quiet socket and find dead ones: a socket that has not answered the last ping is ended. */
const PING_MS = 25_000;
let connections = 0;

/** The WebSocket side of the widget: upgrades on `path` from allowed origins, one conversation per socket. */
export function openWidgetSocketServer(deps: WidgetSocketDeps): UpgradeHandler {
  // A frame over MAX_FRAME_BYTES closes the socket with 1009 (message too big) before it is read.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const unanswered = new WeakSet<WebSocket>();
  const ping = setInterval(() => {
    for (const ws of wss.clients) {
      // A peer gone without a FIN (a phone off the network) would otherwise hold its socket for TCP's ~15 minutes.
      if (unanswered.has(ws)) {
        ws.terminate();
        continue;
      }
      unanswered.add(ws);
      ws.ping();
    }
  }, deps.pingMs ?? PING_MS).unref();
  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      if (new URL(req.url ?? '/', 'http://x').pathname !== deps.path) return false;
      if (!deps.allowed(req)) {
        deps.log.info({ origin: req.headers.origin }, 'widget socket refused: origin not allowed');
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('pong', () => unanswered.delete(ws));
        serveSocket(ws, deps, deps.addressOf(req));
      });
      return true;
    },
    close() {
      clearInterval(ping);
      for (const ws of wss.clients) ws.close(1001, 'server stopping');
      wss.close();
    },
  };
}

function serveSocket(ws: WebSocket, deps: WidgetSocketDeps, address: string | undefined): void {
  const key = `socket:${++connections}`;
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  let session: WidgetSession | undefined;
  let opening = false;
  let unsubscribe = () => {};
  ws.on('close', () => unsubscribe());
  ws.on('error', () => ws.terminate());
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const parsed = isBinary ? { ok: false as const, message: 'Frames are JSON text.' } : parseClientFrame(data.toString());
    if (!parsed.ok) return send({ type: 'error', code: 'BAD_INPUT', message: parsed.message });
    const frame = parsed.frame;
    if (frame.type === 'hello') {
      if (session || opening) return send({ type: 'error', code: 'BAD_INPUT', message: 'One hello per connection.' });
      opening = true;
      return void hello(frame).catch((err: unknown) => {
        opening = false;
        fail()(err);
      });
    }
    if (!session) return send({ type: 'error', code: 'BAD_INPUT', message: 'Say hello first.', id: frame.id });
    const wait = deps.limiter.take(key, address);
    if (wait) return send({ type: 'error', code: 'RATE_LIMITED', message: `Too many messages; try again in ${wait} s.`, id: frame.id });
    void message(session, frame).catch(fail(frame.id));
  });

  /** Welcome, then the missed entries, then live ones: live frames wait until the replay went out, so none is skipped. */
  async function hello(frame: Hello) {
    const opened = await deps.service.open(frame);
    // Closed while the hello was checked: 'close' has run already, so a subscription now would never be removed.
    if (ws.readyState !== ws.OPEN) return;
    let held: ServerFrame[] | undefined = [];
    unsubscribe = deps.service.subscribe(opened.conversation, (f) => (held ? held.push(f) : send(f)));
    let missed;
    try {
      missed = await deps.service.replay(opened, frame.after);
    } catch (err) {
      // The widget may say hello again: this subscription (holding frames for a replay that never came) goes.
      unsubscribe();
      unsubscribe = () => {};
      throw err;
    }
    send({ type: 'welcome', conversation: opened.conversation, shopper: opened.shopper, signedIn: opened.signedIn });
    send({ type: 'entries', entries: missed, replay: true });
    const last = missed.at(-1)?.seq ?? frame.after;
    for (const f of held) {
      if (f.type !== 'entries') send(f);
      else if (f.entries.some((e) => e.seq > last)) send({ type: 'entries', entries: f.entries.filter((e) => e.seq > last) });
    }
    held = undefined;
    session = opened;
  }

  async function message(current: WidgetSession, frame: WidgetMessage) {
    const { seq, answer } = await deps.service.send(current, frame);
    send({ type: 'ack', id: frame.id, seq });
    await answer();
  }

  function fail(id?: string) {
    return (err: unknown) => {
      if (!isAppError(err) || err.code === 'INTERNAL') deps.log.error({ err }, 'widget socket frame failed');
      const code = isAppError(err) ? err.code : 'INTERNAL';
      send({ type: 'error', code, message: isAppError(err) ? err.message : 'Something went wrong on our side; please try again.', ...(id ? { id } : {}) });
      if (code === 'UNAUTHORIZED') ws.close(4401, 'sign-in token refused');
    };
  }
}

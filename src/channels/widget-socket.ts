import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger.ts';
import type { UpgradeHandler } from '../server/upgrade.ts';
import { serveConnection, type Connection } from './widget-connection.ts';
import { createSocketCap, type SocketCap, type WidgetLimiter } from './widget-guards.ts';
import { MAX_FRAME_BYTES } from './widget-protocol.ts';
import type { WidgetService } from './widget-service.ts';

export interface WidgetSocketDeps {
  path: string;
  service: WidgetService;
  limiter: WidgetLimiter;
  allowed(req: IncomingMessage): boolean;
  addressOf(req: IncomingMessage): string | undefined;
  /** Open sockets one address may hold (AISLE_WIDGET_SOCKETS_PER_IP); 0: no cap. */
  socketsPerIp: number;
  log: Logger;
  /** Milliseconds between pings; PING_MS unless a test wants it shorter. */
  pingMs?: number;
}

/** Pings keep proxies from dropping a quiet socket and find dead ones: a socket that has not answered the last ping is ended. */
const PING_MS = 25_000;
/** How long a peer has to answer the closing handshake before its socket is cut (ws itself would wait 30 s). */
const CLOSE_WAIT_MS = 2_000;

/** The WebSocket side of the widget: upgrades on `path` from allowed origins, one conversation per socket. */
export function openWidgetSocketServer(deps: WidgetSocketDeps): UpgradeHandler {
  // A frame over MAX_FRAME_BYTES closes the socket with 1009 (message too big) before it is read.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const cap = createSocketCap(deps.socketsPerIp);
  const open = new Map<WebSocket, Connection>();
  const unanswered = new WeakSet<WebSocket>();
  let stopping = false;
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
  const connectionDeps = { service: deps.service, limiter: deps.limiter, log: deps.log, stopping: () => stopping };
  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      if (new URL(req.url ?? '/', 'http://x').pathname !== deps.path) return false;
      const address = deps.addressOf(req);
      const refusal = stopping ? refusals.stopping : refusalOf(deps, cap, req, address);
      if (refusal) {
        deps.log.info({ origin: req.headers.origin, status: refusal.status }, `widget socket refused: ${refusal.text}`);
        refuse(socket, refusal);
        return true;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        cap.open(address);
        open.set(ws, serveConnection(ws, connectionDeps, address));
        ws.on('close', () => {
          cap.close(address);
          open.delete(ws);
        });
        ws.on('pong', () => unanswered.delete(ws));
      });
      return true;
    },
    async close(graceMs) {
      stopping = true;
      clearInterval(ping);
      await Promise.all([...open].map(([ws, connection]) => goAway(ws, connection, graceMs)));
      wss.close();
    },
  };
}

interface Refusal {
  status: string;
  text: string;
  retryAfter?: number;
}

const refusals = {
  stopping: { status: '503 Service Unavailable', text: 'Aisle is stopping; reconnect in a moment.', retryAfter: 5 },
  origin: { status: '403 Forbidden', text: 'Pages on this origin may not use this store\'s chat: add it to AISLE_WIDGET_ORIGINS.' },
} satisfies Record<string, Refusal>;

/** Why an upgrade is refused (origin, the address's rate or its open sockets), or undefined to take it. */
function refusalOf(deps: WidgetSocketDeps, cap: SocketCap, req: IncomingMessage, address: string | undefined): Refusal | undefined {
  if (!deps.allowed(req)) return refusals.origin;
  // An address whose frames used up its allowance (invalid frames count) may not start over on a fresh socket.
  const wait = deps.limiter.addressWait(address);
  if (wait) return { status: '429 Too Many Requests', text: `Too many messages from this address; try again in ${wait} s.`, retryAfter: wait };
  if (!cap.room(address)) {
    return { status: '429 Too Many Requests', text: `Too many open chat connections from this address (at most ${deps.socketsPerIp}); close another tab, or raise AISLE_WIDGET_SOCKETS_PER_IP.` };
  }
  return undefined;
}

/** An HTTP answer instead of the upgrade: the status, and the reason in words for whoever reads it. */
function refuse(socket: Duplex, refusal: Refusal): void {
  const body = Buffer.from(refusal.text);
  const retry = refusal.retryAfter ? `Retry-After: ${refusal.retryAfter}\r\n` : '';
  socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n${retry}Content-Length: ${body.length}\r\n\r\n${body}`);
}

/**
 * Stopping: a socket whose turn is being answered keeps it until the reply went out (at most `graceMs`), then is
 * told 1001 (going away: the widget reconnects, to this server's successor); a peer that does not answer is cut.
 */
async function goAway(ws: WebSocket, connection: Connection, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connection.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  ws.close(1001, 'server stopping');
  const cut = setTimeout(() => ws.terminate(), CLOSE_WAIT_MS);
  await closed;
  clearTimeout(cut);
}

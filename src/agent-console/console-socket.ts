import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentDirectory } from '../handoff/agent-directory.ts';
import { TOPICS, type RelayBus } from '../handoff/relay-bus.ts';
import type { UpgradeHandler } from '../server/upgrade.ts';
import type express from 'express';
import { cookiesOf, SESSION_COOKIE, tokenHash } from './console-auth.ts';

export const CONSOLE_SOCKET_PATH = '/agent/ws';
const PING_MS = 25_000;

/** Close code for a socket whose session is gone (signed out, expired, account removed): the page signs in again. */
const SESSION_GONE = 4401;

/**
 * The console's live channel: a signed-in agent's page hears "the queue or handoff X changed" the moment it does, on
 * any replica (the relay bus), and fetches what changed through the API. Read-only: the page never sends on it, so
 * it needs no CSRF token; the session cookie and a same-origin Origin (no cross-site WebSocket hijacking) let it in.
 * The session is asked for again before each change is told and on each ping, so a socket does not outlive sign-out,
 * expiry or the account's removal. `pingMs`: how often (tests shorten it).
 */
export function openConsoleSocket(deps: { agents: AgentDirectory; bus: RelayBus; publicOrigin?: string; pingMs?: number }): UpgradeHandler {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  /** Each open socket with the hash of the session token it was let in with. */
  const open = new Map<WebSocket, string>();
  const alive = new WeakSet<WebSocket>();
  const ping = setInterval(() => {
    for (const [ws, hash] of open) {
      if (!alive.has(ws)) ws.terminate();
      alive.delete(ws);
      ws.ping();
      void signedIn(deps.agents, ws, hash);
    }
  }, deps.pingMs ?? PING_MS).unref();
  return {
    upgrade(req, socket, head) {
      if (new URL(req.url ?? '/', 'http://x').pathname !== CONSOLE_SOCKET_PATH) return false;
      void admit(deps, req).then((result) => {
        if ('status' in result) return refuse(socket, result.status);
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, result.hash));
      }, () => refuse(socket, '503 Service Unavailable'));
      return true;
    },
    async close() {
      clearInterval(ping);
      for (const ws of open.keys()) ws.close(1001, 'server stopping');
      wss.close();
    },
  };

  function serve(ws: WebSocket, hash: string): void {
    open.set(ws, hash);
    alive.add(ws);
    // One check after another, so the changes are told in the order they came.
    let told = Promise.resolve();
    const stop = deps.bus.subscribe(TOPICS.queue, (message) => {
      told = told.then(async () => {
        if (await signedIn(deps.agents, ws, hash)) ws.send(JSON.stringify(message));
      });
    });
    ws.on('pong', () => alive.add(ws));
    ws.on('message', () => ws.close(1008, 'this socket only listens'));
    ws.on('close', () => {
      stop();
      open.delete(ws);
    });
  }
}

/** Whether the socket is open and its session still live; a session that is gone closes it with SESSION_GONE. */
async function signedIn(agents: AgentDirectory, ws: WebSocket, hash: string): Promise<boolean> {
  let live;
  try {
    live = await agents.session(hash);
  } catch {
    return false; // the database is unreachable: tell nothing now, ask again on the next change or ping
  }
  if (ws.readyState !== ws.OPEN) return false;
  if (!live) ws.close(SESSION_GONE, 'the session has ended: sign in again');
  return Boolean(live);
}

/** The session token's hash to let the socket in with; else the HTTP status it is refused with. */
async function admit(deps: { agents: AgentDirectory; publicOrigin?: string }, req: IncomingMessage): Promise<{ hash: string } | { status: string }> {
  const origin = req.headers.origin;
  const own = `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${req.headers.host}`;
  if (origin !== own && origin !== deps.publicOrigin) return { status: '403 Forbidden' };
  const token = cookiesOf(req as express.Request)[SESSION_COOKIE];
  const hash = token ? tokenHash(token) : undefined;
  if (!hash || !(await deps.agents.session(hash))) return { status: '401 Unauthorized' };
  return { hash };
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}


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

/**
 * The console's live channel: a signed-in agent's page hears "the queue or handoff X changed" the moment it does, on
 * any replica (the relay bus), and fetches what changed through the API. Read-only: the page never sends on it, so
 * it needs no CSRF token; the session cookie and a same-origin Origin (no cross-site WebSocket hijacking) let it in.
 */
export function openConsoleSocket(deps: { agents: AgentDirectory; bus: RelayBus; publicOrigin?: string }): UpgradeHandler {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const open = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  const ping = setInterval(() => {
    for (const ws of open) {
      if (!alive.has(ws)) ws.terminate();
      alive.delete(ws);
      ws.ping();
    }
  }, PING_MS).unref();
  return {
    upgrade(req, socket, head) {
      if (new URL(req.url ?? '/', 'http://x').pathname !== CONSOLE_SOCKET_PATH) return false;
      void admit(deps, req).then((status) => {
        if (status) return refuse(socket, status);
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
      }, () => refuse(socket, '503 Service Unavailable'));
      return true;
    },
    async close() {
      clearInterval(ping);
      for (const ws of open) ws.close(1001, 'server stopping');
      wss.close();
    },
  };

  function serve(ws: WebSocket): void {
    open.add(ws);
    alive.add(ws);
    const stop = deps.bus.subscribe(TOPICS.queue, (message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('pong', () => alive.add(ws));
    ws.on('message', () => ws.close(1008, 'this socket only listens'));
    ws.on('close', () => {
      stop();
      open.delete(ws);
    });
  }
}

/** Undefined to let the socket in; else the HTTP status it is refused with. */
async function admit(deps: { agents: AgentDirectory; publicOrigin?: string }, req: IncomingMessage): Promise<string | undefined> {
  const origin = req.headers.origin;
  const own = `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${req.headers.host}`;
  if (origin !== own && origin !== deps.publicOrigin) return '403 Forbidden';
  const token = cookiesOf(req as express.Request)[SESSION_COOKIE];
  if (!token || !(await deps.agents.session(tokenHash(token)))) return '401 Unauthorized';
  return undefined;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}


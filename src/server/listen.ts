import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { AppError } from '../errors.ts';
import { upgradeHandlers, type UpgradeHandler } from './upgrade.ts';

export interface RunningServer {
  port: number;
  /** Resolves once the server has stopped (after close() or SIGINT/SIGTERM). */
  closed: Promise<void>;
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

/** Listens, and shuts down gracefully on SIGINT/SIGTERM so in-flight requests finish. */
export function listen(app: express.Express, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    const upgrades = upgradeHandlers(app);
    // WebSocket endpoints (the widget's /aisle/ws); an upgrade nobody takes is refused by closing the socket.
    server.on('upgrade', (req, socket, head) => {
      if (!upgrades.some((u) => u.upgrade(req, socket, head))) socket.destroy();
    });
    server.once('error', (cause: NodeJS.ErrnoException) => {
      const hint = cause.code === 'EADDRINUSE' ? `port ${port} is in use: stop the other process or pick --port` : cause.message;
      reject(new AppError('UNAVAILABLE', `Cannot listen on ${host}:${port}: ${hint}.`, { cause }));
    });
    server.once('listening', () => {
      let finish: () => void;
      const closed = new Promise<void>((r) => (finish = r));
      let closing: Promise<void> | undefined;
      // Once only: a second signal (or close() after a signal) waits for the same shutdown.
      const close = () => (closing ??= shutDown(server, upgrades).then(() => finish()));
      const onSignal = () => void close();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      server.once('close', () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
      resolve({ port: (server.address() as AddressInfo).port, closed, close });
    });
  });
}

/**
 * Stops taking connections, lets in-flight requests and WebSocket turns finish (SHUTDOWN_GRACE_MS at most), tells
 * WebSockets to go (1001) so they do not hold the server open, then cuts whatever still hangs.
 */
async function shutDown(server: Server, upgrades: readonly UpgradeHandler[]): Promise<void> {
  const stopped = new Promise<void>((r) => server.close(() => r()));
  const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  await Promise.all(upgrades.map((u) => u.close(SHUTDOWN_GRACE_MS)));
  await stopped;
  clearTimeout(cut);
}

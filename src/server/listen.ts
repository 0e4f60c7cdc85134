import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { AppError } from '../errors.ts';
import { upgradeHandlers } from './upgrade.ts';

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
      const close = () => new Promise<void>((r) => {
        server.close(() => { finish(); r(); });
        for (const u of upgrades) u.close(); // open WebSockets would otherwise hold the server open
        // Requests still hanging after the grace period are cut so a stop signal always stops.
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
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

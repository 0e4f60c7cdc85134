import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';

/** What an app serves beyond HTTP requests: WebSocket upgrades, and the sockets to end when the server stops. */
export interface UpgradeHandler {
  /** Takes the upgrade when the path is its own and returns true; false leaves it to others (the socket is then destroyed). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Ends its open connections (the server is stopping): work they started may take up to `graceMs` to finish;
   * resolves once every connection is gone.
   */
  close(graceMs: number): Promise<void>;
}

const handlers = new WeakMap<express.Express, UpgradeHandler[]>();

/** Registered by createApp for each WebSocket endpoint; listen() routes the server's upgrades to them. */
export function addUpgradeHandler(app: express.Express, handler: UpgradeHandler): void {
  handlers.set(app, [...(handlers.get(app) ?? []), handler]);
}

export function upgradeHandlers(app: express.Express): readonly UpgradeHandler[] {
  return handlers.get(app) ?? [];
}

import type { IncomingMessage } from 'node:http';
import type express from 'express';
import { AppError } from '../errors.ts';
import { addressKey, createRateLimiter, type RateLimiter } from '../server/rate-limit.ts';

/**
 * Which pages may talk to the widget endpoints: the store's configured origins (AISLE_WIDGET_ORIGINS, exact
 * `scheme://host[:port]`), and always Aisle's own origin. A request without Origin (not a browser) passes: the
 * check keeps other sites' pages from speaking for a shopper, which only browsers would do.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  if (allowed.has(origin.toLowerCase())) return true;
  try {
    return host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file://) is allowed only when listed
  }
}

/** AISLE_WIDGET_ORIGINS ("https://shop.example, https://www.shop.example") as a set; CONFIG_INVALID names a bad entry. */
export function parseOrigins(list: string): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch { /* reported below */ }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin.toLowerCase() !== item.toLowerCase().replace(/\/$/, '')) {
      throw new AppError('CONFIG_INVALID', `AISLE_WIDGET_ORIGINS: "${item}" is not an origin like https://shop.example (scheme, host, optional port; no path).`);
    }
    origins.add(url.origin.toLowerCase());
  }
  return origins;
}

/** Messages per minute, per connection (or conversation, over HTTP) and per address; 0 turns one off. */
export interface WidgetLimits {
  perConnection: number;
  perIp: number;
}

/** The two token buckets a widget message spends from; `take` says how many seconds to wait, 0 when allowed. */
export function createWidgetLimiter(limits: WidgetLimits) {
  const of = (perMinute: number): RateLimiter | undefined => (perMinute > 0 ? createRateLimiter({ perMinute }) : undefined);
  const connection = of(limits.perConnection);
  const ip = of(limits.perIp);
  return {
    take(connectionKey: string, address: string | undefined): number {
      const key = addressKey(address);
      const byIp = ip && key !== undefined ? ip.wait(key) : 0;
      if (byIp) return byIp;
      const byConnection = connection?.take(connectionKey) ?? 0;
      if (byConnection) return byConnection;
      if (ip && key !== undefined) ip.take(key);
      return 0;
    },
  };
}

/** The caller's address as Express reads it (AISLE_TRUST_PROXY applies), also for an upgrade request Express never saw. */
export function clientAddress(app: express.Express, req: IncomingMessage): string | undefined {
  const shim = Object.assign(Object.create(app.request) as express.Request, { app, headers: req.headers, socket: req.socket, connection: req.socket });
  return shim.ip ?? req.socket.remoteAddress;
}

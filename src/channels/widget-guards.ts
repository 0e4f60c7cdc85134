import type { IncomingMessage } from 'node:http';
import type express from 'express';
import { AppError } from '../errors.ts';
import { addressKey, createRateLimiter, type RateLimiter } from '../server/rate-limit.ts';

/**
 * An origin as browsers write it in the Origin header: lowercase scheme and host, no default port (":443" on
 * https, ":80" on http), no path. Undefined for anything that is not an http(s) origin ("null", a file://).
 */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.host ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which pages may talk to the widget endpoints: the store's configured origins (AISLE_WIDGET_ORIGINS), and
 * Aisle's own origin `self` (scheme, host and port the request came to). The whole origin is compared, so
 * http://shop.example is not https://shop.example. A request without Origin (not a browser) passes: the check
 * keeps other sites' pages from speaking for a shopper, which only browsers would do.
 */
export function originAllowed(origin: string | undefined, self: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  const given = normaliseOrigin(origin);
  return given !== undefined && (allowed.has(given) || given === self);
}

/**
 * AISLE_WIDGET_ORIGINS ("https://shop.example, https://www.shop.example:8443") as a set of normalised origins
 * ("HTTPS://Shop.Example:443" is https://shop.example); CONFIG_INVALID names an entry with a path, query or user.
 */
export function parseOrigins(list: string): ReadonlySet<string> {
  const origins = new Set<string>();
  for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch { /* reported below */ }
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !/[?#]/.test(item.replace(/\/$/, ''));
    const origin = bare ? normaliseOrigin(item) : undefined;
    if (!origin) {
      throw new AppError('CONFIG_INVALID', `AISLE_WIDGET_ORIGINS: "${item}" is not an origin like https://shop.example (scheme, host, optional port; no path).`);
    }
    origins.add(origin);
  }
  return origins;
}

/** Messages per minute, per connection (or conversation, over HTTP) and per address; 0 turns one off. */
export interface WidgetLimits {
  perConnection: number;
  perIp: number;
}

/** The two token buckets widget traffic spends from; each answer is the seconds to wait, 0 when allowed. */
export interface WidgetLimiter {
  /** Spends one of the address's tokens: called first, before any token check or database work. */
  address(address: string | undefined): number;
  /** What `address` would answer, without spending (a new socket from an address with nothing left is refused). */
  addressWait(address: string | undefined): number;
  /** Spends one of the connection's (or conversation's) tokens. */
  connection(key: string): number;
  /** The address, then the connection: what one frame costs. */
  take(connectionKey: string, address: string | undefined): number;
}

export function createWidgetLimiter(limits: WidgetLimits): WidgetLimiter {
  const of = (perMinute: number): RateLimiter | undefined => (perMinute > 0 ? createRateLimiter({ perMinute }) : undefined);
  const connection = of(limits.perConnection);
  const ip = of(limits.perIp);
  const byAddress = (address: string | undefined, spend: boolean) => {
    const key = addressKey(address);
    if (!ip || key === undefined) return 0;
    return spend ? ip.take(key) : ip.wait(key);
  };
  const limiter: WidgetLimiter = {
    address: (address) => byAddress(address, true),
    addressWait: (address) => byAddress(address, false),
    connection: (key) => connection?.take(key) ?? 0,
    take: (key, address) => limiter.address(address) || limiter.connection(key),
  };
  return limiter;
}

/** Open WebSockets per address unless configured: a shopper's tabs, a household or a small office behind one address. */
export const DEFAULT_SOCKETS_PER_IP = 20;

/** Open WebSockets per address (an IPv6 /64 counts as one), so one address cannot hold the server's sockets. */
export interface SocketCap {
  /** Whether the address may open one more (`max` 0: always). */
  room(address: string | undefined): boolean;
  open(address: string | undefined): void;
  close(address: string | undefined): void;
}

export function createSocketCap(max: number): SocketCap {
  const counts = new Map<string, number>();
  const count = (key: string | undefined) => (key === undefined ? 0 : counts.get(key) ?? 0);
  const add = (address: string | undefined, n: number) => {
    const key = addressKey(address);
    if (key === undefined) return;
    const next = count(key) + n;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };
  return {
    room: (address) => max === 0 || count(addressKey(address)) < max,
    open: (address) => add(address, 1),
    close: (address) => add(address, -1),
  };
}

/** The caller's address as Express reads it (AISLE_TRUST_PROXY applies), also for an upgrade request Express never saw. */
export function clientAddress(app: express.Express, req: IncomingMessage): string | undefined {
  return expressView(app, req).ip ?? req.socket.remoteAddress;
}

/**
 * The origin the request was made to ("https://aisle.example"): scheme and host as Express reads them, so behind
 * a TLS proxy AISLE_TRUST_PROXY makes X-Forwarded-Proto and X-Forwarded-Host count.
 */
export function requestOrigin(app: express.Express, req: IncomingMessage): string | undefined {
  const view = expressView(app, req);
  return view.host ? normaliseOrigin(`${view.protocol}://${view.host}`) : undefined;
}

function expressView(app: express.Express, req: IncomingMessage): express.Request {
  return Object.assign(Object.create(app.request) as express.Request, { app, headers: req.headers, socket: req.socket, connection: req.socket });
}

import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/**
 * Token buckets per key, in this process's memory: each key may spend `perMinute` requests at once, and
 * earns them back evenly over a minute. Several replicas each count on their own (a shared limit needs
 * Redis); the least recently seen keys are forgotten past `maxKeys`, so memory stays bounded.
 */
export interface RateLimiter {
  /** Spends one token for `key`: 0 when allowed, else the whole seconds until one is earned back. */
  take(key: string): number;
  /** What `take` would answer, without spending: for limits counted only on some outcomes (refusals). */
  wait(key: string): number;
}

export interface RateLimiterOptions {
  perMinute: number;
  maxKeys?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perMinute, maxKeys = 10_000, now = Date.now } = options;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();
  const waitFor = (tokens: number) => Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
  const tokensOf = (key: string, t: number) => {
    const seen = buckets.get(key);
    return seen ? Math.min(perMinute, seen.tokens + (t - seen.at) * perMs) : perMinute;
  };
  return {
    wait(key) {
      const tokens = tokensOf(key, now());
      return tokens < 1 ? waitFor(tokens) : 0;
    },
    take(key) {
      const t = now();
      const tokens = tokensOf(key, t);
      buckets.delete(key); // re-inserted last: Map order is then least recently seen first
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return waitFor(tokens);
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      return 0;
    },
  };
}

/**
 * Middleware refusing a request whose key (`keyOf`; none: not limited) has no token left: 429 with
 * Retry-After and the error shape. `what` names the key in the message ("address", "conversation").
 */
export function rateLimit(limiter: RateLimiter, what: string, keyOf: (req: Request) => string | undefined): RequestHandler {
  return (req, res, next) => {
    const key = keyOf(req);
    const wait = key === undefined ? 0 : limiter.take(key);
    if (wait === 0) return next();
    res.setHeader('Retry-After', String(wait));
    next(new AppError('RATE_LIMITED', `Too many requests from this ${what}; try again in ${wait} s.`));
  };
}

/**
 * A limit that counts only refused requests (a bad token): `before` turns a caller away with 429 once
 * its refusals have used up the allowance, without the cost of checking yet another token; `refused`
 * counts one. Signed traffic all comes from the Bot Service's few addresses, so it is never counted.
 */
export function refusalLimit(limiter: RateLimiter, keyOf: (req: Request) => string | undefined) {
  return {
    before: ((req, res, next) => {
      const key = keyOf(req);
      const wait = key === undefined ? 0 : limiter.wait(key);
      if (wait === 0) return next();
      res.setHeader('Retry-After', String(wait));
      next(new AppError('RATE_LIMITED', `Too many refused requests from this address; try again in ${wait} s.`));
    }) as RequestHandler,
    refused: (req: Request) => {
      const key = keyOf(req);
      if (key !== undefined) limiter.take(key);
    },
  };
}

/**
 * The key a caller's address is limited by: an IPv4 address itself, an IPv6 address by its /64, since
 * one IPv6 subscriber is usually given a whole /64 and could otherwise take a fresh address, and a
 * fresh bucket, for every request. IPv4-mapped IPv6 ("::ffff:10.0.0.1") counts as the IPv4 address.
 */
export function addressKey(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type express from 'express';
import type { Logger } from '../logger.ts';

/** Slack signs each request with its time; one older or newer than this is refused (replays, skewed clocks). */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;

/**
 * Refuses, with 401 and a log line, a request whose X-Slack-Request-Timestamp is missing or more than five minutes
 * from now either way, before Bolt checks its signature (Bolt itself only refuses old ones).
 */
export function timestampWindow(log: Logger, now: () => number = Date.now): express.RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-slack-request-timestamp');
    const ts = Number(header);
    const skew = Math.abs(now() / 1000 - ts);
    if (header && Number.isFinite(ts) && skew <= SLACK_TIMESTAMP_WINDOW_S) return next();
    log.warn({ timestamp: header ?? null, ip: req.ip }, 'slack request refused: timestamp missing or outside the 5-minute window');
    res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'Slack request timestamp missing or outside the 5-minute window.' } });
  };
}

/** Bolt's and the Web API client's log lines, through Aisle's logger (its level is AISLE_LOG_LEVEL, not Bolt's). */
export function boltLogger(log: Logger): BoltLogger {
  const line = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => log.debug(line(args)),
    info: (...args) => log.info(line(args)),
    warn: (...args) => log.warn(line(args)),
    error: (...args) => log.error(line(args)),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** Ids seen in the last `ttlMs`, at most `max` of them (the oldest forgotten first). */
export interface SeenSet {
  /** True when `id` is new (and now remembered); false when it was seen within the window. */
  add(id: string): boolean;
}

export function createSeenSet(ttlMs: number, max = 10_000, now: () => number = Date.now): SeenSet {
  const seen = new Map<string, number>();
  return {
    add(id) {
      const t = now();
      // Map keeps insertion order: the oldest entries are first, so expiry stops at the first fresh one.
      for (const [key, at] of seen) {
        if (t - at < ttlMs && seen.size < max) break;
        seen.delete(key);
      }
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
  };
}

import { AppError } from '../errors.ts';
import { createRateLimiter } from '../server/rate-limit.ts';
import type { SharedCounters } from '../server/shared-counters.ts';
import type { EventLog, NewEvent } from '../storage/event-log.ts';
import type { EventsNoted, ReportedEvent } from './widget-protocol.ts';

/** Reported events one shopper may have recorded per minute, across their connections (and replicas, with Redis). */
export const REPORTED_EVENTS_PER_MINUTE = 60;

/** Who reported: the connection's verified user and the engine's id of its conversation. */
export interface Reporter {
  user: string;
  conversation: string;
}

/** Records what only the browser saw, trusting nothing in the report but which product and what was done. */
export interface ReportedEvents {
  record(reporter: Reporter, events: readonly ReportedEvent[]): Promise<EventsNoted>;
}

/** How many of `n` events the shopper may record now (0 to n), and the seconds to wait when they are already over. */
type Allowance = (user: string, n: number) => Promise<{ allowed: number; wait: number }>;

export interface ReportedEventsOptions {
  perMinute?: number;
  now?: () => number;
  /** Redis: one allowance across replicas (fixed one-minute windows); none: token buckets in this process. */
  counters?: SharedCounters;
}

export function createReportedEvents(log: EventLog, options: ReportedEventsOptions = {}): ReportedEvents {
  const perMinute = options.perMinute ?? REPORTED_EVENTS_PER_MINUTE;
  const allowance = options.counters ? sharedAllowance(options.counters, perMinute) : localAllowance(perMinute, options.now);
  return { record: (reporter, events) => recordReported(log, allowance, reporter, events) };
}

function localAllowance(perMinute: number, now?: () => number): Allowance {
  const limiter = createRateLimiter({ perMinute, now });
  return async (user, n) => {
    const wait = limiter.wait(user);
    if (wait) return { allowed: 0, wait };
    return { allowed: Array.from({ length: n }).filter(() => limiter.take(user) === 0).length, wait: 0 };
  };
}

function sharedAllowance(counters: SharedCounters, perMinute: number): Allowance {
  return async (user, n) => {
    // One atomic increment by the whole batch: two replicas cannot both spend the last of the allowance.
    const { count, resetMs } = await counters.add(`events:${user}`, n, 60_000);
    const before = count - n;
    if (before >= perMinute) return { allowed: 0, wait: Math.max(1, Math.ceil(resetMs / 1000)) };
    return { allowed: Math.min(n, perMinute - before), wait: 0 };
  };
}

/**
 * A click counts only on a product the server itself showed in this conversation: its query and position
 * come from that impression, so a page cannot invent either. Repeats in a batch, reports sent again (same id)
 * and what goes over the shopper's allowance are ignored; a shopper already over it gets RATE_LIMITED.
 */
async function recordReported(log: EventLog, allowance: Allowance, reporter: Reporter, events: readonly ReportedEvent[]): Promise<EventsNoted> {
  const unique = [...new Map(events.map((e) => [`${e.kind}\0${e.product}\0${e.id}`, e])).values()];
  const { allowed: room, wait } = await allowance(reporter.user, unique.length);
  if (wait) throw new AppError('RATE_LIMITED', `Too many reported events; try again in ${wait} s.`);
  const allowed = unique.slice(0, room);
  const found = await Promise.all(allowed.map((e) => attributed(log, reporter, e)));
  const recorded = await log.append(found.filter((e): e is NewEvent => e !== undefined));
  return { recorded, ignored: events.length - recorded };
}

/** The event as logged, with query and position from the product's latest impression here; undefined when it was never shown here. */
async function attributed(log: EventLog, reporter: Reporter, event: ReportedEvent): Promise<NewEvent | undefined> {
  const [shown] = await log.read({ user: reporter.user, conversation: reporter.conversation, product: event.product, kinds: ['impression'], limit: 1 });
  if (!shown) return undefined;
  return {
    user: reporter.user, product: event.product, kind: event.kind, channel: 'widget', conversation: reporter.conversation, key: event.id,
    ...(shown.query ? { query: shown.query } : {}), ...(shown.position ? { position: shown.position } : {}),
  };
}

import { AppError } from '../errors.ts';
import { createRateLimiter, type RateLimiter } from '../server/rate-limit.ts';
import type { EventLog, NewEvent } from '../storage/event-log.ts';
import type { EventsNoted, ReportedEvent } from './widget-protocol.ts';

/** Reported events one shopper may have recorded per minute, across their connections in this process. */
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

export function createReportedEvents(log: EventLog, options: { perMinute?: number; now?: () => number } = {}): ReportedEvents {
  const limiter = createRateLimiter({ perMinute: options.perMinute ?? REPORTED_EVENTS_PER_MINUTE, now: options.now });
  return { record: (reporter, events) => recordReported(log, limiter, reporter, events) };
}

/**
 * A click counts only on a product the server itself showed in this conversation: its query and position
 * come from that impression, so a page cannot invent either. Repeats in a batch, reports sent again (same id)
 * and what goes over the shopper's allowance are ignored; a shopper already over it gets RATE_LIMITED.
 */
async function recordReported(log: EventLog, limiter: RateLimiter, reporter: Reporter, events: readonly ReportedEvent[]): Promise<EventsNoted> {
  const wait = limiter.wait(reporter.user);
  if (wait) throw new AppError('RATE_LIMITED', `Too many reported events; try again in ${wait} s.`);
  const unique = [...new Map(events.map((e) => [`${e.kind}\0${e.product}\0${e.id}`, e])).values()];
  const allowed = unique.filter(() => limiter.take(reporter.user) === 0);
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

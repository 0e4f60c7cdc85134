import { z } from 'zod';
import { AppError } from '../errors.ts';

/** What a shopper did with a product; the personalisation issue learns from these. */
export const EVENT_KINDS = ['impression', 'click', 'detail_view', 'add_to_cart', 'purchase'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Longest query text an event keeps, in characters (a search is a few words; a pasted essay is cut). */
export const MAX_EVENT_QUERY_CHARS = 500;

/** One logged behaviour event. */
export interface BehaviourEvent {
  /** The Aisle user id (`shop:…`, `anon:…`, a Teams or Slack id…). */
  user: string;
  product: string;
  kind: EventKind;
  /** The search the product was shown for, when there was one. */
  query?: string;
  /** 1-based place of the product among those shown in its turn. */
  position?: number;
  /** The front door: `widget`, `slack`, `msteams`, `cli`… */
  channel: string;
  /** The engine's conversation id, when the event happened in one. */
  conversation?: string;
  /** The reporter's own id for the event: one already logged in the same conversation is ignored (a report sent again). */
  key?: string;
  /** ISO time. */
  at: string;
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** An event as callers hand it in; `at` defaults to now (an import passes the historical time). */
export const newEventSchema = z.strictObject({
  user: text(256),
  product: text(256),
  kind: z.enum(EVENT_KINDS),
  query: z.string().trim().max(MAX_EVENT_QUERY_CHARS * 4).transform((q) => q.slice(0, MAX_EVENT_QUERY_CHARS)).optional(),
  position: z.number().int().min(1).max(10_000).optional(),
  channel: text(64),
  conversation: text(256).optional(),
  key: text(128).optional(),
  at: z.union([z.date(), z.iso.datetime({ offset: true })]).transform((t) => new Date(t).toISOString()).optional(),
});
export type NewEvent = z.input<typeof newEventSchema>;

/** What `read` selects; every field narrows. Newest first. */
export interface EventFilter {
  user?: string;
  conversation?: string;
  product?: string;
  kinds?: readonly EventKind[];
  /** Inclusive lower and exclusive upper bound on `at`. */
  from?: Date;
  to?: Date;
  /** At most this many (default 1000, at most 100 000). */
  limit?: number;
}

/** What `scan` selects. */
export type EventRange = Pick<EventFilter, 'from' | 'to' | 'kinds'>;

/** One page of `scan`; `next` is absent on the last. */
export interface EventPage {
  events: BehaviourEvent[];
  next?: string;
}

/** Events `scan` returns per page by default, and at most. */
export const DEFAULT_SCAN_PAGE = 2000;
export const MAX_SCAN_PAGE = 20_000;

export const DEFAULT_READ_LIMIT = 1000;
export const MAX_READ_LIMIT = 100_000;

/**
 * The behaviour-event log: append-only, apart from the privacy deletes (`forgetUser`, `purgeBefore`) and
 * the sign-in merge. Every front door writes it through the conversation engine; the widget adds the
 * clicks only a browser sees. Events are ids and a query, never a shopper's other words.
 */
export interface EventLog {
  /** Validates all, then writes all in one transaction; BAD_INPUT (naming the event and field) writes none. Returns how many were new. */
  append(events: readonly NewEvent[]): Promise<number>;
  /** Events matching `filter`, newest first. */
  read(filter: EventFilter): Promise<BehaviourEvent[]>;
  /**
   * Events with `from` <= at < `to` (of `kinds`, when given) in the order written, a page at a time: reports read the
   * whole log this way. Pass `next` back for the following page; a cursor that is not one of `next`'s is BAD_INPUT.
   */
  scan(range: EventRange, page?: { after?: string; size?: number }): Promise<EventPage>;
  /** Sign-in: every event of `from` becomes `to`'s, in one statement; returns how many moved. */
  mergeUser(from: string, to: string): Promise<number>;
  /** Privacy (`aisle users forget`): deletes the user's events; returns how many. */
  forgetUser(user: string): Promise<number>;
  /** Retention (AISLE_EVENT_RETENTION_DAYS): deletes events before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** A validated event, ready for a row: `at` filled in. */
export type CheckedEvent = Omit<BehaviourEvent, 'at'> & { at: string };

/** Checks every event before any is written; the error names the first bad one and what is wrong with it. */
export function checkEvents(events: readonly NewEvent[]): CheckedEvent[] {
  const now = new Date().toISOString();
  return events.map((event, i) => {
    const parsed = newEventSchema.safeParse(event);
    if (!parsed.success) {
      const why = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
      throw new AppError('BAD_INPUT', `Event ${i + 1} of ${events.length} is not valid (${why}); nothing was written.`);
    }
    const { query, ...rest } = parsed.data;
    return { ...rest, ...(query ? { query } : {}), at: parsed.data.at ?? now };
  });
}

/** The limit `read` applies. */
export function readLimit(filter: EventFilter): number {
  const limit = filter.limit ?? DEFAULT_READ_LIMIT;
  return Math.max(0, Math.min(MAX_READ_LIMIT, Math.floor(limit)));
}

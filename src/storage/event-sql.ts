/** What the SQLite and PostgreSQL event logs share: the filter's WHERE clause and the row shape. */
import { AppError } from '../errors.ts';
import {
  DEFAULT_SCAN_PAGE, MAX_SCAN_PAGE, readLimit, type BehaviourEvent, type CheckedEvent, type EventFilter, type EventKind, type EventRange,
} from './event-log.ts';

/** Columns in insert order; `"user"` is quoted because PostgreSQL reserves the word. */
export const EVENT_COLUMNS = ['"user"', 'product', 'kind', 'query', 'position', 'channel', 'conversation', 'key', 'at'] as const;

export type EventRow = {
  user: string; product: string; kind: EventKind; query: string | null; position: number | null;
  channel: string; conversation: string | null; key: string | null; at: string | Date;
};

/** One event's values in EVENT_COLUMNS order. */
export function eventValues(e: CheckedEvent): unknown[] {
  return [e.user, e.product, e.kind, e.query ?? null, e.position ?? null, e.channel, e.conversation ?? null, e.key ?? null, e.at];
}

/**
 * The WHERE … ORDER BY … LIMIT of `read`, with `mark(n)` writing the n-th placeholder (`?` or `$n`) and
 * `toTime` the form a time bound takes in this database.
 */
export function eventQuery(filter: EventFilter, mark: (n: number) => string, toTime: (d: Date) => unknown): { sql: string; values: unknown[] } {
  const { where, values } = eventWhere(filter, mark, toTime);
  values.push(readLimit(filter));
  const sql = `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${mark(values.length)}`;
  return { sql, values };
}

/**
 * The WHERE … ORDER BY … LIMIT of `scan`: after the cursor's row id, in id (writing) order. `size` is the page size
 * the caller will compare with the rows it gets (see nextEventCursor).
 */
export function eventScanQuery(range: EventRange, after: string | undefined, size: number, mark: (n: number) => string, toTime: (d: Date) => unknown): { sql: string; values: unknown[] } {
  const { where, values } = eventWhere(range, mark, toTime);
  values.push(scanCursor(after));
  where.push(`id > ${mark(values.length)}`);
  values.push(size);
  return { sql: `WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${mark(values.length)}`, values };
}

/** A scan's page size: the default, or the caller's within 1..MAX_SCAN_PAGE. */
export function scanPageSize(size?: number): number {
  return Math.max(1, Math.min(MAX_SCAN_PAGE, Math.floor(size ?? DEFAULT_SCAN_PAGE)));
}

/** The `next` of a page: the last row's id, none when the page was not full. */
export function nextEventCursor(rows: readonly { id: number | string }[], size: number): string | undefined {
  const last = rows.at(-1);
  return last && rows.length >= size ? `e${last.id}` : undefined;
}

function scanCursor(after: string | undefined): number {
  if (after === undefined) return 0;
  const id = /^e(\d{1,18})$/.exec(after)?.[1];
  if (!id) throw new AppError('BAD_INPUT', `"${after.slice(0, 40)}" is not an event-log cursor: pass back the "next" of the previous page, or none to start.`);
  return Number(id);
}

function eventWhere(filter: EventFilter, mark: (n: number) => string, toTime: (d: Date) => unknown): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (clause: (m: string) => string, value: unknown) => {
    values.push(value);
    where.push(clause(mark(values.length)));
  };
  if (filter.user !== undefined) add((m) => `"user" = ${m}`, filter.user);
  if (filter.conversation !== undefined) add((m) => `conversation = ${m}`, filter.conversation);
  if (filter.product !== undefined) add((m) => `product = ${m}`, filter.product);
  if (filter.from) add((m) => `at >= ${m}`, toTime(filter.from));
  if (filter.to) add((m) => `at < ${m}`, toTime(filter.to));
  if (filter.kinds) {
    if (filter.kinds.length === 0) where.push('FALSE');
    for (const kind of filter.kinds) values.push(kind);
    if (filter.kinds.length) where.push(`kind IN (${filter.kinds.map((_, i) => mark(values.length - filter.kinds!.length + i + 1)).join(', ')})`);
  }
  return { where, values };
}

export function toEvent(row: EventRow): BehaviourEvent {
  const at = row.at instanceof Date ? row.at.toISOString() : row.at;
  const event: BehaviourEvent = { user: row.user, product: row.product, kind: row.kind, channel: row.channel, at };
  if (row.query !== null) event.query = row.query;
  if (row.position !== null) event.position = row.position;
  if (row.conversation !== null) event.conversation = row.conversation;
  if (row.key !== null) event.key = row.key;
  return event;
}

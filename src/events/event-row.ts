import { MAX_EVENT_QUERY_CHARS, newEventSchema, type NewEvent } from '../storage/event-log.ts';
import { eventKindOf, knownEventNames } from './event-names.ts';
import { parseTimestamp } from './event-timestamp.ts';

/** The columns of an event file, in the order `aisle events export` writes them (README "Behaviour events"). */
export const EVENT_FILE_COLUMNS = ['user_id', 'product_id', 'event', 'timestamp', 'query', 'position', 'session'] as const;
export type EventFileColumn = (typeof EVENT_FILE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly EventFileColumn[] = ['user_id', 'product_id', 'event', 'timestamp'];

/** Other names the columns go by in store exports and public logs; compared lowercased, spaces and dashes as underscores. */
const COLUMN_ALIASES: Readonly<Record<string, EventFileColumn>> = {
  user: 'user_id', userid: 'user_id', visitorid: 'user_id', visitor_id: 'user_id', customer_id: 'user_id', reviewerid: 'user_id',
  product: 'product_id', item: 'product_id', item_id: 'product_id', itemid: 'product_id', sku: 'product_id', asin: 'product_id',
  event_type: 'event', type: 'event', kind: 'event', action: 'event',
  time: 'timestamp', ts: 'timestamp', at: 'timestamp', date: 'timestamp', unixreviewtime: 'timestamp',
  search: 'query', search_query: 'query', rank: 'position', session_id: 'session', conversation: 'session',
};

/** The column a header (or JSON key) names, or undefined for one the import does not read. */
export function columnOf(name: string): EventFileColumn | undefined {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((EVENT_FILE_COLUMNS as readonly string[]).includes(key)) return key as EventFileColumn;
  return Object.hasOwn(COLUMN_ALIASES, key) ? COLUMN_ALIASES[key] : undefined;
}

/** One record's values by column; JSONL may give numbers and null. */
export type EventFields = Partial<Record<EventFileColumn, unknown>>;

/** A refused row: where (1-based line, as an editor shows it), which column, and what to do. */
export interface EventRowError {
  line: number;
  field?: EventFileColumn;
  reason: string;
}

export type EventRow = { ok: true; event: NewEvent } | { ok: false; error: EventRowError };

const MAX_ID = 256;
const MAX_POSITION = 10_000;

/** Reads one record into an event of `channel`; the first problem found is the row's error. */
export function eventFromFields(fields: EventFields, line: number, channel: string): EventRow {
  const fail = (field: EventFileColumn, reason: string): EventRow => ({ ok: false, error: { line, field, reason } });
  const user = text(fields.user_id);
  if (!user || user.length > MAX_ID) return fail('user_id', user ? `longer than ${MAX_ID} characters: shorten the id` : 'empty: every row needs the shopper\'s id');
  const product = text(fields.product_id);
  if (!product || product.length > MAX_ID) return fail('product_id', product ? `longer than ${MAX_ID} characters: shorten the id` : 'empty: every row needs the product\'s id');
  const name = text(fields.event);
  const kind = name ? eventKindOf(name) : undefined;
  if (!kind) return fail('event', name ? `"${name.slice(0, 40)}" is not an event Aisle reads: use one of ${knownEventNames()}` : 'empty: say what happened (view, click, cart, purchase…)');
  const stamp = text(fields.timestamp);
  const time = stamp ? parseTimestamp(stamp) : { ok: false as const, reason: 'empty: every row needs its time' };
  if (!time.ok) return fail('timestamp', time.reason);
  const positionText = text(fields.position);
  const position = positionText ? Number(positionText) : undefined;
  if (position !== undefined && !(Number.isInteger(position) && position >= 1 && position <= MAX_POSITION)) {
    return fail('position', `"${positionText!.slice(0, 20)}" is not a place in a list: write a whole number from 1 (shown first) to ${MAX_POSITION}, or leave it empty`);
  }
  const session = text(fields.session);
  if (session && session.length > MAX_ID) return fail('session', `longer than ${MAX_ID} characters: shorten the id or leave it empty`);
  const query = text(fields.query)?.slice(0, MAX_EVENT_QUERY_CHARS);
  const event: NewEvent = {
    user, product, kind, channel, at: time.at.toISOString(),
    ...(query ? { query } : {}), ...(position !== undefined ? { position } : {}), ...(session ? { conversation: session } : {}),
  };
  // The log's own schema has the last word, so an accepted row can never make a batch fail.
  const checked = newEventSchema.safeParse(event);
  if (!checked.success) return { ok: false, error: { line, reason: `${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` } };
  return { ok: true, event };
}

/** A trimmed string value; empty, null and absent are all "no value". */
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)).trim();
  return s === '' ? undefined : s;
}

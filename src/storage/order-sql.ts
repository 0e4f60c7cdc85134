/** What the SQLite and PostgreSQL order stores share: row shapes, the audit filter's WHERE clause, checks. */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { numberKey, type Order, type OrderStatus, type ReturnRecord } from '../orders/order.ts';
import { AUDIT_ACTIONS, type AuditEntry, type AuditFilter, type NewAuditEntry } from './order-store.ts';

export const DEFAULT_AUDIT_LIMIT = 1000;
/** An actor whose audit rows were unlinked by `aisle users forget`. */
export const FORGOTTEN_ACTOR = 'forgotten';

/** The columns an order is found by; everything else rides in `doc` (JSON). */
export interface OrderRow { doc: string | Order }
export interface ReturnRow { doc: string | ReturnRecord }
export type AuditRow = {
  at: string | Date; actor: string; conversation: string | null; channel: string | null; ip: string | null;
  action: AuditEntry['action']; order_number: string | null; outcome: AuditEntry['outcome']; detail: string | null;
};

export const AUDIT_COLUMNS = ['at', 'actor', 'conversation', 'channel', 'ip', 'action', 'order_number', 'outcome', 'detail', 'order_key'] as const;

const short = (max: number) => z.string().trim().min(1).max(max);
const auditSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional(), actor: short(256), conversation: short(256).optional(), channel: short(64).optional(),
  ip: short(64).optional(), action: z.enum(AUDIT_ACTIONS), order: short(64).optional(),
  outcome: z.enum(['ok', 'refused', 'throttled', 'not_allowed']), detail: z.string().max(500).optional(),
});

/** One audit entry's values in AUDIT_COLUMNS order, checked; BAD_INPUT names the field. */
export function auditValues(entry: NewAuditEntry): unknown[] {
  const parsed = auditSchema.safeParse(entry);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
    throw new AppError('BAD_INPUT', `The audit entry is not valid (${why}); nothing was written.`);
  }
  const e = parsed.data;
  const at = e.at ? new Date(e.at).toISOString() : new Date().toISOString();
  return [at, e.actor, e.conversation ?? null, e.channel ?? null, e.ip ?? null, e.action, e.order ?? null, e.outcome, e.detail ?? null, e.order ? numberKey(e.order) : null];
}

/** WHERE … ORDER BY … LIMIT of `auditTrail`; `mark(n)` writes the n-th placeholder. */
export function auditQuery(filter: AuditFilter, mark: (n: number) => string, toTime: (d: Date) => unknown): { sql: string; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (column: string, op: string, value: unknown) => {
    values.push(value);
    where.push(`${column} ${op} ${mark(values.length)}`);
  };
  if (filter.order !== undefined) add('order_key', '=', numberKey(filter.order));
  if (filter.actor !== undefined) add('actor', '=', filter.actor);
  if (filter.conversation !== undefined) add('conversation', '=', filter.conversation);
  if (filter.ip !== undefined) add('ip', '=', filter.ip);
  if (filter.action !== undefined) add('action', '=', filter.action);
  if (filter.outcome !== undefined) add('outcome', '=', filter.outcome);
  if (filter.since) add('at', '>=', toTime(filter.since));
  values.push(Math.max(0, Math.min(100_000, Math.floor(filter.limit ?? DEFAULT_AUDIT_LIMIT))));
  return { sql: `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${mark(values.length)}`, values };
}

export function toAudit(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { at: row.at instanceof Date ? row.at.toISOString() : row.at, actor: row.actor, action: row.action, outcome: row.outcome };
  if (row.conversation !== null) entry.conversation = row.conversation;
  if (row.channel !== null) entry.channel = row.channel;
  if (row.ip !== null) entry.ip = row.ip;
  if (row.order_number !== null) entry.order = row.order_number;
  if (row.detail !== null) entry.detail = row.detail;
  return entry;
}

export function parseDoc<T>(doc: string | T): T {
  return typeof doc === 'string' ? (JSON.parse(doc) as T) : doc;
}

/**
 * The next return number of an order: RMA-<number>-<n>, n from 1. The number is the order's look-up key, separators
 * kept, so "AD-2044" and "AD2044" never share an RMA; n has no dash, so an RMA names one order and one return.
 */
export function rmaFor(order: Order, existing: number): string {
  return `RMA-${numberKey(order.number)}-${existing + 1}`;
}

/** A return, completed with its number and status. */
export function returnRecord(started: Omit<ReturnRecord, 'rma' | 'status'>, rma: string): ReturnRecord {
  return { rma, order: started.order, items: started.items, reason: started.reason, status: 'started', createdAt: started.createdAt, dropOffBy: started.dropOffBy };
}

/** The order moved to `to` in chat, marked so that a later import keeps it (a cancellation gets its time). */
export function changedInChat(order: Order, to: OrderStatus, at = new Date().toISOString()): Order {
  return { ...order, status: to, ...(to === 'cancelled' ? { cancelledAt: at } : {}), changedInChat: { status: to, at } };
}

/**
 * An imported order over the stored one. A status Aisle set in chat is newer than any file exported before the
 * store heard of it (`aisle orders export-changes`), so it is kept, with its time (`kept`); everything else comes
 * from the file. A file that already says the same status simply agrees.
 */
export function importedOver(stored: Order | undefined, incoming: Order): { order: Order; kept: boolean } {
  const mark = stored?.changedInChat;
  if (!mark) return { order: incoming, kept: false };
  if (incoming.status === mark.status) return { order: { ...incoming, changedInChat: mark }, kept: false };
  const cancelledAt = mark.status === 'cancelled' ? stored.cancelledAt ?? mark.at : incoming.cancelledAt;
  return { order: { ...incoming, status: mark.status, ...(cancelledAt ? { cancelledAt } : {}), changedInChat: mark }, kept: true };
}

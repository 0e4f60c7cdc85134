// What Aisle changed on orders in chat, for the store's own system to apply: cancellations and returns, oldest first.
import { AppError } from '../errors.ts';
import type { OrderStore } from '../storage/order-store.ts';

/** One change made through Aisle: `rma`, `items` and `reason` only on a return. */
export interface OrderChange {
  at: string;
  order: string;
  change: 'cancelled' | 'return';
  rma?: string;
  /** "1 × Trail runner [TR-M]; 2 × Stoneware mug". */
  items?: string;
  reason?: string;
}

/** Audit rows read at most: far more than a day's changes; a store exporting less often passes --since. */
const MAX_ROWS = 100_000;

/** The cancellations and returns made in chat at or after `since` (all when undefined), oldest first. */
export async function orderChanges(store: OrderStore, since: Date | undefined): Promise<OrderChange[]> {
  const filter = { outcome: 'ok' as const, limit: MAX_ROWS, ...(since ? { since } : {}) };
  const rows = [...await store.auditTrail({ ...filter, action: 'cancel' }), ...await store.auditTrail({ ...filter, action: 'return' })]
    .filter((r) => r.order !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at));
  const changes: OrderChange[] = [];
  for (const row of rows) {
    if (row.action === 'cancel') { changes.push({ at: row.at, order: row.order!, change: 'cancelled' }); continue; }
    const record = (await store.get(row.order!))?.returns.find((r) => r.rma === row.detail);
    changes.push({
      at: row.at, order: row.order!, change: 'return', ...(row.detail ? { rma: row.detail } : {}),
      ...(record ? { items: record.items.map((i) => `${i.quantity} × ${i.title}${i.sku ? ` [${i.sku}]` : ''}`).join('; '), reason: record.reason } : {}),
    });
  }
  return changes;
}

/** --since as a date or time; BAD_INPUT says what is accepted. */
export function parseSince(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new AppError('BAD_INPUT', `--since "${value}" is not a date or time: use e.g. 2026-11-29 or 2026-11-29T18:00:00Z.`);
  return new Date(t);
}

export const CHANGE_COLUMNS = ['at', 'order', 'change', 'rma', 'items', 'reason'] as const;

/** One CSV line; fields with a comma, quote or line break are quoted. */
export function csvLine(values: readonly (string | undefined)[]): string {
  return values.map((v = '') => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

import type { z } from 'zod';
import type { RowError } from '../domain.ts';
import { AppError } from '../errors.ts';
import { newOrderSchema, type NewOrder } from './order.ts';
import { ordersFromCsv } from './order-csv.ts';

/** Orders read from a file, each with the lines it came from, the rows refused with why, and orders taken with a warning. */
export interface ReadOrders {
  orders: { order: NewOrder; lines: number[] }[];
  errors: RowError[];
  /** Taken, but something was filled in: the summary says what (a delivered order without a delivery date). */
  warnings: RowError[];
}
/** What a format reader gives before the orders are checked. */
export type RawOrders = Omit<ReadOrders, 'warnings'>;

/** CSV (Shopify's orders export or Aisle's columns: README "Orders") by extension or content, else JSONL (one order per line). */
export function readOrderFile(text: string, name: string): ReadOrders {
  const format = /\.jsonl?$/i.test(name) ? 'jsonl' : /\.(csv|tsv)$/i.test(name) ? 'csv' : text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  const read = format === 'jsonl' ? ordersFromJsonl(text) : ordersFromCsv(text);
  return checked(read);
}

/** Each order checked on its own: a bad one is refused with its first line, the others are kept. */
function checked(read: RawOrders): ReadOrders {
  const errors = [...read.errors];
  const warnings: RowError[] = [];
  const orders = read.orders.filter((entry) => {
    const { order, lines } = entry;
    const parsed = newOrderSchema.safeParse(order);
    if (parsed.success) {
      const filled = withDeliveryDate(parsed.data);
      if (filled) {
        entry.order = { ...order, deliveredAt: filled.at };
        warnings.push({ line: lines[0]!, reason: `order ${order.number} is delivered but has no delivery date; its return window counts from ${filled.from}` });
      }
      return true;
    }
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'order'}: ${i.message}`).join('; ');
    errors.push({ line: lines[0]!, reason: `order ${order.number ?? '(no number)'}${lines.length > 1 ? ` (lines ${lines[0]}–${lines.at(-1)})` : ''} is not valid: ${why}` });
    return false;
  });
  return { orders, errors: errors.sort((a, b) => a.line - b.line), warnings };
}

/**
 * A delivered order needs a delivery time: the return window counts from it. Without one, the shipping time stands in
 * (the earliest the parcel can have arrived, so the window never runs past the real one), else the order time.
 */
function withDeliveryDate(order: z.output<typeof newOrderSchema>): { at: string; from: string } | undefined {
  if (order.status !== 'delivered' || order.deliveredAt) return undefined;
  if (order.shippedAt) return { at: order.shippedAt, from: `its shipping date, ${order.shippedAt.slice(0, 10)}` };
  return { at: order.placedAt, from: `its order date, ${order.placedAt.slice(0, 10)} (no shipping date either)` };
}

function ordersFromJsonl(text: string): RawOrders {
  const orders: RawOrders['orders'] = [];
  const errors: RowError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const value = JSON.parse(raw) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      orders.push({ order: value as NewOrder, lines: [i + 1] });
    } catch (err) {
      errors.push({ line: i + 1, reason: `not a JSON object (${(err as Error).message}); expected {"number","email","status","items":[…],"placedAt",…}` });
    }
  });
  if (orders.length === 0 && errors.length === 0) throw new AppError('BAD_INPUT', 'The file has no orders: it is empty.');
  return { orders, errors };
}

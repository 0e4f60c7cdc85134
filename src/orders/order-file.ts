import type { RowError } from '../domain.ts';
import { AppError } from '../errors.ts';
import { newOrderSchema, type NewOrder } from './order.ts';
import { ordersFromCsv } from './order-csv.ts';

/** Orders read from a file, each with the lines it came from, and the rows refused with why. */
export interface ReadOrders {
  orders: { order: NewOrder; lines: number[] }[];
  errors: RowError[];
}

/** CSV (Shopify's orders export or Aisle's columns: README "Orders") by extension or content, else JSONL (one order per line). */
export function readOrderFile(text: string, name: string): ReadOrders {
  const format = /\.jsonl?$/i.test(name) ? 'jsonl' : /\.(csv|tsv)$/i.test(name) ? 'csv' : text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
  const read = format === 'jsonl' ? ordersFromJsonl(text) : ordersFromCsv(text);
  return checked(read);
}

/** Each order checked on its own: a bad one is refused with its first line, the others are kept. */
function checked(read: ReadOrders): ReadOrders {
  const errors = [...read.errors];
  const orders = read.orders.filter(({ order, lines }) => {
    const parsed = newOrderSchema.safeParse(order);
    if (parsed.success) return true;
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'order'}: ${i.message}`).join('; ');
    errors.push({ line: lines[0]!, reason: `order ${order.number ?? '(no number)'}${lines.length > 1 ? ` (lines ${lines[0]}–${lines.at(-1)})` : ''} is not valid: ${why}` });
    return false;
  });
  return { orders, errors: errors.sort((a, b) => a.line - b.line) };
}

function ordersFromJsonl(text: string): ReadOrders {
  const orders: ReadOrders['orders'] = [];
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

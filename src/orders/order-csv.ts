// Orders from CSV: Shopify's orders export (one row per line item, the order's own fields on its first row) or the same columns by Aisle's names.
import { readDelimited } from '../catalog/csv.ts';
import type { RowError } from '../domain.ts';
import { AppError } from '../errors.ts';
import { displayNumber, numberKey, type NewOrder, type OrderStatus } from './order.ts';
import type { RawOrders } from './order-file.ts';

/** Each field and the headers that give it, Shopify's first; compared lower-case. */
const COLUMNS = {
  number: ['name', 'order number', 'order', 'number'],
  email: ['email', 'e-mail'],
  postcode: ['shipping zip', 'billing zip', 'postcode', 'zip', 'postal code'],
  customerId: ['customer id', 'customer_id', 'customerid'],
  status: ['status'],
  financial: ['financial status'],
  fulfillment: ['fulfillment status'],
  // Shopify's own export has no delivery column; exports from its API or export apps carry the fulfillment's display status.
  shipment: ['fulfillment: shipment status', 'shipment status', 'fulfillment: display status', 'delivery status'],
  createdAt: ['created at', 'placed at', 'placedat'],
  fulfilledAt: ['fulfilled at', 'shipped at', 'shippedat'],
  deliveredAt: ['delivered at', 'deliveredat', 'fulfillment: delivered at', 'delivery date'],
  cancelledAt: ['cancelled at', 'cancelledat'],
  currency: ['currency'],
  subtotal: ['subtotal'],
  shipping: ['shipping'],
  tax: ['taxes', 'tax'],
  total: ['total'],
  refunded: ['refunded amount'],
  itemName: ['lineitem name', 'item title', 'title'],
  itemQuantity: ['lineitem quantity', 'quantity', 'qty'],
  itemPrice: ['lineitem price', 'price'],
  itemSku: ['lineitem sku', 'sku'],
  itemProduct: ['lineitem product id', 'product id', 'productid'],
  trackingNumber: ['tracking number'],
  trackingCompany: ['tracking company', 'carrier'],
  trackingUrl: ['tracking url'],
} as const;
type Field = keyof typeof COLUMNS;
type Row = { line: number; get(field: Field): string };

export function ordersFromCsv(text: string): RawOrders {
  const records = readDelimited(text, text.split('\n', 1)[0]!.includes('\t') ? '\t' : ',');
  const header = records.shift();
  if (!header?.ok) throw new AppError('BAD_INPUT', 'No header line: the first line must name the columns, e.g. Shopify\'s Name,Email,Financial Status,…,Lineitem name,… .');
  const index = columnIndex(header.fields);
  for (const need of ['number', 'email', 'itemName'] as const) {
    if (index[need] === undefined) throw new AppError('BAD_INPUT', `No ${COLUMNS[need][0]} column: the header must name one of ${COLUMNS[need].map((c) => `"${c}"`).join(', ')} (any case).`);
  }
  const errors: RowError[] = [];
  const groups = new Map<string, Row[]>();
  for (const record of records) {
    if (!record.ok) { errors.push({ line: record.line, reason: record.reason }); continue; }
    const row: Row = { line: record.line, get: (f) => (index[f] === undefined ? '' : (record.fields[index[f]!] ?? '').trim()) };
    const number = row.get('number');
    if (!number) { errors.push({ line: row.line, reason: `no order number (${COLUMNS.number[0]} column is empty)` }); continue; }
    groups.set(numberKey(number), [...(groups.get(numberKey(number)) ?? []), row]);
  }
  const orders = [...groups.values()].flatMap((rows) => {
    const built = orderOf(rows);
    if ('reason' in built) { errors.push(built); return []; }
    return [{ order: built, lines: rows.map((r) => r.line) }];
  });
  return { orders, errors };
}

function columnIndex(fields: string[]): Partial<Record<Field, number>> {
  const names = fields.map((f) => f.trim().toLowerCase());
  const index: Partial<Record<Field, number>> = {};
  for (const [field, headers] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
    const at = headers.map((h) => names.indexOf(h)).find((i) => i >= 0);
    if (at !== undefined) index[field] = at;
  }
  return index;
}

/** One order from its rows: the order's fields from the first row that has them, a line item from each row. */
function orderOf(rows: Row[]): NewOrder | RowError {
  const first = (f: Field) => rows.map((r) => r.get(f)).find((v) => v !== '') ?? '';
  const items: NewOrder['items'] = [];
  for (const row of rows) {
    const quantity = Number(row.get('itemQuantity') || '1');
    const price = parseMoney(row.get('itemPrice'));
    const span = rows.length > 1 ? `lines ${rows[0]!.line}–${rows.at(-1)!.line}` : `line ${rows[0]!.line}`;
    const where = `order ${displayNumber(row.get('number'))} not imported (${span})`;
    if (!row.get('itemName')) return { line: row.line, reason: `no line item name; ${where}` };
    if (!Number.isInteger(quantity) || quantity < 1) return { line: row.line, reason: `quantity "${row.get('itemQuantity')}" is not a whole number of at least 1; ${where}` };
    if (price === undefined) return { line: row.line, reason: `price "${row.get('itemPrice')}" is not an amount; ${where}` };
    const sku = row.get('itemSku');
    const productId = row.get('itemProduct') || undefined;
    items.push({ title: row.get('itemName'), quantity, price, ...(sku ? { sku } : {}), ...(productId ? { productId } : {}) });
  }
  return orderFields(first, items);
}

function orderFields(first: (f: Field) => string, items: NewOrder['items']): NewOrder {
  const placedAt = shopifyTime(first('createdAt'));
  const shippedAt = shopifyTime(first('fulfilledAt'));
  const deliveredAt = shopifyTime(first('deliveredAt'));
  const cancelledAt = shopifyTime(first('cancelledAt'));
  const money = (f: Field) => parseMoney(first(f));
  const refunded = money('refunded');
  const trackingNumber = first('trackingNumber');
  return {
    number: first('number'), email: first('email'), postcode: first('postcode') || undefined, customerId: first('customerId') || undefined,
    status: statusOf(first('status'), first('fulfillment'), first('shipment'), { cancelledAt, deliveredAt }), items, currency: first('currency') || 'USD',
    subtotal: money('subtotal'), shipping: money('shipping') ?? 0, tax: money('tax') ?? 0, total: money('total'),
    placedAt: placedAt ?? first('createdAt'), ...(shippedAt ? { shippedAt } : {}), ...(deliveredAt ? { deliveredAt } : {}), ...(cancelledAt ? { cancelledAt } : {}),
    ...(trackingNumber ? { tracking: { number: trackingNumber, ...(first('trackingCompany') ? { carrier: first('trackingCompany') } : {}), ...(first('trackingUrl') ? { url: first('trackingUrl') } : {}) } } : {}),
    refunds: refunded && refunded > 0 ? [{ amount: refunded, status: 'issued', requestedAt: cancelledAt ?? shippedAt ?? placedAt ?? first('createdAt') }] : [],
  } as NewOrder;
}

/**
 * Aisle's own Status column wins; else Shopify's: cancelled when "Cancelled at" is set, delivered when a delivery time
 * is given or the shipment status (the fulfillment's display status) is `delivered` or `picked_up`, processing when the
 * fulfillment status is empty or `unfulfilled` (an imported order is past its first hour), else shipped: `fulfilled`,
 * `partial` and `restocked` all mean something left the warehouse, so it can no longer be cancelled.
 */
function statusOf(status: string, fulfillment: string, shipment: string, at: { cancelledAt?: string; deliveredAt?: string }): OrderStatus {
  if (status) return status.toLowerCase() as OrderStatus;
  if (at.cancelledAt) return 'cancelled';
  if (at.deliveredAt || /^(?:delivered|picked[ _]up)$/i.test(shipment.trim())) return 'delivered';
  return /^(?:unfulfilled)?$/i.test(fulfillment.trim()) ? 'processing' : 'shipped';
}

/** "12.50", "$1,299.00" → a number; empty or not a number → undefined. */
function parseMoney(value: string): number | undefined {
  const plain = value.replace(/[$€£,\s]/g, '');
  if (plain === '') return undefined;
  const n = Number(plain);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Shopify's "2024-03-05 14:07:12 -0500" (or ISO already) → ISO; undefined when empty or unreadable. */
function shopifyTime(value: string): string | undefined {
  if (!value) return undefined;
  const m = value.match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*([+-]\d{2}):?(\d{2})$/);
  const t = Date.parse(m ? `${m[1]}T${m[2]}${m[3]}:${m[4]}` : value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

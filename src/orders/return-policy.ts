// The demo store's return and cancellation rules (demo/help-centre/README.md, "Policy facts"), as data and pure functions.
import type { Order, OrderItem, OrderStatus, ReturnRecord } from './order.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from delivery to drop a return off. */
export const RETURN_WINDOW_DAYS = 30;
/** Days from the RMA to drop the parcel off. */
export const RMA_DROP_OFF_DAYS = 14;
/** The prepaid label, deducted from the refund unless the item came damaged, defective or wrong. */
export const RETURN_LABEL_PRICE = 7.95;
/** Statuses the assistant may cancel from: not yet shipped. */
export const CANCELLABLE: readonly OrderStatus[] = ['placed', 'processing'];

/** A reason that makes the label free: the store's fault, not the shopper's choice. */
const STORE_FAULT = /\b(?:damag\w*|broken|defect\w*|faulty|wrong|not what i ordered|missing parts?|doesn'?t work|stopped working)\b/i;

/** One line that can still go back, with how many of it. */
export interface ReturnableItem {
  index: number;
  item: OrderItem;
  quantity: number;
}

/**
 * The last moment a return may be dropped off: 30 days from delivery; for an order placed November 1–December 31,
 * January 31 of the next year if that is later. Undefined before delivery.
 */
export function returnDeadline(order: Order): Date | undefined {
  if (!order.deliveredAt) return undefined;
  const standard = new Date(Date.parse(order.deliveredAt) + RETURN_WINDOW_DAYS * DAY_MS);
  const placed = new Date(order.placedAt);
  if (placed.getUTCMonth() < 10) return standard;
  const holiday = new Date(Date.UTC(placed.getUTCFullYear() + 1, 0, 31, 23, 59, 59));
  return holiday > standard ? holiday : standard;
}

/** Lines of a delivered order, inside its window, less what earlier returns already took. */
export function returnableItems(order: Order, returns: readonly ReturnRecord[], now: Date): ReturnableItem[] {
  const deadline = returnDeadline(order);
  if (order.status !== 'delivered' || !deadline || now > deadline) return [];
  const taken = new Map<number, number>();
  for (const returned of returns.flatMap((r) => r.items)) {
    const line = returnedLine(order, returned);
    if (line !== undefined) taken.set(line, (taken.get(line) ?? 0) + returned.quantity);
  }
  return order.items.flatMap((item, index) => {
    const quantity = item.quantity - (taken.get(index) ?? 0);
    return quantity > 0 ? [{ index, item, quantity }] : [];
  });
}

/**
 * The order line a returned item came from: by SKU when one line has it (a re-import may reorder the lines), by the
 * recorded line index otherwise; a record from before lines were kept falls back to the first line of its title and product.
 */
export function returnedLine(order: Order, returned: ReturnRecord['items'][number]): number | undefined {
  const bySku = returned.sku ? order.items.flatMap((item, i) => (item.sku === returned.sku ? [i] : [])) : [];
  if (bySku.length === 1) return bySku[0];
  if (returned.line !== undefined) return bySku.length === 0 || bySku.includes(returned.line) ? returned.line : bySku[0];
  const byTitle = order.items.findIndex((item) => item.title === returned.title && item.productId === returned.productId);
  return byTitle >= 0 ? byTitle : undefined;
}

/** True when the reason is the store's fault: the label is free. */
export function freeLabel(reason: string): boolean {
  return STORE_FAULT.test(reason);
}

export function dropOffBy(now: Date): Date {
  return new Date(now.getTime() + RMA_DROP_OFF_DAYS * DAY_MS);
}

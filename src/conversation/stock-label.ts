import type { Availability } from '../domain.ts';

/** How each availability reads on a product, in every channel (widget, Slack, Teams cards, the storefront). */
export const AVAILABILITY_LABELS: Readonly<Record<Availability, string>> = {
  in_stock: 'In stock', out_of_stock: 'Out of stock', preorder: 'Pre-order', backorder: 'Backorder', unknown: 'Stock unknown',
};

/** At most this many on hand is said as a count ("Only 3 left"). */
const FEW_LEFT = 5;

/**
 * "In stock", "Only 3 left", "Out of stock"…: `stock` (units on hand, when the catalog says) turns a few left into a
 * count, and answers for an `unknown` availability.
 */
export function stockLabel(p: { availability: Availability; stock?: number }): string {
  if (p.availability === 'in_stock' && p.stock !== undefined && p.stock > 0 && p.stock <= FEW_LEFT) return `Only ${p.stock} left`;
  if (p.availability === 'unknown' && p.stock !== undefined) return AVAILABILITY_LABELS[p.stock > 0 ? 'in_stock' : 'out_of_stock'];
  return AVAILABILITY_LABELS[p.availability];
}

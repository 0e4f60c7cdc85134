import type { StoredProduct } from '../domain.ts';
import type { ResultOrder } from '../understanding/result-order.ts';

/**
 * Results put in the order the shopper asked for; ties, and products without the value (no price,
 * no rating), keep their relevance order, the latter after the rest. A new array.
 */
export function orderResults(products: readonly StoredProduct[], order: ResultOrder | undefined): StoredProduct[] {
  if (!order) return [...products];
  const value = (p: StoredProduct) => (order === 'rating' ? p.rating : p.price);
  const sign = order === 'price-asc' ? 1 : -1;
  return products
    .map((p, rank) => ({ p, rank, v: value(p) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.rank - b.rank : a.v === undefined ? 1 : -1;
      return sign * (a.v - b.v) || a.rank - b.rank;
    })
    .map((x) => x.p);
}

/** ", cheapest first": said after the search it orders. */
export function orderText(order: ResultOrder | undefined): string {
  if (order === 'price-asc') return ', cheapest first';
  if (order === 'price-desc') return ', most expensive first';
  if (order === 'rating') return ', best rated first';
  return '';
}

/** Product-level facts derived from variants (Shopify variants, Merchant item groups). Pure. */
import type { Availability, Variant } from '../domain.ts';

// Best first: one purchasable variant makes the product purchasable; all sold out makes it sold out.
const RANK: readonly Availability[] = ['in_stock', 'preorder', 'backorder', 'unknown', 'out_of_stock'];

/** The best availability among `values`; 'unknown' when there are none. */
export function bestAvailability(values: readonly Availability[]): Availability {
  return RANK.find((a) => values.includes(a)) ?? 'unknown';
}

/** Lowest price, total stock (only when some variant reports it) and best availability. */
export function summariseVariants(variants: readonly Variant[]): {
  price?: number;
  stock?: number;
  availability: Availability;
} {
  const prices = variants.flatMap((v) => (v.price === undefined ? [] : [v.price]));
  const stocks = variants.flatMap((v) => (v.stock === undefined ? [] : [v.stock]));
  return {
    ...(prices.length > 0 ? { price: Math.min(...prices) } : {}),
    ...(stocks.length > 0 ? { stock: stocks.reduce((a, b) => a + b, 0) } : {}),
    availability: bestAvailability(variants.map((v) => v.availability)),
  };
}

/** Distinct values of the options whose name is one of `names` (case-insensitive), in variant order. */
export function optionValues(variants: readonly Variant[], names: readonly string[]): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const values: string[] = [];
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.options)) {
      if (wanted.has(name.toLowerCase()) && !values.includes(value)) values.push(value);
    }
  }
  return values;
}

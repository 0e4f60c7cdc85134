/** Demo stock levels: most products in stock, some sold out, a few on preorder or backorder. */
import type { Availability } from '../src/domain.ts';
import type { Random } from './random.ts';

export interface StockLevel {
  stock: number;
  availability: Availability;
}

export function sampleStock(rng: Random): StockLevel {
  const roll = rng.next();
  if (roll < 0.07) return { stock: 0, availability: 'out_of_stock' };
  if (roll < 0.09) return { stock: 0, availability: 'preorder' };
  if (roll < 0.11) return { stock: 0, availability: 'backorder' };
  // Skewed toward small counts: plenty of items with only a few left.
  return { stock: 1 + Math.floor(400 * rng.next() ** 2), availability: 'in_stock' };
}

/** A variant's stock: sold out now and then, otherwise a modest count. */
export function sampleVariantStock(rng: Random): StockLevel {
  if (rng.chance(0.15)) return { stock: 0, availability: 'out_of_stock' };
  return { stock: rng.int(1, 60), availability: 'in_stock' };
}

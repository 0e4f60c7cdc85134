/** Color × size variants for some apparel and shoe products, each with its own SKU, price and stock. */
import type { Variant } from '../src/domain.ts';
import type { Random } from './random.ts';
import { toCents } from './price.ts';
import { sampleVariantStock } from './stock.ts';
import { toTitleCase } from './templates.ts';

/** Share of products in variant departments that get variants. */
export const VARIANT_SHARE = 0.15;

export interface VariantSet {
  colors: string[];
  sizes: string[];
  variants: Variant[];
}

/**
 * 2–3 colors from the palette × a run of 3–5 of the product's sizes. The largest size sometimes
 * costs a little more. Needs at least two colors and three sizes to choose from.
 */
export function buildVariants(rng: Random, id: string, palette: readonly string[], sizes: readonly string[], basePrice: number): VariantSet {
  const colors = rng.sample(palette, rng.int(2, 3));
  const length = Math.min(sizes.length, rng.int(3, 5));
  const start = rng.int(0, sizes.length - length);
  const run = sizes.slice(start, start + length);
  const upcharge = rng.chance(0.4) ? (basePrice < 50 ? 3 : 10) : 0;
  const variants: Variant[] = [];
  for (const color of colors) {
    for (const [index, size] of run.entries()) {
      const price = index === run.length - 1 ? toCents(basePrice + upcharge) : basePrice;
      variants.push({
        sku: `${id}-${skuPart(color)}-${skuPart(size)}`,
        price,
        options: { Color: toTitleCase(color), Size: size },
        ...sampleVariantStock(rng),
      });
    }
  }
  return { colors, sizes: run, variants };
}

/** "sky blue" → "SKY-BLUE", "US 8.5" → "US-8-5". */
function skuPart(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '');
}

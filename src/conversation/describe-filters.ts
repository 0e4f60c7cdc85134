import type { Filters } from '../search/filters.ts';
import { formatPrice } from './format-price.ts';

/** Filters in words, for "Here are sofas under $500, in red, not leather". */
export function describeFilters(f: Filters, currency = 'USD'): string {
  const parts: string[] = [];
  if (f.priceMin !== undefined && f.priceMax !== undefined) parts.push(`${formatPrice(f.priceMin, currency)}–${formatPrice(f.priceMax, currency)}`);
  else if (f.priceMax !== undefined) parts.push(`under ${formatPrice(f.priceMax, currency)}`);
  else if (f.priceMin !== undefined) parts.push(`over ${formatPrice(f.priceMin, currency)}`);
  if (f.audience) parts.push(`for ${f.audience}`);
  if (f.colors?.length) parts.push(`in ${f.colors.join(' or ')}`);
  if (f.materials?.length) parts.push(`in ${f.materials.join(' or ')}`);
  if (f.sizes?.length) parts.push(`size ${f.sizes.join(' or ')}`);
  if (f.brands?.length) parts.push(`from ${f.brands.join(' or ')}`);
  if (f.inStock) parts.push('in stock');
  const ex = f.exclude ?? {};
  const excluded = [ex.colors, ex.materials, ex.brands, ex.categories].flatMap((l) => l ?? []);
  if (excluded.length) parts.push(`not ${excluded.join(', not ')}`);
  return parts.join(', ');
}

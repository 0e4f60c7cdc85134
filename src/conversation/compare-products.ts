import type { Product } from '../domain.ts';
import { toCard } from './cards.ts';
import { formatPrice } from './format-price.ts';
import { factLabel } from './product-facts.ts';
import type { Comparison } from './reply.ts';

const AVAILABILITY: Record<Product['availability'], string> = {
  in_stock: 'In stock', out_of_stock: 'Out of stock', preorder: 'Pre-order', backorder: 'Back order', unknown: 'Not stated',
};

/** Two to four products side by side; a row a product lacks reads null, never a guess. */
export function compareProducts(products: (Product & { id: string })[]): Comparison {
  const list = (values: string[]) => (values.length ? values.join(', ') : null);
  const rows: Comparison['rows'] = [
    { label: 'Price', values: products.map((p) => (p.price === undefined ? null : formatPrice(p.price, p.currency))) },
    { label: 'Brand', values: products.map((p) => p.brand ?? null) },
    { label: 'Rating', values: products.map((p) => (p.rating === undefined ? null : `${p.rating.toFixed(1)}/5${p.reviewCount ? ` (${p.reviewCount})` : ''}`)) },
    { label: 'Availability', values: products.map((p) => AVAILABILITY[p.availability]) },
    { label: 'Colours', values: products.map((p) => list(p.colors)) },
    { label: 'Materials', values: products.map((p) => list(p.materials)) },
    { label: 'Sizes', values: products.map((p) => list(p.sizes)) },
    { label: 'Category', values: products.map((p) => p.category.at(-1) ?? null) },
  ];
  const attributeKeys = [...new Set(products.flatMap((p) => Object.keys(p.attributes)))].sort();
  // Shoppers read these rows: "assembly_required" is shown as "Assembly required".
  for (const key of attributeKeys) rows.push({ label: factLabel(key), values: products.map((p) => p.attributes[key] ?? null) });
  return { products: products.map(toCard), rows: rows.filter((r) => r.values.some((v) => v !== null)) };
}

/** One sentence on the differences a shopper asks about first: price and rating. */
export function comparisonSummary(products: Product[]): string {
  const priced = products.filter((p) => p.price !== undefined);
  const rated = products.filter((p) => p.rating !== undefined);
  const parts: string[] = [];
  if (priced.length >= 2) {
    const cheapest = priced.reduce((a, b) => (b.price! < a.price! ? b : a));
    parts.push(`${cheapest.title} is the cheapest at ${formatPrice(cheapest.price, cheapest.currency)}`);
  }
  if (rated.length >= 2) {
    const top = Math.max(...rated.map((p) => p.rating!));
    const best = rated.filter((p) => p.rating === top);
    // A tie names nobody: "best rated" must mean something.
    if (best.length === 1) parts.push(`${best[0]!.title} is the best rated (${top.toFixed(1)}/5)`);
  }
  return parts.length ? `${parts.join('; ')}.` : 'Here they are side by side.';
}

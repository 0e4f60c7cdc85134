import type { Product } from '../domain.ts';
import { facetKey } from '../search/filters.ts';
import { terms } from '../search/text.ts';

/**
 * The first page of a personalised list is not ten near-duplicates: a shopper's history pulls one brand and
 * one product family up together, so without this the page could be the same shoe in six colours.
 */

export interface DiversityOptions {
  /** The page kept varied (the first screen of results). */
  pageSize: number;
  /** Most products of one brand on that page, unless the shopper asked for the brand. */
  maxPerBrand: number;
}

export const DEFAULT_DIVERSITY: DiversityOptions = { pageSize: 10, maxPerBrand: 3 };

/** What the shopper asked for, which diversity must not push away. */
export interface Asked {
  /** The words searched: a product they name in full may show in all its variants. */
  text: string;
  /** Brands in the applied filters. */
  brands?: readonly string[];
}

/** Variants of one product share this: brand and title without the product's own colour and size words. */
export function variantKey(p: Pick<Product, 'title' | 'brand' | 'colors' | 'sizes'>): string {
  const own = new Set([...p.colors, ...p.sizes].flatMap((v) => terms(v)));
  return `${facetKey(p.brand ?? '')}|${terms(p.title).filter((t) => !own.has(t)).join(' ')}`;
}

/**
 * Reorders (never drops) `hits` so the first page has at most one variant of a product and `maxPerBrand` of a
 * brand; what is held back keeps its order after the page. Too few distinct products: the page is filled with
 * the held-back ones, best first.
 */
export function diversify<T extends { product: Product }>(hits: readonly T[], asked: Asked, options = DEFAULT_DIVERSITY): T[] {
  const askedBrands = new Set((asked.brands ?? []).map(facetKey));
  const said = new Set(terms(asked.text));
  const page: T[] = [];
  const held: T[] = [];
  const variants = new Set<string>();
  const brands = new Map<string, number>();
  let i = 0;
  for (; i < hits.length && page.length < options.pageSize; i++) {
    const hit = hits[i]!;
    const key = variantKey(hit.product);
    const brand = facetKey(hit.product.brand ?? '');
    const named = namedInFull(key, said);
    const sameProduct = variants.has(key) && !named;
    const brandFull = brand !== '' && !askedBrands.has(brand) && (brands.get(brand) ?? 0) >= options.maxPerBrand;
    if (sameProduct || brandFull) {
      held.push(hit);
      continue;
    }
    page.push(hit);
    variants.add(key);
    brands.set(brand, (brands.get(brand) ?? 0) + 1);
  }
  const fill = held.splice(0, options.pageSize - page.length);
  return [...page, ...fill, ...held, ...hits.slice(i)];
}

/** The words searched hold every word of the product's name (its variant key's title part). */
function namedInFull(key: string, said: ReadonlySet<string>): boolean {
  const title = key.slice(key.indexOf('|') + 1).split(' ').filter(Boolean);
  return title.length > 0 && title.every((t) => said.has(t));
}

/** Mean distance over all pairs of `items` (0 with fewer than two): intra-list diversity, reported beside NDCG. */
export function intraListDiversity<T>(items: readonly T[], distance: (a: T, b: T) => number): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      sum += distance(items[a]!, items[b]!);
      pairs++;
    }
  }
  return pairs ? sum / pairs : 0;
}

/**
 * Distance of two products by what a shopper sees: 0 for variants of one product, else half for another brand
 * plus half for another leaf category. For catalogs (or logs) without vectors.
 */
export function productDistance(a: Product, b: Product): number {
  if (variantKey(a) === variantKey(b)) return 0;
  const brand = facetKey(a.brand ?? '') !== facetKey(b.brand ?? '') ? 0.5 : 0;
  const leaf = a.category.at(-1) !== b.category.at(-1) ? 0.5 : 0;
  return brand + leaf;
}

/** Cosine distance of two unit vectors (the vector index's product vectors). */
export function vectorDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return 1 - dot;
}

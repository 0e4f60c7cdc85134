import { readMeasure } from './measurements.ts';
import type { Product } from '../domain.ts';
import { productAudience, type Audience } from './audience.ts';
import { terms } from './text.ts';

/** Hard constraints on results. Lists are OR within a facet and AND across facets. */
export interface Filters {
  priceMin?: number;
  priceMax?: number;
  colors?: string[];
  sizes?: string[];
  materials?: string[];
  brands?: string[];
  /** Category names at any depth of the path ("Sofas", "Furniture"). */
  categories?: string[];
  inStock?: boolean;
  /** Whom the products are for; products whose record does not say, or says unisex, pass. */
  audience?: Audience;
  /** Values the shopper ruled out ("not leather", "no red"). */
  exclude?: { colors?: string[]; materials?: string[]; brands?: string[]; categories?: string[] };
}

/** A product's facet values as match keys, computed once per load so filtering stays cheap. */
export interface ProductFacets {
  price?: number;
  inStock: boolean;
  /** Each set holds every value's key and each word of it: "Navy Blue" → {"navy blue", "navy", "blue"}. */
  colors: Set<string>;
  sizes: Set<string>;
  materials: Set<string>;
  categories: Set<string>;
  brand?: string;
  audience?: Audience | 'unisex';
}

const SPELLINGS: Record<string, string> = { gray: 'grey', colour: 'color' };

// Catalogs repeat a few thousand facet values across all products; computing each key once
// takes start-up from seconds to milliseconds on a 20k catalog.
const keyCache = new Map<string, string>();

/** Comparable form of a facet value: stemmed terms, British/American spellings folded. */
export function facetKey(value: string): string {
  let key = keyCache.get(value);
  if (key === undefined) {
    key = terms(value).map((t) => SPELLINGS[t] ?? t).join(' ');
    if (keyCache.size < 100_000) keyCache.set(value, key);
  }
  return key;
}

// Products share most value lists (["Navy Blue"], ["Cotton"]): each distinct list's set is built once
// and shared, since nothing changes a product's facet sets after load. Halves start-up's facet pass.
const setCache = new Map<string, ReadonlySet<string>>();

/**
 * A size's comparable form: a measurement by its number and unit ('65"' and "65 in" are both
 * "65 in"), so a 65-inch filter never admits a 65-quart cooler through the bare number; any other
 * size by its facet key ("us 10").
 */
export function sizeKey(value: string): string {
  const measure = readMeasure(value);
  return measure ? `${measure.numbers.join('x')} ${measure.unit}` : facetKey(value);
}

/** Size keys of a product: measured sizes whole, others also by their words ("US 10" is a size 10). */
function sizeKeySet(values: readonly string[]): Set<string> {
  const measured = values.filter((v) => readMeasure(v));
  if (measured.length === 0) return keySet(values);
  return new Set([...keySet(values.filter((v) => !readMeasure(v))), ...measured.map(sizeKey)]);
}

function keySet(values: readonly string[]): Set<string> {
  const id = values.join('\n');
  const cached = setCache.get(id);
  if (cached) return cached as Set<string>;
  const set = new Set<string>();
  for (const v of values) {
    const key = facetKey(v);
    set.add(key);
    for (const part of key.split(' ')) set.add(part);
  }
  // Keyed by content, so it is right for any catalog; cleared when full, so a server that re-indexed
  // into new values keeps caching them instead of holding the old catalog's sets for good.
  if (setCache.size >= 100_000) setCache.clear();
  setCache.set(id, set);
  return set;
}

/**
 * Real catalogs leave fields empty ("Moonlit velvet armchair" with no material column), so an
 * empty colour, material or category list falls back to the title's words rather than failing every filter.
 */
export function productFacets(p: Product): ProductFacets {
  const orTitle = (values: string[]) => keySet(values.length > 0 ? values : [p.title]);
  return {
    price: p.price, inStock: p.availability === 'in_stock', colors: orTitle(p.colors), sizes: sizeKeySet(p.sizes),
    materials: orTitle(p.materials), categories: orTitle(p.category), brand: p.brand ? facetKey(p.brand) : undefined,
    audience: productAudience(p.attributes),
  };
}

/** Filters with every value turned into its key; build once per query. */
export type CompiledFilters = ReturnType<typeof compileFilters>;

export function compileFilters(f: Filters) {
  const k = (values?: string[]) => (values?.length ? values.map(facetKey) : undefined);
  return {
    priceMin: f.priceMin, priceMax: f.priceMax, inStock: f.inStock === true, audience: f.audience,
    colors: k(f.colors), sizes: f.sizes?.length ? f.sizes.map(sizeKey) : undefined, materials: k(f.materials), brands: k(f.brands), categories: k(f.categories),
    notColors: k(f.exclude?.colors), notMaterials: k(f.exclude?.materials), notBrands: k(f.exclude?.brands),
    notCategories: k(f.exclude?.categories),
  };
}

const any = (set: Set<string>, wanted: string[]) => wanted.some((w) => set.has(w));

/** Whether a product satisfies every filter. */
export function matchesFilters(p: ProductFacets, f: CompiledFilters): boolean {
  if (f.priceMin !== undefined && (p.price === undefined || p.price < f.priceMin)) return false;
  if (f.priceMax !== undefined && (p.price === undefined || p.price > f.priceMax)) return false;
  if (f.inStock && !p.inStock) return false;
  if (f.audience && p.audience && p.audience !== 'unisex' && p.audience !== f.audience) return false;
  if (f.colors && !any(p.colors, f.colors)) return false;
  if (f.sizes && !any(p.sizes, f.sizes)) return false;
  if (f.materials && !any(p.materials, f.materials)) return false;
  if (f.brands && !(p.brand && f.brands.includes(p.brand))) return false;
  if (f.categories && !any(p.categories, f.categories)) return false;
  if (f.notColors && any(p.colors, f.notColors)) return false;
  if (f.notMaterials && any(p.materials, f.notMaterials)) return false;
  if (f.notBrands && p.brand && f.notBrands.includes(p.brand)) return false;
  if (f.notCategories && any(p.categories, f.notCategories)) return false;
  return true;
}

/** True when at least one filter is set. */
export function hasFilters(f: Filters): boolean {
  const ex = f.exclude;
  const lists = [f.colors, f.sizes, f.materials, f.brands, f.categories, ex?.colors, ex?.materials, ex?.brands, ex?.categories];
  return f.priceMin !== undefined || f.priceMax !== undefined || f.inStock === true || f.audience !== undefined || lists.some((l) => (l?.length ?? 0) > 0);
}

/** `extra` over `base`: facet by facet, exclusions merged rather than replaced. */
export function mergeFilters(base: Filters, extra: Filters = {}): Filters {
  const exclude = { ...base.exclude, ...extra.exclude };
  for (const key of ['colors', 'materials', 'brands', 'categories'] as const) {
    const both = [...(base.exclude?.[key] ?? []), ...(extra.exclude?.[key] ?? [])];
    if (both.length) exclude[key] = [...new Set(both)];
  }
  const merged: Filters = { ...base, ...extra };
  if (Object.keys(exclude).length) merged.exclude = exclude;
  return merged;
}

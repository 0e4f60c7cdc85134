import type { Product } from '../domain.ts';
import { facetKey } from './filters.ts';
import { measurePhrases } from './measurements.ts';
import { terms } from './text.ts';

export type Facet = 'category' | 'color' | 'material' | 'brand' | 'size';

/** A catalog value the query parser can recognise, with the label shown back to the shopper. */
export interface FacetValue {
  facet: Facet;
  label: string;
  /** A size that is a measurement ('65"'), reached through a unit spelling ("65 inch"). */
  measure?: true;
}

/** Facet values of the catalog keyed by `facetKey`, so query words map onto filters. */
export type FacetVocabulary = ReadonlyMap<string, FacetValue>;

/**
 * Basic colour words a shopper says even when the catalog only has shades of them ("blue" for
 * "sky blue" and "navy blue"); recognised when some catalog colour contains the word.
 */
const BASIC_COLORS = ('black white grey silver gold red pink purple blue navy teal green olive yellow orange ' +
  'brown tan beige cream ivory').split(' ');

/** Which facet wins when one key names several ("Oak" the brand vs oak the material). */
const PRIORITY: Facet[] = ['category', 'color', 'material', 'brand', 'size'];

/** Collects every value of the filterable facets that a shopper could type. */
export function buildFacetVocabulary(products: Iterable<Product>): FacetVocabulary {
  const list = [...products];
  const found = new Map<string, FacetValue>();
  const add = (facet: Facet, label: string) => {
    const key = facetKey(label);
    // One-letter keys are only sizes (S, M, L); the parser trusts those only after "size".
    if (key.length === 0 || (key.length < 2 && facet !== 'size')) return;
    const current = found.get(key);
    if (!current || PRIORITY.indexOf(facet) < PRIORITY.indexOf(current.facet)) found.set(key, { facet, label });
  };
  for (const p of list) {
    p.category.forEach((c) => add('category', c));
    p.colors.forEach((c) => add('color', c));
    p.materials.forEach((m) => add('material', m));
    p.sizes.forEach((s) => add('size', s));
    if (p.brand) add('brand', p.brand);
  }
  const colorWords = new Set([...found].filter(([, v]) => v.facet === 'color').flatMap(([key]) => key.split(' ')));
  for (const word of BASIC_COLORS) if (colorWords.has(word) && !found.has(word)) found.set(word, { facet: 'color', label: word });
  for (const [key, label] of titleNouns(list)) if (!found.has(key)) found.set(key, { facet: 'category', label });
  // "65 inch", "7 quart", "65 litre": every spelling of a measured size's unit reaches it.
  for (const value of [...found.values()].filter((v) => v.facet === 'size')) {
    for (const phrase of measurePhrases(value.label)) {
      const key = facetKey(phrase);
      if (!found.has(key)) found.set(key, { facet: 'size', label: value.label, measure: true });
    }
  }
  return found;
}

/** A title word names a category when this many products use it and nearly all sit in that category. */
const NOUN_MIN_PRODUCTS = 5;
const NOUN_PURITY = 0.9;
/** Where a title's product-kind phrase ends: "Hot Brush in White", "Dutch Oven by Hearthline", "Tee, Navy". */
const TITLE_TAIL = /\s(?:in|by|with|for|from|of)\s|\s[-–—|(]\s?|,/i;

/**
 * Words and word pairs of the titles that name one category: "couch" and "loveseat" in a store whose
 * only couches are Sofas, "dutch oven" for Pots & Dutch Ovens. Read from the store's own titles, so
 * any catalog's names for its products become categories, not a list kept here. Only the head of a
 * title's product-kind phrase counts (its last word, alone or with the word before): "hot" in "Hot
 * Brush", "cold" in "Cold Brew Maker" and "neck" in "V-Neck Tee" describe a product, they don't name
 * one, and a shopper saying "keep my coffee hot" wants no hair tools.
 */
function titleNouns(products: readonly Product[]): Map<string, string> {
  const asHead = new Map<string, number>();
  const byKey = new Map<string, Map<string, number>>();
  for (const p of products) {
    const leaf = p.category[p.category.length - 1];
    if (!leaf) continue;
    for (const key of titleHeads(p.title)) asHead.set(key, (asHead.get(key) ?? 0) + 1);
    const t = terms(p.title);
    for (const key of new Set([...t, ...t.slice(1).map((w, i) => `${t[i]} ${w}`)])) {
      const byLeaf = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
      byLeaf.set(leaf, (byLeaf.get(leaf) ?? 0) + 1);
    }
  }
  const out = new Map<string, string>();
  for (const [key, heads] of asHead) {
    // Purity over every title using the word anywhere, head or not.
    const byLeaf = byKey.get(key);
    if (!byLeaf || heads < NOUN_MIN_PRODUCTS || key.length <= 2) continue;
    const total = [...byLeaf.values()].reduce((a, b) => a + b, 0);
    const [leaf, n] = [...byLeaf].sort((a, b) => b[1] - a[1])[0]!;
    if (n / total >= NOUN_PURITY) out.set(key, leaf);
  }
  return out;
}

/** The head noun of a title's product-kind phrase, alone and with the word before it. */
export function titleHeads(title: string): string[] {
  const kind = title.split(TITLE_TAIL)[0] ?? '';
  const t = terms(kind).filter((w) => !/\d/.test(w));
  const head = t.at(-1);
  if (!head) return [];
  return t.length > 1 ? [head, `${t.at(-2)} ${head}`] : [head];
}

/** The store's nouns, from category names and tags, for `productTerms`. */
export function productTermsOf(products: Iterable<{ category: string[]; tags: string[] }>): Set<string> {
  const out = new Set<string>();
  for (const p of products) for (const phrase of [...p.category, ...p.tags]) for (const t of terms(phrase)) out.add(t);
  return out;
}

/** The currency most of the catalog is priced in: the store's, for reading budgets. */
export function storeCurrencyOf(products: Iterable<{ currency: string }>): string {
  const counts = new Map<string, number>();
  for (const p of products) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}

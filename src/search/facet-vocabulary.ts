import type { Product } from '../domain.ts';
import { facetKey, sizeKey } from './filters.ts';
import { measurePhrases, readMeasure } from './measurements.ts';
import { addSpokenSizes } from './size-words.ts';
import { stem, terms, words } from './text.ts';

export type Facet = 'category' | 'color' | 'material' | 'brand' | 'size';

/** A catalog value the query parser can recognise, with the label shown back to the shopper. */
export interface FacetValue {
  facet: Facet;
  label: string;
  /** A size that is a measurement ('65"'), reached through a unit spelling ("65 inch"). */
  measure?: true;
  /** Colours, materials and sizes: the leaf categories whose products carry the value. */
  leaves?: string[];
  /** Categories: the names above this one in the catalog's paths ("Home Decor", "Rugs" above "Area Rugs"). */
  parents?: string[];
  /** Other facets' values under the same words ("brass" the material behind the colour), for a kind that lacks this one. */
  also?: FacetValue[];
  /** Words that name the value only beside a kind of product that has it: a size said in words ("medium" for M), a material's first word ("merino"). */
  needsKind?: true;
  /** A title pair opening on a colour or material that the products so named mostly lack ("espresso machine"). */
  fixedName?: true;
}

/** Facet values of the catalog keyed by `facetKey`, so query words map onto filters. */
export type FacetVocabulary = ReadonlyMap<string, FacetValue>;

/**
 * Basic colour words a shopper says even when the catalog only has shades of them ("blue" for
 * "sky blue" and "navy blue"); recognised when some catalog colour contains the word.
 */
const BASIC_COLORS = ('black white grey silver gold red pink purple blue navy teal green olive yellow orange ' +
  'brown tan beige cream ivory').split(' ');

/** Whether a word is one of the basic colour words ("green" in "sage green" names the shade's family). */
export function isBasicColor(word: string): boolean {
  return BASIC_COLORS.includes(word);
}

/** Which facet wins when one key names several ("Oak" the brand vs oak the material). */
const PRIORITY: Facet[] = ['category', 'color', 'material', 'brand', 'size'];
/** Facets whose values belong to some kinds of product and not others. */
const PER_LEAF = new Set<Facet>(['color', 'material', 'size']);

interface Entry { label: string; leaves: Set<string>; parents: Set<string>; others?: Map<string, Entry> }

/** Collects every value of the filterable facets that a shopper could type. */
export function buildFacetVocabulary(products: Iterable<Product>): FacetVocabulary {
  const list = [...products];
  const byFacet = new Map<Facet, Map<string, Entry>>(PRIORITY.map((f) => [f, new Map()]));
  const add = (facet: Facet, label: string, leaf: string | undefined, parents: readonly string[] = []) => {
    const key = facetKey(label);
    // One-letter keys are only sizes (S, M, L); the parser trusts those only after "size".
    if (key.length === 0 || (key.length < 2 && facet !== 'size')) return;
    const values = byFacet.get(facet)!;
    let entry = values.get(key) ?? values.set(key, { label, leaves: new Set(), parents: new Set() }).get(key)!;
    // '10"' (a skillet) and "10" (a child's dress) share their words but are different sizes ("US 8" and "8"
    // differ in the leaves that use each); so are the
    // group "Mattresses & Toppers" and its leaf "Mattress Toppers" different categories.
    const variant = facet === 'size' || facet === 'category' ? label.toLowerCase() : undefined;
    if (variant !== undefined && variant !== entry.label.toLowerCase()) {
      const others = (entry.others ??= new Map());
      entry = others.get(variant) ?? others.set(variant, { label, leaves: new Set(), parents: new Set() }).get(variant)!;
    }
    if (leaf) entry.leaves.add(leaf);
    parents.forEach((p) => entry.parents.add(p));
  };
  for (const p of list) {
    const leaf = p.category.at(-1);
    p.category.forEach((c, i) => add('category', c, undefined, p.category.slice(0, i)));
    p.colors.forEach((c) => add('color', c, leaf));
    p.materials.forEach((m) => add('material', m, leaf));
    p.sizes.forEach((s) => add('size', s, leaf));
    if (p.brand) add('brand', p.brand, undefined);
  }
  const colors = byFacet.get('color')!;
  for (const word of BASIC_COLORS) {
    if (!colors.has(word) && [...colors.keys()].some((key) => key.split(' ').includes(word))) colors.set(word, { label: word, leaves: new Set(), parents: new Set() });
  }
  // A filter on "glass" admits "tempered glass" (filters match each word of a value), so the word belongs to those leaves too.
  for (const facet of ['color', 'material'] as const) {
    const values = byFacet.get(facet)!;
    for (const [key, entry] of values) {
      if (key.includes(' ')) continue;
      for (const [other, o] of values) if (other !== key && other.split(' ').includes(key)) o.leaves.forEach((l) => entry.leaves.add(l));
    }
  }
  const found = new Map<string, FacetValue>();
  for (const facet of PRIORITY) {
    for (const [key, entry] of byFacet.get(facet)!) {
      const value: FacetValue = { facet, label: entry.label };
      if (PER_LEAF.has(facet) && entry.leaves.size) value.leaves = [...entry.leaves];
      if (entry.parents.size) value.parents = [...entry.parents];
      const others = [...(entry.others?.values() ?? [])].map((o): FacetValue => ({ facet, label: o.label,
        ...(o.leaves.size ? { leaves: [...o.leaves] } : {}), ...(o.parents.size ? { parents: [...o.parents] } : {}) }));
      const current = found.get(key);
      if (!current) found.set(key, others.length ? { ...value, also: others } : value);
      else if (PER_LEAF.has(facet)) (current.also ??= []).push(value, ...others);
    }
  }
  for (const [key, noun] of titleNouns(list, found)) if (!found.has(key)) found.set(key, noun);
  for (const [key, noun] of nameParts(found)) if (!found.has(key)) found.set(key, noun);
  // "65 inch", "7 quart", "65 litre": every spelling of a measured size's unit reaches it.
  for (const value of measuredSizes(list)) {
    for (const phrase of measurePhrases(value.label)) {
      const key = facetKey(phrase);
      if (!found.has(key)) found.set(key, { ...value, measure: true });
    }
  }
  addSpokenSizes(found);
  for (const [key, value] of materialShortNames(found)) if (!found.has(key)) found.set(key, value);
  return found;
}

/**
 * "Pajamas & Loungewear", "Bowls & Feeders", "Seeds & Bulbs": a category named by joining two names
 * answers to each, where the part is a plural noun ("pajamas", "bowls"); a part like "Rain" in "Rain &
 * Snow Boots" or "Resistance & Recovery" describes, it names nothing.
 */
function nameParts(found: FacetVocabulary): Map<string, FacetValue> {
  const out = new Map<string, FacetValue>();
  for (const v of [...found.values()].flatMap((v) => [v, ...(v.also ?? [])])) {
    if (v.facet !== 'category' || !v.parents || !/\s(?:&|and)\s/i.test(v.label)) continue;
    for (const part of v.label.split(/\s(?:&|and)\s/i)) {
      const last = words(part).at(-1) ?? '';
      const key = facetKey(part);
      if (stem(last) !== last && key.length > 2 && !out.has(key)) out.set(key, { facet: 'category', label: v.label, parents: v.parents });
    }
  }
  return out;
}

/**
 * "merino" for merino wool, "percale" for percale cotton, "buckwheat" for buckwheat hulls: the first word
 * of a material's name, where it opens no other material and means nothing else in the catalog. Read
 * only beside a kind that has the material (`needsKind`).
 */
function materialShortNames(found: FacetVocabulary): Map<string, FacetValue> {
  const byFirst = new Map<string, FacetValue[]>();
  for (const [key, v] of found) {
    const words = key.split(' ');
    if (v.facet === 'material' && words.length > 1 && words[0]!.length >= 4) (byFirst.get(words[0]!) ?? byFirst.set(words[0]!, []).get(words[0]!)!).push(v);
  }
  const out = new Map<string, FacetValue>();
  for (const [word, values] of byFirst) if (values.length === 1) out.set(word, { ...values[0]!, needsKind: true });
  return out;
}

/** Every measured size, once per measure ('10"' and "10 in" are one), with all the leaves that carry it. */
function measuredSizes(products: readonly Product[]): FacetValue[] {
  const out = new Map<string, { label: string; leaves: Set<string> }>();
  for (const p of products) {
    for (const label of p.sizes) {
      if (!readMeasure(label)) continue;
      const key = sizeKey(label);
      const entry = out.get(key) ?? out.set(key, { label, leaves: new Set() }).get(key)!;
      const leaf = p.category.at(-1);
      if (leaf) entry.leaves.add(leaf);
    }
  }
  return [...out.values()].map((v) => ({ facet: 'size', label: v.label, leaves: [...v.leaves] }));
}

/** A title word names a category when this many products use it and nearly all sit in that category. */
const NOUN_MIN_PRODUCTS = 5;
const NOUN_PURITY = 0.9;
/** Below this share of products carrying it, a title pair's colour or material word is part of the name. */
const FIXED_NAME_SHARE = 0.25;
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
function titleNouns(products: readonly Product[], found: FacetVocabulary): Map<string, FacetValue> {
  const asHead = new Map<string, number>();
  const carrying = new Map<string, number>();
  const byKey = new Map<string, Map<string, number>>();
  for (const p of products) {
    const leaf = p.category[p.category.length - 1];
    if (!leaf) continue;
    const own = new Set([...p.colors, ...p.materials].flatMap((v) => facetKey(v).split(' ')));
    for (const key of titleHeads(p.title)) {
      asHead.set(key, (asHead.get(key) ?? 0) + 1);
      if (own.has(key.split(' ')[0]!)) carrying.set(key, (carrying.get(key) ?? 0) + 1);
    }
    const t = terms(p.title);
    for (const key of new Set([...t, ...t.slice(1).map((w, i) => `${t[i]} ${w}`)])) {
      const byLeaf = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
      byLeaf.set(leaf, (byLeaf.get(leaf) ?? 0) + 1);
    }
  }
  const out = new Map<string, FacetValue>();
  for (const [key, heads] of asHead) {
    // Purity over every title using the word anywhere, head or not.
    const byLeaf = byKey.get(key);
    if (!byLeaf || heads < NOUN_MIN_PRODUCTS || key.length <= 2) continue;
    const total = [...byLeaf.values()].reduce((a, b) => a + b, 0);
    const [leaf, n] = [...byLeaf].sort((a, b) => b[1] - a[1])[0]!;
    if (n / total < NOUN_PURITY) continue;
    // "Espresso Machine" in black and silver: the colour word is part of the name, not the product's colour.
    const lead = key.includes(' ') ? found.get(key.split(' ')[0]!)?.facet : undefined;
    const fixed = (lead === 'color' || lead === 'material') && (carrying.get(key) ?? 0) / heads < FIXED_NAME_SHARE;
    out.set(key, { facet: 'category', label: leaf, ...(fixed ? { fixedName: true as const } : {}) });
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

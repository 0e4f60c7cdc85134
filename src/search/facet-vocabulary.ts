import type { Product } from '../domain.ts';
import { facetKey } from './filters.ts';

export type Facet = 'category' | 'color' | 'material' | 'brand' | 'size';

/** A catalog value the query parser can recognise, with the label shown back to the shopper. */
export interface FacetValue {
  facet: Facet;
  label: string;
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
  const found = new Map<string, FacetValue>();
  const add = (facet: Facet, label: string) => {
    const key = facetKey(label);
    // One-letter keys are only sizes (S, M, L); the parser trusts those only after "size".
    if (key.length === 0 || (key.length < 2 && facet !== 'size')) return;
    const current = found.get(key);
    if (!current || PRIORITY.indexOf(facet) < PRIORITY.indexOf(current.facet)) found.set(key, { facet, label });
  };
  for (const p of products) {
    p.category.forEach((c) => add('category', c));
    p.colors.forEach((c) => add('color', c));
    p.materials.forEach((m) => add('material', m));
    p.sizes.forEach((s) => add('size', s));
    if (p.brand) add('brand', p.brand);
  }
  const colorWords = new Set([...found].filter(([, v]) => v.facet === 'color').flatMap(([key]) => key.split(' ')));
  for (const word of BASIC_COLORS) if (colorWords.has(word) && !found.has(word)) found.set(word, { facet: 'color', label: word });
  return found;
}

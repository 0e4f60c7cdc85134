/**
 * Letter sizes said in words: "a medium harness", "womens parka, large", "extra small tees", "2XL".
 * Grammar of clothing sizes, not of one catalog: a spelling is added only where the catalog has the
 * letter size it names, and a plain word ("small", "large") is read only beside a kind of product
 * that comes in that size, since "a small rug" or "a large bowl" say how big, not which size label.
 */
import type { FacetValue } from './facet-vocabulary.ts';
import { facetKey } from './filters.ts';

/** Spellings by the letter size's key; `words` are ordinary English and need a kind that has the size. */
const SPELLINGS: Readonly<Record<string, { words: string[]; marks: string[] }>> = {
  xs: { words: ['extra small', 'x small', 'xsmall'], marks: [] },
  s: { words: ['small'], marks: [] },
  m: { words: ['medium'], marks: [] },
  l: { words: ['large'], marks: [] },
  xl: { words: ['extra large', 'x large', 'xlarge'], marks: ['1xl'] },
  xxl: { words: ['extra extra large', 'xx large', '2x large'], marks: ['2xl', '2x'] },
  xxxl: { words: ['xxx large', '3x large'], marks: ['3xl', '3x'] },
};

/**
 * Adds the word spellings of the catalog's letter sizes to `found`. A spelling whose words already
 * name something ("medium" a foundation shade) keeps that reading and gets the size as `also`.
 */
export function addSpokenSizes(found: Map<string, FacetValue>): void {
  for (const [letter, { words, marks }] of Object.entries(SPELLINGS)) {
    const size = found.get(letter);
    if (size?.facet !== 'size') continue;
    const said = (spoken: boolean): FacetValue => ({ facet: 'size', label: size.label, ...(size.leaves ? { leaves: size.leaves } : {}), ...(spoken ? { needsKind: true as const } : {}) });
    for (const [spelling, spoken] of [...words.map((w) => [w, true] as const), ...marks.map((m) => [m, false] as const)]) {
      const key = facetKey(spelling);
      const current = found.get(key);
      if (!current) found.set(key, said(spoken));
      else if (current.facet !== 'size') (current.also ??= []).push(said(spoken));
    }
  }
}

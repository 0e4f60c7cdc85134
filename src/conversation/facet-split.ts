import type { Product } from '../domain.ts';
import type { Filters } from '../search/filters.ts';

type SplitFacet = 'categories' | 'brands' | 'colors' | 'materials';

/** A question that narrows a broad result list: which facet, in words, and the values to offer. */
export interface FacetQuestion {
  facet: SplitFacet;
  question: string;
  options: string[];
}

/** A result list is too broad to page through when its top spans this many kinds of product… */
const BROAD_CATEGORIES = 4;
/** …with no one kind holding this share of it. */
const DOMINANT_SHARE = 0.5;
const MAX_OPTIONS = 5;

const VALUES: Record<SplitFacet, (p: Product) => string[]> = {
  categories: (p) => (p.category.length ? [p.category[p.category.length - 1]!] : []),
  brands: (p) => (p.brand ? [p.brand] : []),
  colors: (p) => p.colors,
  materials: (p) => p.materials,
};
const QUESTIONS: Record<SplitFacet, string> = {
  categories: 'What kind are you after?',
  brands: 'Any brand in mind?',
  colors: 'Which colour do you prefer?',
  materials: 'Any preferred material?',
};

/**
 * When the top results are spread over many kinds of product, the facet whose values split them
 * most evenly (highest entropy, weighted by how many results have a value), as a question with
 * its most common values; undefined when the results are focused enough to show as they are.
 */
export function broadResultQuestion(top: readonly Product[], filters: Filters): FacetQuestion | undefined {
  if (top.length < 10 || filters.categories?.length) return undefined;
  const categories = distribution(top, VALUES.categories);
  const dominant = Math.max(0, ...categories.values()) / top.length;
  if (categories.size < BROAD_CATEGORIES || dominant >= DOMINANT_SHARE) return undefined;
  let best: { facet: SplitFacet; score: number; counts: Map<string, number> } | undefined;
  for (const facet of Object.keys(VALUES) as SplitFacet[]) {
    if (facet !== 'categories' && filters[facet]?.length) continue;
    const counts = distribution(top, VALUES[facet]);
    if (counts.size < 2) continue;
    const covered = [...counts.values()].reduce((a, b) => a + b, 0);
    const score = entropy(counts) * Math.min(1, covered / top.length);
    if (!best || score > best.score) best = { facet, score, counts };
  }
  if (!best) return undefined;
  const options = [...best.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_OPTIONS).map(([v]) => v);
  return { facet: best.facet, question: QUESTIONS[best.facet], options };
}

function distribution(products: readonly Product[], values: (p: Product) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of products) for (const v of new Set(values(p))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function entropy(counts: Map<string, number>): number {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts.values()].reduce((h, c) => h - (c / total) * Math.log2(c / total), 0);
}

/**
 * For a need that several kinds of product answer ("a gift for a dad who cooks"), the kinds the
 * results lead with, in their order, as a question; undefined when the results show one kind.
 */
export function kindQuestion(top: readonly Product[], filters: Filters): FacetQuestion | undefined {
  if (filters.categories?.length) return undefined;
  const kinds = [...new Set(top.flatMap(VALUES.categories))].slice(0, MAX_OPTIONS);
  return kinds.length >= 2 ? { facet: 'categories', question: QUESTIONS.categories, options: kinds } : undefined;
}

import type { Product } from '../../src/domain.ts';

/**
 * What makes a product relevant to an evaluation query: a predicate over product fields rather
 * than a list of ids, so the labels survive regenerating the catalog. Every field is optional;
 * words match case-insensitively on word boundaries, allowing a plural ("blue" ⊂ "sky blue").
 */
export interface Relevance {
  /** A leaf or any node of the category path; with a list, any of them. */
  category?: string | string[];
  /** Any product colour contains any of these words. */
  colors?: string[];
  /** Any product material contains any of these words. */
  materials?: string[];
  /** Exact brand name, case-insensitive. */
  brand?: string;
  /** Inclusive bounds on the product's price, major units; a product without a price fails them. */
  priceMax?: number;
  priceMin?: number;
  /** Attribute name → a word the attribute's value must contain (`{ gender: 'kids' }`). */
  attributes?: Record<string, string>;
  /** Any of these words appears in the title. */
  titleAny?: string[];
}

/** Relevance grade of a product for a query: 2 fully relevant, 1 partly, 0 not. */
export type Grade = 0 | 1 | 2;

/** True when `word` (one or more words) occurs in `text` on word boundaries, optionally plural. */
export function containsWord(text: string, word: string): boolean {
  const escaped = word.toLowerCase().trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}(s|es)?($|[^a-z0-9])`).test(text.toLowerCase());
}

const anyContains = (values: readonly string[], words: readonly string[]) =>
  values.some((v) => words.some((w) => containsWord(v, w)));

/** The checks a relevance predicate makes besides the category, one per field (one per attribute). */
function facetChecks(p: Product, r: Relevance): boolean[] {
  const checks: boolean[] = [];
  if (r.colors) checks.push(anyContains(p.colors, r.colors));
  if (r.materials) checks.push(anyContains(p.materials, r.materials));
  if (r.brand !== undefined) checks.push((p.brand ?? '').toLowerCase() === r.brand.toLowerCase());
  if (r.priceMax !== undefined) checks.push(p.price !== undefined && p.price <= r.priceMax);
  if (r.priceMin !== undefined) checks.push(p.price !== undefined && p.price >= r.priceMin);
  for (const [key, word] of Object.entries(r.attributes ?? {})) {
    const value = p.attributes[key];
    checks.push(value !== undefined && containsWord(value, word));
  }
  if (r.titleAny) checks.push(r.titleAny.some((w) => containsWord(p.title, w)));
  return checks;
}

function inCategory(p: Product, category: string | string[]): boolean {
  const wanted = (Array.isArray(category) ? category : [category]).map((c) => c.toLowerCase());
  return p.category.some((node) => wanted.includes(node.toLowerCase()));
}

/**
 * Grade 2 when the product satisfies every predicate; grade 1 when it is in the right category
 * (or, without a category, satisfies at least half of the predicates) but fails another; else 0.
 */
export function gradeProduct(p: Product, r: Relevance): Grade {
  const checks = facetChecks(p, r);
  const passed = checks.filter(Boolean).length;
  if (r.category !== undefined) {
    if (!inCategory(p, r.category)) return 0;
    return passed === checks.length ? 2 : 1;
  }
  if (checks.length === 0) return 0;
  if (passed === checks.length) return 2;
  return passed * 2 >= checks.length ? 1 : 0;
}

/** Discounted cumulative gain of the first k grades: gain 2^g − 1, discount log2(rank + 1). */
export function dcgAtK(grades: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, grades.length); i++) sum += (2 ** grades[i]! - 1) / Math.log2(i + 2);
  return sum;
}

/**
 * NDCG@k of a ranking's grades against the best possible ranking. `idealGrades` are the grades
 * of the whole catalog (any order; sorted here); 0 when nothing in the catalog is relevant.
 */
export function ndcgAtK(grades: readonly number[], idealGrades: readonly number[], k: number): number {
  const ideal = dcgAtK([...idealGrades].sort((a, b) => b - a), k);
  return ideal === 0 ? 0 : dcgAtK(grades, k) / ideal;
}

/** Recall@k: fully relevant products found in the top k over those that could fit there, min(total, k). */
export function recallAtK(retrievedRelevantCount: number, totalRelevant: number, k: number): number {
  const reachable = Math.min(totalRelevant, k);
  return reachable === 0 ? 0 : retrievedRelevantCount / reachable;
}

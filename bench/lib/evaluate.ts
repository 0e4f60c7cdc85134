import type { Product } from '../../src/domain.ts';
import type { SearchMode } from '../../src/search/search.ts';
import type { EvalQuery, QueryKind } from './eval-set.ts';
import { gradeProduct, ndcgAtK, recallAtK, type Grade } from './metrics.ts';

/** Cut-offs the quality benchmark reports: NDCG over the first page, recall over the retrieval depth. */
export const NDCG_K = 10;
export const RECALL_K = 100;

/** What the benchmark needs from a search service: the top results' ids for one query in one mode. */
export type RetrieveFn = (query: string, k: number, mode: SearchMode) => Promise<string[]>;

/** Scores of one query in one mode. */
export interface QueryScore {
  ndcg: number;
  recall: number;
  /** Wall-clock time of the search call, milliseconds. */
  ms: number;
}

export interface QueryOutcome {
  id: string;
  kind: QueryKind;
  query: string;
  /** Fully relevant (grade-2) products in the catalog. */
  relevant: number;
  modes: Partial<Record<SearchMode, QueryScore>>;
}

export interface MeanScores {
  n: number;
  ndcg: number;
  recall: number;
  ms: number;
}

/** Grades of the products a query can find: non-zero grades by id, the ideal top-k, and the grade-2 total. */
export function gradeCatalog(products: readonly Product[], q: EvalQuery, idealK = NDCG_K) {
  const grades = new Map<string, Grade>();
  for (const p of products) {
    const g = gradeProduct(p, q.relevant);
    if (g > 0) grades.set(p.id, g);
  }
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, idealK);
  const fullyRelevant = [...grades.values()].filter((g) => g === 2).length;
  return { grades, ideal, fullyRelevant };
}

/** Runs every query in every mode and scores the rankings against the catalog's grades. */
export async function evaluate(
  queries: readonly EvalQuery[],
  products: readonly Product[],
  modes: readonly SearchMode[],
  retrieve: RetrieveFn,
  onProgress?: (done: number) => void,
): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    const { grades, ideal, fullyRelevant } = gradeCatalog(products, q);
    const outcome: QueryOutcome = { id: q.id, kind: q.kind, query: q.query, relevant: fullyRelevant, modes: {} };
    for (const mode of modes) {
      const started = performance.now();
      const ids = await retrieve(q.query, RECALL_K, mode);
      const ms = performance.now() - started;
      const ranked = ids.map((id) => grades.get(id) ?? 0);
      const found = ranked.slice(0, RECALL_K).filter((g) => g === 2).length;
      outcome.modes[mode] = { ndcg: ndcgAtK(ranked, ideal, NDCG_K), recall: recallAtK(found, fullyRelevant, RECALL_K), ms };
    }
    outcomes.push(outcome);
    onProgress?.(outcomes.length);
  }
  return outcomes;
}

/** Mean scores of one mode over the given outcomes (all of them, or one kind's). */
export function meanScores(outcomes: readonly QueryOutcome[], mode: SearchMode): MeanScores {
  const scored = outcomes.map((o) => o.modes[mode]).filter((s): s is QueryScore => s !== undefined);
  const mean = (f: (s: QueryScore) => number) => (scored.length === 0 ? 0 : scored.reduce((sum, s) => sum + f(s), 0) / scored.length);
  return { n: scored.length, ndcg: mean((s) => s.ndcg), recall: mean((s) => s.recall), ms: mean((s) => s.ms) };
}

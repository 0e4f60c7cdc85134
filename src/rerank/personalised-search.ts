import type { Logger } from '../logger.ts';
import type { ProductSearch, SearchHit, SearchOptions, SearchResult } from '../search/search.ts';
import type { RerankArm } from './ab-split.ts';
import { DEFAULT_DIVERSITY, diversify, type DiversityOptions } from './diversity.ts';
import type { HistoryReader } from './history.ts';
import type { RerankModel } from './reranker.ts';

/** History events from which the model's score alone orders the list (α = min(1, h / FULL_WEIGHT_AT)). */
const FULL_WEIGHT_AT = 10;
/** Fusion's damping constant (src/search/fusion.ts): the plain order's scores are shaped like its. */
const RRF_K = 60;

export interface PersonalisedSearchDeps {
  base: ProductSearch;
  /** The serving model now (model-store's active model); undefined: plain search. */
  model(): RerankModel | undefined;
  history: HistoryReader;
  /** The user's A/B group: control shoppers get the plain order. */
  arm(user: string): RerankArm;
  /** Candidates the model reorders per search (AISLE_RERANK_CANDIDATES). */
  candidates: number;
  diversity?: DiversityOptions;
  now?: () => Date;
  log?: Logger;
}

/**
 * The rerank stage as a decorator over ProductSearch: the base search retrieves and filters (its filters
 * are never relaxed here), the shopper's history reorders its candidates, and the first page is kept varied.
 * Without a user, a model, any history, or for the control group, the result is the base search's, exactly.
 */
export function createPersonalisedSearch(deps: PersonalisedSearchDeps): ProductSearch {
  return {
    get mode() { return deps.base.mode; },
    get size() { return deps.base.size; },
    product: (id) => deps.base.product(id),
    search: (text, options) => searchPersonalised(deps, text, options),
  };
}

export async function searchPersonalised(deps: PersonalisedSearchDeps, text: string, options: SearchOptions): Promise<SearchResult> {
  const { user, personalise, ...plain } = options;
  const model = user && personalise !== false && deps.arm(user) === 'personalised' ? deps.model() : undefined;
  if (!user || !model) return deps.base.search(text, plain);
  const at = deps.now?.() ?? new Date();
  const history = await deps.history(user, at);
  // Cold start: the plain search as asked (its own k), so the order is exactly the non-personalised one.
  if (history.length === 0) return deps.base.search(text, plain);
  const found = await deps.base.search(text, { ...plain, k: Math.max(plain.k, deps.candidates) });
  if (found.results.length < 2) return found;
  const candidates = found.results.map((h, i) => ({ id: h.product.id, score: h.score, rank: i + 1 }));
  let personal: Float32Array;
  try {
    ({ personal } = await model.score({ user, at, candidates, history, ...(found.queryVector ? { queryVector: found.queryVector } : {}) }));
  } catch (err) {
    // The shopper still gets results: the plain order, as if no model were there.
    deps.log?.error({ err, version: model.version }, 'reranker failed: plain order served');
    return { ...found, results: found.results.slice(0, plain.k) };
  }
  const alpha = historyWeight(history.length);
  const reranked = blend(found.results, personal, alpha);
  const varied = diversify(reranked, { text, brands: found.filters.brands }, deps.diversity ?? DEFAULT_DIVERSITY);
  return { ...found, results: varied.slice(0, plain.k), personalised: { version: model.version, history: history.length } };
}

/**
 * final = (1 − α)·z(plain) + α·z(personal), z-scores within the list: the model already reads each candidate's plain
 * rank (feature 0), so adding the plain order again on top of its score (the first blend, z(plain) + α·z(personal))
 * counted the rank twice and gave back about half the model's gain on held-out shoppers (docs/benchmarks.md). The
 * plain side is 1/(60 + rank), the shape of the fused (reciprocal-rank) scores, rather than the fused scores
 * themselves: the list's order is the ranking (the category step moves products without changing their scores),
 * and this keeps it exactly at α = 0.
 */
export function blend(hits: readonly SearchHit[], personal: Float32Array, alpha: number): SearchHit[] {
  const final = blendedScores(personal, alpha);
  const order = hits.map((_, i) => i).sort((a, b) => final[b]! - final[a]! || a - b);
  return order.map((i) => ({ ...hits[i]!, components: { ...hits[i]!.components, personal: personal[i]! } }));
}

/** α: how much the model's score counts for a shopper with `events` history events (0 with none). */
export function historyWeight(events: number): number {
  return Math.min(1, events / FULL_WEIGHT_AT);
}

/** The blend's score for each candidate, in the plain order given (also what the eval ranks "as served" by). */
export function blendedScores(personal: Float32Array, alpha: number): number[] {
  const plain = zScores(Array.from(personal, (_, i) => 1 / (RRF_K + i + 1)));
  const mine = zScores(Array.from(personal));
  return plain.map((p, i) => (1 - alpha) * p + alpha * mine[i]!);
}

function zScores(values: readonly number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return values.map((v) => (sd > 0 && Number.isFinite(v) ? (v - mean) / sd : 0));
}

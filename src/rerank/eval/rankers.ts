// The rankings the offline evaluation compares. A ranker scores each list's candidates (higher first); the
// protocols turn the scores into metrics, so a baseline and the model are measured by the same code.
import type { HistoryEvent, RerankModel, RerankRequest } from '../reranker.ts';
import { blendedScores, historyWeight } from '../personalised-search.ts';
import { cosine } from './metrics.ts';

/** One list to rank: a logged search, or a next-item target among sampled negatives. */
export interface EvalList {
  user: string;
  at: Date;
  query?: string;
  /** Candidates in the non-personalised order (position 1 first). */
  products: string[];
  /** The user's history before `at`, most recent first. */
  history: HistoryEvent[];
}

export interface Ranker {
  readonly name: string;
  /** One score per candidate per list, same order; higher ranks first. */
  score(lists: readonly EvalList[]): Promise<Float32Array[]>;
}

/** Looks up a product's content vector (the catalog's vector index); undefined when it has none. */
export type VectorOf = (id: string) => Float32Array | undefined;

/** The non-personalised order as logged: position 1 first. */
export const loggedOrder: Ranker = {
  name: 'non-personalised',
  score: async (lists) => lists.map((l) => Float32Array.from(l.products, (_, i) => -i)),
};

/** Ranks by a fixed item score (popularity), the same for every user. */
export function itemScoreRanker(name: string, scoreOf: (id: string) => number): Ranker {
  return { name, score: async (lists) => lists.map((l) => Float32Array.from(l.products, scoreOf)) };
}

/**
 * The simple personal baseline: the logged order, plus `weight` times the z-scored cosine between each candidate and
 * the mean vector of the history's products. Without a history vector the logged order stays as it is.
 */
export function historyMeanRanker(vectorOf: VectorOf, weight: number): Ranker {
  return { name: `history-mean boost (w=${weight})`, score: async (lists) => lists.map((l) => historyMeanScores(l, vectorOf, weight)) };
}

function historyMeanScores(list: EvalList, vectorOf: VectorOf, weight: number): Float32Array {
  const base = zScores(Float32Array.from(list.products, (_, i) => -i));
  const mean = meanVector(list.history.map((e) => vectorOf(e.product)));
  if (!mean || weight === 0) return base;
  const personal = zScores(Float32Array.from(list.products, (id) => {
    const v = vectorOf(id);
    return v ? cosine(v, mean) : 0;
  }));
  return base.map((b, i) => b + weight * personal[i]!);
}

function meanVector(vectors: (Float32Array | undefined)[]): Float32Array | undefined {
  const present = vectors.filter((v): v is Float32Array => v !== undefined);
  if (present.length === 0) return undefined;
  const mean = new Float32Array(present[0]!.length);
  for (const v of present) for (let i = 0; i < mean.length; i++) mean[i]! += v[i]! / present.length;
  return mean;
}

/** z-scores within one list; all zeros when the list has no spread. */
export function zScores(x: Float32Array): Float32Array {
  if (x.length === 0) return x;
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
  return x.map((v) => (sd > 0 ? (v - mean) / sd : 0));
}

/** How the model's requests are built: the query's vector, when the model reads content. */
export interface ModelRankerOptions {
  queryVector?: (text: string) => Promise<Float32Array | undefined>;
  /** Searches per model call (the model adapter batches them when it can). */
  batchSize?: number;
  /** 'raw': the model's scores alone; 'served': the serving blend, base_z + min(1, h/10)·personal_z. */
  mode: 'raw' | 'served';
}

/** A model that can score several requests in one call (SERVE's ONNX adapter), or one at a time. */
export type ScoringModel = Pick<RerankModel, 'version' | 'score'> & { scoreBatch?(reqs: readonly RerankRequest[]): Promise<Float32Array[]> };

export function modelRanker(model: ScoringModel, options: ModelRankerOptions): Ranker {
  const name = options.mode === 'served' ? `model ${model.version} (served blend)` : `model ${model.version} (scores alone)`;
  return { name, score: (lists) => modelScores(model, lists, options) };
}

async function modelScores(model: ScoringModel, lists: readonly EvalList[], options: ModelRankerOptions): Promise<Float32Array[]> {
  const size = options.batchSize ?? 256;
  const out: Float32Array[] = [];
  for (let start = 0; start < lists.length; start += size) {
    const chunk = lists.slice(start, start + size);
    const requests = await Promise.all(chunk.map((l) => requestOf(l, options)));
    const personal = model.scoreBatch ? await model.scoreBatch(requests) : await oneByOne(model, requests);
    chunk.forEach((l, i) => out.push(options.mode === 'served' ? servedBlend(personal[i]!, l.history.length) : personal[i]!));
  }
  return out;
}

async function requestOf(list: EvalList, options: ModelRankerOptions): Promise<RerankRequest> {
  const queryVector = list.query && options.queryVector ? await options.queryVector(list.query) : undefined;
  return {
    user: list.user, at: list.at, history: list.history,
    candidates: list.products.map((id, i) => ({ id, score: Number.NaN, rank: i + 1 })),
    ...(queryVector ? { queryVector } : {}),
  };
}

async function oneByOne(model: ScoringModel, requests: readonly RerankRequest[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const req of requests) out.push((await model.score(req)).personal);
  return out;
}

/** Serving's blend over a logged order: personalised-search.ts's own `blendedScores` and `historyWeight`. */
export function servedBlend(personal: Float32Array, historyLength: number): Float32Array {
  return Float32Array.from(blendedScores(personal, historyWeight(historyLength)));
}

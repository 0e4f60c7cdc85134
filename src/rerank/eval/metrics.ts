// Ranking metrics of the offline reranker evaluation. Each takes the graded labels of a ranked list, best first
// (0 = not taken, 1 click or detail view, 2 add to cart, 3 purchase), so every protocol computes them the same way.
import { intraListDiversity as meanPairDistance } from '../diversity.ts';

/** Cut-off of the reported metrics. */
export const CUTOFF = 10;

/** NDCG@k with exponential gain 2^label - 1 and log2(1 + rank) discount; 0 when no label is positive. */
export function ndcgAt(labels: ArrayLike<number>, k = CUTOFF): number {
  const ideal = Array.from(labels).sort((a, b) => b - a);
  const idcg = dcg(ideal, k);
  return idcg > 0 ? dcg(labels, k) / idcg : 0;
}

function dcg(labels: ArrayLike<number>, k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, labels.length); i++) sum += (2 ** labels[i]! - 1) / Math.log2(i + 2);
  return sum;
}

/** 1 when a positive label is in the first k, else 0. */
export function hitAt(labels: ArrayLike<number>, k = CUTOFF): number {
  for (let i = 0; i < Math.min(k, labels.length); i++) if (labels[i]! > 0) return 1;
  return 0;
}

/** 1 / rank of the first positive label (no cut-off), 0 when there is none. */
export function reciprocalRank(labels: ArrayLike<number>): number {
  for (let i = 0; i < labels.length; i++) if (labels[i]! > 0) return 1 / (i + 1);
  return 0;
}

/**
 * Intra-list diversity of the first k: mean cosine distance (1 - cos) over pairs of items that have a vector;
 * null when fewer than two do. Vectors need not be unit length.
 */
export function intraListDiversity(vectors: readonly (Float32Array | undefined)[], k = CUTOFF): number | null {
  const top = vectors.slice(0, k).filter((v): v is Float32Array => v !== undefined);
  if (top.length < 2) return null;
  return meanPairDistance(top, (a, b) => 1 - cosine(a, b));
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Labels in the order `scores` ranks them, best first; ties keep the given order (callers shuffle first to break them fairly). */
export function labelsRankedBy(labels: ArrayLike<number>, scores: ArrayLike<number>): number[] {
  const order = Array.from({ length: labels.length }, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.map((i) => labels[i]!);
}

/** The means a protocol reports for one ranker. */
export interface RankingFigures {
  /** Lists averaged (those with at least one positive label). */
  lists: number;
  'ndcg@10': number;
  'hr@10': number;
  mrr: number;
  /** Mean intra-list diversity of the first 10, over lists where it is defined; null when none. */
  'ild@10'?: number | null;
}

/** Accumulates per-list metrics into RankingFigures; `ndcgs` keeps each list's NDCG@10 for paired comparisons. */
export function createFigures(): { add(rankedLabels: ArrayLike<number>, ild?: number | null): void; result(): RankingFigures; ndcgs: number[] } {
  let lists = 0, ndcg = 0, hr = 0, mrr = 0, ildSum = 0, ildLists = 0, sawIld = false;
  const ndcgs: number[] = [];
  return {
    ndcgs,
    add(ranked, ild) {
      lists++;
      ndcgs.push(ndcgAt(ranked));
      ndcg += ndcgs.at(-1)!;
      hr += hitAt(ranked);
      mrr += reciprocalRank(ranked);
      if (ild !== undefined) sawIld = true;
      if (ild !== undefined && ild !== null) { ildSum += ild; ildLists++; }
    },
    result() {
      const mean = (x: number) => (lists ? x / lists : 0);
      const figures: RankingFigures = { lists, 'ndcg@10': mean(ndcg), 'hr@10': mean(hr), mrr: mean(mrr) };
      if (sawIld) figures['ild@10'] = ildLists ? ildSum / ildLists : null;
      return figures;
    },
  };
}

/** Mean of a − b over the same lists, with a 95% normal-approximation interval (paired: the lists are the same). */
export function pairedDifference(a: readonly number[], b: readonly number[]): { mean: number; ci95: [number, number] } | null {
  const n = Math.min(a.length, b.length);
  if (n < 2) return null;
  const d = Array.from({ length: n }, (_, i) => a[i]! - b[i]!);
  const mean = d.reduce((x, y) => x + y, 0) / n;
  const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1));
  const half = 1.959963984540054 * sd / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half] };
}

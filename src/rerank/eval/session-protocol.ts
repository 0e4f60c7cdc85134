// The `session` protocol: logged searches of held-out shoppers in the log's final time slice, each re-ranked by
// every ranker and scored against what the shopper then took (graded labels). Nothing of a held-out shopper is
// trained on, and the baseline's weight is chosen on other shoppers' earlier searches.
import type { BehaviourEvent } from '../../storage/event-log.ts';
import { isHeldOutUser } from '../split.ts';
import { historiesByUser, historyBefore, timeRange } from './eval-data.ts';
import { loggedSearches, type LoggedSearch } from './logged-searches.ts';
import { createFigures, intraListDiversity, labelsRankedBy, pairedDifference, type RankingFigures } from './metrics.ts';
import { historyMeanRanker, loggedOrder, type EvalList, type Ranker, type VectorOf } from './rankers.ts';
import { randomFor, shuffled } from './sampling.ts';

/** Share of the log's time range, at its end, that is tested. */
export const TEST_SHARE = 0.15;
/** History events given to a ranker. */
export const HISTORY_LEN = 50;
/** Training-split searches the baseline's weight is tuned on, at most (a deterministic sample). */
export const TUNE_SEARCHES = 3000;
/** Weights tried for the history-mean baseline. */
export const BASELINE_WEIGHTS = [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 4] as const;

/** The baseline's name in the results. */
export const HISTORY_MEAN = 'history-mean boost';

/** A logged search ready to rank: its labels and the shopper's history before it. */
export interface EvalSearch extends EvalList { labels: number[] }

export interface SessionSplit {
  /** Start of the tested slice. */
  testFrom: Date;
  /** Held-out shoppers' searches in the slice with at least one positive label. */
  test: EvalSearch[];
  /** Other shoppers' searches before the slice with a positive label (a sample): for tuning baselines only. */
  tune: EvalSearch[];
}

/** Splits the log's searches into the tested ones and the tuning sample. */
export function sessionSplit(events: readonly BehaviourEvent[], options: { testShare?: number; seed?: number } = {}): SessionSplit {
  const range = timeRange(events);
  if (!range) return { testFrom: new Date(0), test: [], tune: [] };
  const testFrom = range.to - (options.testShare ?? TEST_SHARE) * (range.to - range.from);
  const histories = historiesByUser(events);
  const withHistory = (s: LoggedSearch): EvalSearch => ({ ...s, history: historyBefore(histories.get(s.user), s.at, HISTORY_LEN) });
  const positive = loggedSearches(events).filter((s) => s.labels.some((l) => l > 0));
  const test = positive.filter((s) => isHeldOutUser(s.user) && s.at.getTime() >= testFrom).map(withHistory);
  const before = positive.filter((s) => !isHeldOutUser(s.user) && s.at.getTime() < testFrom);
  const tune = shuffled(before, randomFor('tune', options.seed)).slice(0, TUNE_SEARCHES).map(withHistory);
  return { testFrom: new Date(testFrom), test, tune };
}

/** Figures of one ranker over searches; ILD from the top 10's content vectors when `vectorOf` is given. */
export async function rankSearches(ranker: Ranker, searches: readonly EvalSearch[], vectorOf?: VectorOf): Promise<RankingFigures> {
  return (await scoreSearches(ranker, searches, vectorOf)).result();
}

async function scoreSearches(ranker: Ranker, searches: readonly EvalSearch[], vectorOf?: VectorOf) {
  const scores = await ranker.score(searches);
  const figures = createFigures();
  searches.forEach((s, i) => {
    const order = rankedOrder(scores[i]!);
    const ild = vectorOf ? intraListDiversity(order.slice(0, 10).map((j) => vectorOf(s.products[j]!))) : undefined;
    figures.add(labelsRankedBy(s.labels, scores[i]!), ild);
  });
  return figures;
}

function rankedOrder(scores: Float32Array): number[] {
  return Array.from(scores, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** The history-mean baseline with the weight that ranks the tuning searches best (NDCG@10); ties: the smaller weight. */
export async function tunedHistoryMean(vectorOf: VectorOf, tune: readonly EvalSearch[]): Promise<{ ranker: Ranker; weight: number; tuneNdcg: number }> {
  let best = { weight: 0, ndcg: -1 };
  for (const weight of BASELINE_WEIGHTS) {
    const ndcg = (await rankSearches(historyMeanRanker(vectorOf, weight), tune))['ndcg@10'];
    if (ndcg > best.ndcg + 1e-9) best = { weight, ndcg };
  }
  return { ranker: historyMeanRanker(vectorOf, best.weight), weight: best.weight, tuneNdcg: best.ndcg };
}

export interface SessionResult {
  protocol: 'session';
  testFrom: string;
  searches: number;
  users: number;
  /** Tested searches whose shopper had no history before them (every ranker keeps the logged order there). */
  coldSearches: number;
  baselineWeight: number | null;
  rankers: Record<string, RankingFigures>;
  /** Each other ranker's NDCG@10 minus the non-personalised order's and the history-mean baseline's, over the same searches. */
  ndcgGain: Record<string, Record<string, { mean: number; ci95: [number, number] } | null>>;
}

/** Runs the protocol: the logged order, the tuned history-mean baseline (with vectors) and each extra ranker (the model). */
export async function runSessionProtocol(
  events: readonly BehaviourEvent[],
  options: { vectorOf?: VectorOf; models?: Ranker[]; seed?: number; testShare?: number } = {},
): Promise<SessionResult> {
  const split = sessionSplit(events, options);
  const all: [string, ReturnType<typeof createFigures>][] = [[loggedOrder.name, await scoreSearches(loggedOrder, split.test, options.vectorOf)]];
  let baselineWeight: number | null = null;
  if (options.vectorOf) {
    const tuned = await tunedHistoryMean(options.vectorOf, split.tune);
    baselineWeight = tuned.weight;
    all.push([HISTORY_MEAN, await scoreSearches(tuned.ranker, split.test, options.vectorOf)]);
  }
  for (const model of options.models ?? []) all.push([model.name, await scoreSearches(model, split.test, options.vectorOf)]);
  const baselines = all.slice(0, options.vectorOf ? 2 : 1);
  const ndcgGain = Object.fromEntries(all.slice(1).map(([name, f]) => [name, Object.fromEntries(
    baselines.filter(([b]) => b !== name).map(([b, bf]) => [`vs ${b}`, pairedDifference(f.ndcgs, bf.ndcgs)]))]));
  return {
    protocol: 'session', testFrom: split.testFrom.toISOString(), searches: split.test.length,
    users: new Set(split.test.map((s) => s.user)).size, coldSearches: split.test.filter((s) => s.history.length === 0).length,
    baselineWeight, rankers: Object.fromEntries(all.map(([name, f]) => [name, f.result()])), ndcgGain,
  };
}

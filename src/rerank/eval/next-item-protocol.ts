// The `next-item` protocol of the sequential-recommendation literature (SASRec, BERT4Rec): per user, the last item
// is the test target, the one before it validation, the rest training; the target is ranked among `negatives`
// items the user never interacted with, drawn uniformly from the log's items.
import type { BehaviourEvent } from '../../storage/event-log.ts';
import type { HistoryEvent } from '../reranker.ts';
import { historiesByUser, historyBefore } from './eval-data.ts';
import { createFigures, labelsRankedBy, pairedDifference, type RankingFigures } from './metrics.ts';
import { itemScoreRanker, type EvalList, type Ranker } from './rankers.ts';
import { randomFor, sampleNegatives, shuffled } from './sampling.ts';
import { HISTORY_LEN } from './session-protocol.ts';

export const DEFAULT_NEGATIVES = 100;
/** Distinct items a user needs: one to train on, a validation item and a test target. */
export const MIN_ITEMS = 3;

/** One user's split. Items are distinct, in order of first interaction (a repeat of an item is not a new item). */
export interface UserSplit {
  user: string;
  train: string[];
  valid: string;
  test: string;
  /** First interaction with the test target: the model sees only what came strictly before. */
  testAt: Date;
  /** Every history event of the user, oldest first. */
  history: HistoryEvent[];
}

export interface NextItemSplit {
  users: UserSplit[];
  /** Every item interacted with in the log, in first-seen order: negatives are drawn from these. */
  universe: string[];
  /** Users whose training items include the item (validation and test items are not counted). */
  popularity: Map<string, number>;
}

/** Splits every user with at least MIN_ITEMS distinct items; others are left out. */
export function nextItemSplit(events: readonly BehaviourEvent[]): NextItemSplit {
  const histories = historiesByUser(events);
  const universe = new Set<string>();
  const users: UserSplit[] = [];
  const popularity = new Map<string, number>();
  for (const [user, history] of histories) {
    const firsts = new Map<string, Date>();
    for (const e of history) {
      universe.add(e.product);
      if (!firsts.has(e.product)) firsts.set(e.product, e.at);
    }
    const items = [...firsts.keys()];
    if (items.length < MIN_ITEMS) continue;
    const train = items.slice(0, -2);
    for (const id of train) popularity.set(id, (popularity.get(id) ?? 0) + 1);
    users.push({ user, train, valid: items.at(-2)!, test: items.at(-1)!, testAt: firsts.get(items.at(-1)!)!, history });
  }
  return { users, universe: [...universe], popularity };
}

/** A user's test list: the target and its negatives, shuffled (fair tie-breaks), then in popularity order (the non-personalised order). */
export function testList(split: NextItemSplit, u: UserSplit, negatives: number, seed?: number): { list: EvalList; labels: number[] } {
  const random = randomFor(u.user, seed);
  const seen = new Set(u.history.map((e) => e.product));
  const candidates = shuffled([u.test, ...sampleNegatives(split.universe, seen, negatives, random)], random);
  const pop = (id: string) => split.popularity.get(id) ?? 0;
  const products = candidates.map((id, i) => ({ id, i })).sort((a, b) => pop(b.id) - pop(a.id) || a.i - b.i).map((c) => c.id);
  const list: EvalList = { user: u.user, at: u.testAt, products, history: historyBefore(u.history, u.testAt, HISTORY_LEN) };
  return { list, labels: products.map((id) => (id === u.test ? 1 : 0)) };
}

/** The popularity baseline: items ranked by how many users trained on them. */
export function popularityRanker(split: NextItemSplit): Ranker {
  return itemScoreRanker('popularity', (id) => split.popularity.get(id) ?? 0);
}

export interface NextItemResult {
  protocol: 'next-item';
  users: number;
  negatives: number;
  rankers: Record<string, RankingFigures>;
  /** Each other ranker's NDCG@10 minus popularity's over the same users, with a paired 95% interval. */
  ndcgGain: Record<string, { mean: number; ci95: [number, number] } | null>;
}

/**
 * Runs the protocol for the popularity baseline and each extra ranker, scoring `chunk` users' lists at a time;
 * `only` restricts the users tested (popularity still counts every user's training items).
 */
export async function runNextItemProtocol(
  events: readonly BehaviourEvent[],
  options: { negatives?: number; models?: Ranker[]; seed?: number; chunk?: number; only?: (user: string) => boolean } = {},
): Promise<NextItemResult> {
  const split = nextItemSplit(events);
  const users = options.only ? split.users.filter((u) => options.only!(u.user)) : split.users;
  const negatives = options.negatives ?? DEFAULT_NEGATIVES;
  const rankers = [popularityRanker(split), ...(options.models ?? [])];
  const figures = rankers.map(() => createFigures());
  const chunk = options.chunk ?? 2048;
  for (let start = 0; start < users.length; start += chunk) {
    const tests = users.slice(start, start + chunk).map((u) => testList(split, u, negatives, options.seed));
    const lists = tests.map((t) => t.list);
    for (const [r, ranker] of rankers.entries()) {
      const scores = await ranker.score(lists);
      tests.forEach((t, i) => figures[r]!.add(labelsRankedBy(t.labels, scores[i]!)));
    }
  }
  return {
    protocol: 'next-item', users: users.length, negatives,
    rankers: Object.fromEntries(rankers.map((r, i) => [r.name, figures[i]!.result()])),
    ndcgGain: Object.fromEntries(rankers.slice(1).map((r, i) => [r.name, pairedDifference(figures[i + 1]!.ndcgs, figures[0]!.ndcgs)])),
  };
}

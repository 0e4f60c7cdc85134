import type { CategoryIndex } from './category-index.ts';
import type { FusedHit } from './fusion.ts';

/** A leaf category with how strongly the query points at it (comparable within one query only). */
export interface CategoryScore {
  category: string;
  score: number;
}

/** How many of each retriever's hits vote for their category, and how fast a vote fades with rank. */
const VOTE_DEPTH = 30;
const VOTE_DAMPING = 5;

/**
 * The query's likely categories from two halves of evidence, each piece scaled to [0, 1]: the
 * category documents' BM25 (what the whole category is for) weighs as much as the retrievers' votes
 * together (the categories of the lexical and semantic best hits: what single products matched).
 * A need's words rarely sit in one product's text; the whole category's sentences say what it is
 * for. Halves rather than thirds: chosen on bench/dev/needs-dev.jsonl and the retrieval dev split
 * (needs hybrid top 3 +0.02 to +0.03; dev NDCG@10 from −0.003 to +0.02, depending on the other steps).
 */
export function rankCategories(
  index: CategoryIndex,
  queryTerms: readonly string[],
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  categoryOf: (id: string) => string | undefined,
): CategoryScore[] {
  const total = new Map<string, number>();
  const add = (scores: Map<string, number>, weight: number) => {
    const max = Math.max(0, ...scores.values());
    if (max > 0) for (const [c, s] of scores) total.set(c, (total.get(c) ?? 0) + (weight * s) / max);
  };
  const docScores = index.score(queryTerms);
  add(new Map(index.categories.map((c, i) => [c, docScores[i]!])), lists.length);
  for (const list of lists) {
    const votes = new Map<string, number>();
    list.slice(0, VOTE_DEPTH).forEach((hit, rank) => {
      const c = categoryOf(hit.id);
      if (c) votes.set(c, (votes.get(c) ?? 0) + 1 / (VOTE_DAMPING + rank));
    });
    add(votes, 1);
  }
  return [...total].filter(([, s]) => s > 0).map(([category, score]) => ({ category, score }))
    .sort((a, b) => b.score - a.score || (a.category < b.category ? -1 : 1));
}

/**
 * A category leads only when its score is at least this share of the top one: several close
 * readings are shown side by side, a clear one is left to the fused order.
 */
const CLOSE = 0.6;

/** The leading kinds of a ranking: its first `lead` within reach of the top one. */
function closeKinds(ranking: readonly CategoryScore[], lead = 3): CategoryScore[] {
  const top = ranking[0];
  return top ? ranking.slice(0, lead).filter((c) => c.score >= CLOSE * top.score) : [];
}

/**
 * When the words name no category and several kinds of product score close together (a need such
 * as "a gift for a dad who cooks"), the first places go to the best product of each of those
 * kinds; the rest follow in fused order. When one kind clearly wins, the order is left alone unless
 * none of the first `lead` places shows it. `bestIn` finds a category's best product when none of
 * its products made the fused list.
 */
export async function leadWithCategories(
  fused: readonly FusedHit[],
  ranking: readonly CategoryScore[],
  categoryOf: (id: string) => string | undefined,
  bestIn: (category: string) => Promise<FusedHit | undefined>,
  lead = 3,
): Promise<FusedHit[]> {
  const top = ranking[0];
  if (!top) return [...fused];
  const close = closeKinds(ranking, lead);
  if (close.length === 1 && fused.slice(0, lead).some((h) => categoryOf(h.id) === top.category)) return [...fused];
  const leaders: FusedHit[] = [];
  for (const { category, score } of close) {
    const hit = fused.find((h) => categoryOf(h.id) === category) ?? (await bestIn(category));
    if (hit) leaders.push({ ...hit, components: { ...hit.components, category: score } });
  }
  const placed = new Set(leaders.map((h) => h.id));
  return [...leaders, ...fused.filter((h) => !placed.has(h.id))];
}

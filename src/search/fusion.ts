/** Score parts of one ranked product, so a ranking can be explained. */
export interface ScoreComponents {
  /** BM25 score (higher is better), when the lexical retriever found it. */
  lexical?: number;
  /** Cosine similarity in [-1, 1], when the vector retriever found it. */
  semantic?: number;
  lexicalRank?: number;
  semanticRank?: number;
  /** How strongly the query points at this product's category, when the category step placed it first. */
  category?: number;
  /** The personalised reranker's score (higher = more likely wanted by this shopper), when it reranked the list. */
  personal?: number;
}

export interface FusedHit {
  id: string;
  /** Reciprocal-rank-fusion score: higher is better. */
  score: number;
  components: ScoreComponents;
}

/** RRF's damping constant: 60 is the value of Cormack et al. and works without tuning. */
const RRF_K = 60;

/**
 * Reciprocal rank fusion of two best-first lists. Ranks, not raw scores, are fused because
 * BM25 and cosine live on unrelated scales.
 */
export function fuseRankings(
  lexical: ReadonlyArray<{ id: string; score: number }>,
  semantic: ReadonlyArray<{ id: string; similarity: number }>,
  weights = { lexical: 1, semantic: 1 },
): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const entry = (id: string) => fused.get(id) ?? fused.set(id, { id, score: 0, components: {} }).get(id)!;
  lexical.forEach((hit, rank) => {
    const e = entry(hit.id);
    e.score += weights.lexical / (RRF_K + rank + 1);
    Object.assign(e.components, { lexical: hit.score, lexicalRank: rank + 1 });
  });
  semantic.forEach((hit, rank) => {
    const e = entry(hit.id);
    e.score += weights.semantic / (RRF_K + rank + 1);
    Object.assign(e.components, { semantic: hit.similarity, semanticRank: rank + 1 });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../../src/search/fusion.ts';

const lexical = [
  { id: 'only-lexical', score: 12.5 },
  { id: 'both', score: 9.1 },
  { id: 'lexical-tail', score: 2.0 },
];
const semantic = [
  { id: 'only-semantic', similarity: 0.92 },
  { id: 'both', similarity: 0.88 },
];

describe('fuseRankings', () => {
  it('puts an item both retrievers found above items only one found, even ranked first there', () => {
    const fused = fuseRankings(lexical, semantic);
    expect(fused[0]!.id).toBe('both');
    expect(fused.map((h) => h.id)).toHaveLength(4);
    expect(fused.at(-1)!.id).toBe('lexical-tail');
  });

  it('returns each hit with the ranks and raw scores it had in each list', () => {
    const byId = new Map(fuseRankings(lexical, semantic).map((h) => [h.id, h]));
    expect(byId.get('both')!.components).toEqual({ lexical: 9.1, lexicalRank: 2, semantic: 0.88, semanticRank: 2 });
    expect(byId.get('only-lexical')!.components).toEqual({ lexical: 12.5, lexicalRank: 1 });
    expect(byId.get('only-semantic')!.components).toEqual({ semantic: 0.92, semanticRank: 1 });
  });

  it('scores best first, and ties break by id so the order is stable', () => {
    const fused = fuseRankings(lexical, semantic);
    for (let i = 1; i < fused.length; i++) expect(fused[i - 1]!.score).toBeGreaterThanOrEqual(fused[i]!.score);
    // Rank 1 in one list each: equal scores.
    expect(fused.slice(1, 3).map((h) => h.id)).toEqual(['only-lexical', 'only-semantic']);
  });

  it('lets a weight favour one retriever', () => {
    const ids = fuseRankings(lexical, semantic, { lexical: 1, semantic: 3 }).map((h) => h.id);
    expect(ids.indexOf('only-semantic')).toBeLessThan(ids.indexOf('only-lexical'));
  });

  it('handles one or both lists being empty', () => {
    expect(fuseRankings([], [])).toEqual([]);
    expect(fuseRankings(lexical, []).map((h) => h.id)).toEqual(['only-lexical', 'both', 'lexical-tail']);
  });
});

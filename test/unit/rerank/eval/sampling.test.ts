import { describe, expect, it } from 'vitest';
import { randomFor, sampleNegatives } from '../../../../src/rerank/eval/sampling.ts';

const universe = Array.from({ length: 1000 }, (_, i) => `p${i}`);

describe('sampleNegatives', () => {
  it('never returns an excluded item, and returns n distinct items', () => {
    const exclude = new Set(universe.slice(0, 300));
    for (let k = 0; k < 50; k++) {
      const got = sampleNegatives(universe, exclude, 100, randomFor(`u${k}`));
      expect(got).toHaveLength(100);
      expect(new Set(got).size).toBe(100);
      for (const id of got) expect(exclude.has(id)).toBe(false);
    }
  });

  it('is deterministic per user and seed, and differs between users', () => {
    const exclude = new Set(['p1']);
    const a = sampleNegatives(universe, exclude, 100, randomFor('alice'));
    expect(sampleNegatives(universe, exclude, 100, randomFor('alice'))).toEqual(a);
    expect(sampleNegatives(universe, exclude, 100, randomFor('bob'))).not.toEqual(a);
    expect(sampleNegatives(universe, exclude, 100, randomFor('alice', 99))).not.toEqual(a);
  });

  it('returns every remaining item when fewer than n are left', () => {
    const small = ['a', 'b', 'c', 'd'];
    const got = sampleNegatives(small, new Set(['a', 'x']), 100, randomFor('u'));
    expect(got.sort()).toEqual(['b', 'c', 'd']);
  });

  it('draws roughly uniformly', () => {
    const counts = new Map<string, number>();
    const items = universe.slice(0, 200);
    for (let k = 0; k < 2000; k++) {
      for (const id of sampleNegatives(items, new Set(), 10, randomFor(`u${k}`))) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // 20,000 draws over 200 items: 100 each expected; a biased sampler (e.g. always the first n) fails this.
    expect(counts.size).toBe(200);
    for (const n of counts.values()) expect(n).toBeGreaterThan(50);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { cosineDistance, type VectorHit, type WritableVectorIndex } from '../../src/index/vector-index.ts';

/** Seeded PRNG (mulberry32) so every run sees the same vectors. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` unit vectors of `dimensions` with ids "v0", "v1", …, from a seeded PRNG. */
export function unitVectors(n: number, dimensions: number, seed: number): Array<{ id: string; vector: Float32Array }> {
  const next = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const v = Float32Array.from({ length: dimensions }, () => next() * 2 - 1);
    const norm = Math.hypot(...v);
    return { id: `v${i}`, vector: v.map((x) => x / norm) };
  });
}

const DIMENSIONS = 16;
const ids = (hits: VectorHit[]) => hits.map((h) => h.id);

/** The behaviour every WritableVectorIndex must show; `make` returns a fresh empty index. */
export function vectorIndexContract(name: string, make: (dimensions: number) => WritableVectorIndex): void {
  describe(`VectorIndex contract: ${name}`, () => {
    const entries = unitVectors(200, DIMENSIONS, 7);
    const queries = unitVectors(20, DIMENSIONS, 99).map((e) => e.vector);
    /** Ground truth: every stored entry sorted by true cosine distance. */
    const bruteForce = (query: Float32Array, pool = entries) =>
      pool.map(({ id, vector }) => ({ id, distance: cosineDistance(query, vector) })).sort((a, b) => a.distance - b.distance);
    let index: WritableVectorIndex;

    beforeEach(() => {
      index = make(DIMENSIONS);
      index.upsert(entries);
    });

    it('reports its dimensions and size, and answers nothing when empty', () => {
      expect(index.dimensions).toBe(DIMENSIONS);
      expect(index.size).toBe(200);
      expect(make(DIMENSIONS).search(queries[0]!, 5)).toEqual([]);
    });

    it('hands back a stored vector by id, and undefined for an id it lacks or removed', () => {
      const { id, vector } = entries[3]!;
      expect(Array.from(index.vector(id)!)).toEqual(Array.from(vector).map((x) => expect.closeTo(x, 5)));
      expect(index.vector('nope')).toBeUndefined();
      index.remove([id]);
      expect(index.vector(id)).toBeUndefined();
    });

    it('finds a stored vector as its own nearest neighbour, at distance 0', () => {
      for (const { id, vector } of entries.slice(0, 20)) {
        const [first] = index.search(vector, 1);
        expect(first!.id).toBe(id);
        expect(first!.distance).toBeCloseTo(0, 5);
      }
    });

    it('returns the k nearest, nearest first, with true cosine distances', () => {
      for (const query of queries) {
        const hits = index.search(query, 10);
        const truth = bruteForce(query).slice(0, 10);
        expect(ids(hits)).toEqual(ids(truth));
        hits.forEach((hit, i) => expect(hit.distance).toBeCloseTo(truth[i]!.distance, 5));
      }
    });

    it('applies accept before cutting to k', () => {
      const accept = (id: string) => Number(id.slice(1)) % 10 === 3;
      const allowed = entries.filter((e) => accept(e.id));
      for (const query of queries.slice(0, 5)) {
        const hits = index.search(query, 5, accept);
        expect(ids(hits)).toEqual(ids(bruteForce(query, allowed).slice(0, 5)));
      }
      expect(index.search(queries[0]!, 50, accept)).toHaveLength(allowed.length);
      expect(index.search(queries[0]!, 5, () => false)).toEqual([]);
    });

    it('returns everything it holds when k exceeds its size', () => {
      const hits = index.search(queries[0]!, 1000);
      expect(ids(hits)).toEqual(ids(bruteForce(queries[0]!)));
    });

    it('replaces the vector when an id is upserted again', () => {
      const moved = unitVectors(1, DIMENSIONS, 12345)[0]!.vector;
      const old = entries[0]!.vector;
      // Asked before the change, so an index that keeps copies of its vectors must drop the old one.
      expect(index.distances(old, ['v0'])[0]!.distance).toBeCloseTo(0, 5);
      index.upsert([{ id: 'v0', vector: moved }]);
      expect(index.size).toBe(200);
      expect(index.search(moved, 1)[0]).toMatchObject({ id: 'v0', distance: expect.closeTo(0, 5) });
      expect(ids(index.search(old, 1))).not.toEqual(['v0']);
      expect(index.distances(old, ['v0'])[0]!.distance).toBeCloseTo(cosineDistance(old, moved), 5);
    });

    it('forgets removed ids and shrinks', () => {
      const gone = entries.slice(0, 10).map((e) => e.id);
      index.remove([...gone, 'never-stored']);
      expect(index.size).toBe(190);
      for (const { vector } of entries.slice(0, 10)) {
        const found = ids(index.search(vector, 200));
        expect(found).toHaveLength(190);
        for (const id of gone) expect(found).not.toContain(id);
      }
      expect(index.distances(queries[0]!, gone)).toEqual([]);
    });

    it('gives back a removed id once it is upserted again', () => {
      index.remove(['v5']);
      index.upsert([{ id: 'v5', vector: entries[5]!.vector }]);
      expect(index.size).toBe(200);
      expect(ids(index.search(entries[5]!.vector, 1))).toEqual(['v5']);
    });

    it('computes exact distances for the ids asked, skipping unknown ones', () => {
      const query = queries[3]!;
      const asked = ['v42', 'missing', 'v7', 'v199'];
      const hits = index.distances(query, asked);
      expect(ids(hits)).toEqual(['v42', 'v7', 'v199']);
      for (const hit of hits) {
        const stored = entries.find((e) => e.id === hit.id)!.vector;
        expect(hit.distance).toBeCloseTo(cosineDistance(query, stored), 5);
      }
      expect(index.distances(query, [])).toEqual([]);
    });
  });
}

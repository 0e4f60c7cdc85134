import { cosineDistance, type VectorHit, type WritableVectorIndex } from './vector-index.ts';

/** Brute-force index: the ground truth for HNSW recall and the reference in contract tests. */
export function createExactIndex(dimensions: number): WritableVectorIndex {
  const vectors = new Map<string, Float32Array>();
  const distances = (query: Float32Array, ids: Iterable<string>): VectorHit[] => {
    const hits: VectorHit[] = [];
    for (const id of ids) {
      const v = vectors.get(id);
      if (v) hits.push({ id, distance: cosineDistance(query, v) });
    }
    return hits;
  };
  return {
    dimensions,
    get size() {
      return vectors.size;
    },
    search(query, k, accept) {
      const ids = accept ? [...vectors.keys()].filter(accept) : vectors.keys();
      return distances(query, ids).sort((a, b) => a.distance - b.distance).slice(0, k);
    },
    distances: (query, ids) => distances(query, ids),
    vector: (id) => vectors.get(id),
    upsert(entries) {
      for (const { id, vector } of entries) vectors.set(id, vector);
    },
    remove(ids) {
      for (const id of ids) vectors.delete(id);
    },
    save() {
      throw new Error('the exact index lives in memory only');
    },
  };
}

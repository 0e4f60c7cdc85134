/** A nearest neighbour; `distance` is cosine distance (0 = same direction, lower is closer). */
export interface VectorHit {
  id: string;
  distance: number;
}

/** Approximate or exact nearest-neighbour search over unit vectors keyed by product id. */
export interface VectorIndex {
  readonly size: number;
  readonly dimensions: number;
  /** Nearest first; `accept` filters before the list is cut to k. */
  search(query: Float32Array, k: number, accept?: (id: string) => boolean): VectorHit[];
  /** Exact distances to the given ids (those present), for small filtered candidate sets. */
  distances(query: Float32Array, ids: readonly string[]): VectorHit[];
  /** The stored (unit) vector of `id`, undefined when absent: the reranker's content inputs. Do not modify it. */
  vector(id: string): Float32Array | undefined;
}

/** A vector index that can change: the indexer's view. */
export interface WritableVectorIndex extends VectorIndex {
  /** Adds the vectors, replacing any stored under the same id. */
  upsert(entries: ReadonlyArray<{ id: string; vector: Float32Array }>): void;
  remove(ids: readonly string[]): void;
  /** Writes the index files into `dir` (which must exist). */
  save(dir: string): void;
}

/** Cosine distance between two unit vectors. */
export function cosineDistance(a: Float32Array, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return 1 - dot;
}

// The bench's only importer of hnswlib-node: it times the bare native call, without the
// Float32Array -> number[] copy and label mapping that src/index/hnsw-index.ts adds.
import path from 'node:path';
import hnswlib from 'hnswlib-node';

export interface RawHnsw {
  setEf(ef: number): void;
  /** Labels of the k nearest; the query is already a number[], as hnswlib-node wants. */
  search(query: number[], k: number): number[];
}

/** Opens the hnsw.bin that `WritableVectorIndex.save` wrote into `dir`. */
export function openRawHnsw(dir: string, dims: number): RawHnsw {
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  index.readIndexSync(path.join(dir, 'hnsw.bin'));
  return {
    setEf: (ef) => index.setEf(ef),
    search: (query, k) => index.searchKnn(query, k).neighbors,
  };
}

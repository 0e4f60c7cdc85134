// The only importer of hnswlib-node. Labels are integers there; this file maps them to product ids.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { AppError } from '../errors.ts';
import { cosineDistance, type VectorHit, type WritableVectorIndex } from './vector-index.ts';

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

const GRAPH_FILE = 'hnsw.bin';
const LABELS_FILE = 'hnsw-labels.json';

/** A new, empty HNSW index (cosine space) that grows as vectors are added. */
export function createHnswIndex(dimensions: number, params: HnswParams, capacity = 1024): WritableVectorIndex {
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: Math.max(capacity, 16), m: params.m, efConstruction: params.efConstruction, randomSeed: 100 });
  index.setEf(params.efSearch);
  return wrap(index, dimensions, []);
}

/** Loads an index written by `save`; the labels file maps labels back to ids. */
export function openHnswIndex(dir: string, dimensions: number, params: HnswParams): WritableVectorIndex {
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  try {
    index.readIndexSync(path.join(dir, GRAPH_FILE));
  } catch (cause) {
    throw new AppError('ARTIFACT_MISSING', `Cannot read the vector index in ${dir}: run \`aisle index --full\`.`, { cause });
  }
  index.setEf(params.efSearch);
  let labels: Array<string | null>;
  try {
    labels = JSON.parse(readFileSync(path.join(dir, LABELS_FILE), 'utf8')) as Array<string | null>;
  } catch (cause) {
    throw new AppError('ARTIFACT_MISMATCH', `The vector index labels in ${dir} are missing or damaged: run \`aisle index --full\`.`, { cause });
  }
  return wrap(index, dimensions, labels);
}

function wrap(index: hnswlib.HierarchicalNSW, dimensions: number, labels: Array<string | null>): WritableVectorIndex {
  // label -> id (null once removed) and id -> label; removed labels stay marked deleted in the graph.
  const byId = new Map<string, number>();
  labels.forEach((id, label) => id !== null && byId.set(id, label));
  const toHits = (distances: number[], neighbors: number[]): VectorHit[] =>
    neighbors.map((label, i) => ({ id: labels[label]!, distance: distances[i]! }));
  const stored = createVectorCopies(index);
  return {
    dimensions,
    get size() {
      return byId.size;
    },
    search(query, k, accept) {
      const n = Math.min(k, byId.size);
      if (n === 0) return [];
      const filter = accept ? (label: number) => accept(labels[label]!) : undefined;
      const { distances, neighbors } = index.searchKnn(Array.from(query), n, filter);
      return toHits(distances, neighbors);
    },
    distances(query, ids) {
      return ids.flatMap((id) => {
        const label = byId.get(id);
        return label === undefined ? [] : [{ id, distance: cosineDistance(query, stored.vector(label)) }];
      });
    },
    vector(id) {
      const label = byId.get(id);
      return label === undefined ? undefined : stored.vector(label);
    },
    upsert(entries) {
      const needed = labels.length + entries.length;
      if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, index.getMaxElements() * 2));
      for (const { id, vector } of entries) {
        let label = byId.get(id);
        if (label === undefined) {
          label = labels.length;
          labels.push(id);
          byId.set(id, label);
        }
        index.addPoint(Array.from(vector), label);
        stored.forget(label);
      }
    },
    remove(ids) {
      for (const id of ids) {
        const label = byId.get(id);
        if (label === undefined) continue;
        index.markDelete(label);
        stored.forget(label);
        labels[label] = null;
        byId.delete(id);
      }
    },
    save(dir) {
      index.writeIndexSync(path.join(dir, GRAPH_FILE));
      writeFileSync(path.join(dir, LABELS_FILE), JSON.stringify(labels));
    },
  };
}

/**
 * Vectors read back from the graph, kept as Float32Arrays. hnswlib-node's getPoint builds a JS array
 * of numbers on every call (~20 µs at 256 dimensions, most of a filtered query's exact distances), so
 * each label is read once, when first needed, and dropped when its vector changes. At most the
 * graph's own vector memory again (20 MB for 20,000 × 256).
 */
function createVectorCopies(index: hnswlib.HierarchicalNSW) {
  const copies: Array<Float32Array | undefined> = [];
  return {
    vector(label: number): Float32Array {
      return (copies[label] ??= Float32Array.from(index.getPoint(label)));
    },
    forget(label: number): void {
      copies[label] = undefined;
    },
  };
}

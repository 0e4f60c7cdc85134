import { row, type VectorSet } from './synthetic-vectors.ts';

/** Dot product of row `offset` of `data` with `q`, unrolled by four (the hot loop of ground truth). */
function dotAt(data: Float32Array, offset: number, q: Float32Array, dims: number): number {
  let a = 0, b = 0, c = 0, d = 0;
  let i = 0;
  for (; i + 3 < dims; i += 4) {
    a += data[offset + i]! * q[i]!;
    b += data[offset + i + 1]! * q[i + 1]!;
    c += data[offset + i + 2]! * q[i + 2]!;
    d += data[offset + i + 3]! * q[i + 3]!;
  }
  for (; i < dims; i++) a += data[offset + i]! * q[i]!;
  return a + b + c + d;
}

/** Exact top-k rows by cosine similarity (unit vectors: dot product), best first. */
export function exactTopK(base: VectorSet, query: Float32Array, k: number): Int32Array {
  const ids = new Int32Array(k).fill(-1);
  const sims = new Float64Array(k).fill(-Infinity);
  for (let r = 0; r < base.count; r++) {
    const s = dotAt(base.data, r * base.dims, query, base.dims);
    if (s <= sims[k - 1]!) continue;
    let j = k - 1;
    for (; j > 0 && sims[j - 1]! < s; j--) {
      sims[j] = sims[j - 1]!;
      ids[j] = ids[j - 1]!;
    }
    sims[j] = s;
    ids[j] = r;
  }
  return ids;
}

/** Ground truth for every query: row indices of the k nearest base vectors. */
export function groundTruth(base: VectorSet, queries: VectorSet, k: number, onProgress?: (done: number) => void): Int32Array[] {
  const truth: Int32Array[] = [];
  for (let q = 0; q < queries.count; q++) {
    truth.push(exactTopK(base, row(queries, q), k));
    if (q % 100 === 99) onProgress?.(q + 1);
  }
  return truth;
}

/** Mean fraction of the true k nearest found among the returned ids. */
export function recallAtK(truth: readonly Int32Array[], found: ReadonlyArray<readonly number[]>, k: number): number {
  let hits = 0;
  truth.forEach((t, q) => {
    const want = new Set(t.subarray(0, k));
    for (const id of found[q]!.slice(0, k)) if (want.has(id)) hits++;
  });
  return hits / (truth.length * k);
}

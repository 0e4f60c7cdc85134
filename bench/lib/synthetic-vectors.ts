import { mulberry32 } from '../../src/seeded-random.ts';

/**
 * Seeded Gaussian-mixture vectors that look more like text embeddings than uniform noise does:
 * points gather around cluster centres of uneven popularity, and all are L2-normalised.
 */
export interface MixtureOptions {
  dims: number;
  clusters: number;
  /** Noise length relative to the (unit) centre; 0.75 gives within-cluster cosine ≈ 0.6. */
  spread: number;
  seed: number;
}

/** `count` unit vectors packed row after row into one Float32Array (row i at i*dims). */
export interface VectorSet {
  count: number;
  dims: number;
  data: Float32Array;
}

export function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dims, (i + 1) * set.dims);
}


function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalise(v: Float32Array): void {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < v.length; i++) v[i]! *= scale;
}

/** A sampler: each call fills `out` with a new point from the mixture. */
export function createMixture(o: MixtureOptions): (out: Float32Array) => void {
  const random = mulberry32(o.seed);
  const normal = gaussian(random);
  const centres = Array.from({ length: o.clusters }, () => {
    const c = Float32Array.from({ length: o.dims }, normal);
    normalise(c);
    return c;
  });
  // Zipf-like popularity: a few big clusters (phone cases) and a long tail (harp strings).
  const weights = centres.map((_, i) => 1 / Math.sqrt(i + 1));
  const cumulative = weights.map(((sum) => (w: number) => (sum += w))(0));
  const total = cumulative.at(-1)!;
  const sigma = o.spread / Math.sqrt(o.dims);
  return (out) => {
    const r = random() * total;
    let lo = 0;
    for (let hi = cumulative.length - 1; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1; else hi = mid;
    }
    const centre = centres[lo]!;
    for (let i = 0; i < o.dims; i++) out[i] = centre[i]! + sigma * normal();
    normalise(out);
  };
}

/** Draws `count` points; call twice on one sampler for disjoint index and query sets. */
export function draw(sample: (out: Float32Array) => void, count: number, dims: number): VectorSet {
  const set: VectorSet = { count, dims, data: new Float32Array(count * dims) };
  for (let i = 0; i < count; i++) sample(row(set, i));
  return set;
}

import type { IntentFeatures } from './intent-features.ts';

/**
 * Multinomial logistic regression over dense and hashed sparse features. Small on purpose: a few
 * hundred labelled utterances cannot fit more, and a linear model calibrates well with one temperature.
 */
export interface IntentWeights {
  labels: string[];
  denseSize: number;
  hashBuckets: number;
  /** [label][feature], row-major: labels × denseSize. */
  dense: Float32Array;
  /** [bucket][label], row-major, so a sparse feature reads one contiguous row: hashBuckets × labels. */
  sparse: Float32Array;
  bias: Float32Array;
}

export function emptyWeights(labels: string[], denseSize: number, hashBuckets: number): IntentWeights {
  return {
    labels, denseSize, hashBuckets,
    dense: new Float32Array(labels.length * denseSize),
    sparse: new Float32Array(hashBuckets * labels.length),
    bias: new Float32Array(labels.length),
  };
}

/** Raw scores, one per label. */
export function logits(w: IntentWeights, x: IntentFeatures): Float64Array {
  const c = w.labels.length;
  const out = Float64Array.from(w.bias);
  for (let k = 0; k < c; k++) {
    let s = 0;
    const row = k * w.denseSize;
    for (let j = 0; j < w.denseSize; j++) s += w.dense[row + j]! * x.dense[j]!;
    out[k]! += s;
  }
  for (let i = 0; i < x.sparse.index.length; i++) {
    const row = x.sparse.index[i]! * c;
    const v = x.sparse.value[i]!;
    for (let k = 0; k < c; k++) out[k]! += w.sparse[row + k]! * v;
  }
  return out;
}

/** Softmax of logits / temperature; a temperature above 1 softens over-confident scores. */
export function softmax(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s / temperature);
  const out = scores.map((s) => Math.exp(s / temperature - max));
  const sum = out.reduce((a, b) => a + b, 0);
  return out.map((v) => v / sum);
}

import { describe, expect, it } from 'vitest';
import type { IntentFeatures } from '../../../src/understanding/intent-features.ts';
import { emptyWeights, logits, softmax } from '../../../src/understanding/intent-model.ts';
import { mulberry32 } from '../../../src/seeded-random.ts';
import { DEFAULT_TRAIN, fitTemperature, trainWeights, type LabelledFeatures } from '../../../training/intents/train-intent-model.ts';

const LABELS = ['search', 'greet', 'track'];
const DENSE = 6;
const BUCKETS = 32;

/** A separable toy problem: class k leans on dense dim k and hashed bucket 10+k, with noise on everything. */
function toyData(n: number, seed: number): LabelledFeatures[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const label = i % LABELS.length;
    const dense = Float32Array.from({ length: DENSE }, (_, j) => (j === label ? 1 : 0) + (random() - 0.5) * 0.4);
    const noise = 20 + Math.floor(random() * 10);
    const x: IntentFeatures = { dense, sparse: { index: Int32Array.from([10 + label, noise]), value: Float32Array.from([0.8, 0.6]) } };
    return { x, label };
  });
}
const argmax = (v: ArrayLike<number>) => Array.prototype.indexOf.call(v, Math.max(...Array.from(v)));

describe('trainWeights', () => {
  const data = toyData(60, 1);

  it('an untrained model scores every label alike', () => {
    const p = softmax(logits(emptyWeights(LABELS, DENSE, BUCKETS), data[0]!.x));
    for (const v of p) expect(v).toBeCloseTo(1 / 3, 12);
  });

  it('fits a separable problem to 100% training accuracy, and new examples too', () => {
    const w = trainWeights(data, LABELS, DENSE, BUCKETS);
    expect(data.filter((d) => argmax(logits(w, d.x)) === d.label)).toHaveLength(data.length);
    const unseen = toyData(30, 2);
    expect(unseen.filter((d) => argmax(logits(w, d.x)) === d.label)).toHaveLength(unseen.length);
  });

  it('is reproducible for a seed', () => {
    const a = trainWeights(data, LABELS, DENSE, BUCKETS, { ...DEFAULT_TRAIN, epochs: 5 });
    const b = trainWeights(data, LABELS, DENSE, BUCKETS, { ...DEFAULT_TRAIN, epochs: 5 });
    expect(Array.from(a.dense)).toEqual(Array.from(b.dense));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });
});

describe('fitTemperature', () => {
  it('softens over-confident scores: right only 70% of the time, but sure every time', () => {
    const heldOut = Array.from({ length: 100 }, (_, i) => ({ scores: Float64Array.from([12, 0, 0]), label: i % 10 < 7 ? 0 : 1 + (i % 2) }));
    const t = fitTemperature(heldOut);
    expect(t).toBeGreaterThan(1);
    // At the fitted temperature the top label's probability is close to how often it is right.
    expect(softmax(heldOut[0]!.scores, t)[0]).toBeCloseTo(0.7, 1);
  });

  it('sharpens timid scores that are always right', () => {
    const heldOut = Array.from({ length: 50 }, (_, i) => ({ scores: Float64Array.from(i % 2 ? [0.3, 0] : [0, 0.3]), label: i % 2 ? 0 : 1 }));
    expect(fitTemperature(heldOut)).toBeLessThan(1);
  });
});

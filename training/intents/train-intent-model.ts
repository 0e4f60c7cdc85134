import { mulberry32 } from '../../src/seeded-random.ts';
import type { IntentFeatures } from '../../src/understanding/intent-features.ts';
import { emptyWeights, logits, softmax, type IntentWeights } from '../../src/understanding/intent-model.ts';

export interface LabelledFeatures {
  x: IntentFeatures;
  label: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step, scaled by the learning rate. */
  l2: number;
  seed: number;
  /** Loss weight per label index (1 when absent): a costlier mistake is learnt harder. */
  labelWeights?: Record<number, number>;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 40, learningRate: 0.5, l2: 1e-4, seed: 13 };

/** Plain SGD on cross-entropy with a decaying rate; seeded shuffles make a run reproducible. */
export function trainWeights(data: LabelledFeatures[], labels: string[], denseSize: number, buckets: number, o = DEFAULT_TRAIN): IntentWeights {
  const w = emptyWeights(labels, denseSize, buckets);
  const c = labels.length;
  const order = data.map((_, i) => i);
  const random = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    const lr = o.learningRate / (1 + epoch * 0.15);
    const decay = 1 - lr * o.l2;
    for (const i of order) {
      const { x, label } = data[i]!;
      const p = softmax(logits(w, x));
      const weight = o.labelWeights?.[label] ?? 1;
      for (let k = 0; k < c; k++) {
        const g = (p[k]! - (k === label ? 1 : 0)) * lr * weight;
        w.bias[k]! -= g;
        const row = k * denseSize;
        for (let j = 0; j < denseSize; j++) w.dense[row + j] = w.dense[row + j]! * decay - g * x.dense[j]!;
        for (let s = 0; s < x.sparse.index.length; s++) w.sparse[x.sparse.index[s]! * c + k]! -= g * x.sparse.value[s]!;
      }
    }
  }
  return w;
}

/**
 * The temperature that minimises negative log-likelihood of held-out predictions (logits from
 * models that did not see those examples), by golden-section search over 0.05–20.
 */
export function fitTemperature(heldOut: { scores: Float64Array; label: number }[]): number {
  const nll = (t: number) => heldOut.reduce((sum, { scores, label }) => sum - Math.log(Math.max(softmax(scores, t)[label]!, 1e-12)), 0);
  let [a, b] = [Math.log(0.05), Math.log(20)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (nll(Math.exp(c)) < nll(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

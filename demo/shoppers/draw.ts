/** Draws the simulator needs beyond demo/random.ts: all from one seeded Random, so a seed replays a run. */
import type { Random } from '../random.ts';

/** Standard normal (Box–Muller). */
export function gaussian(rng: Random): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Poisson count with mean `mean` (Knuth; the means here are small). */
export function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k += 1;
  return k;
}

/** An index drawn with probability proportional to `weights[i]` (all ≥ 0, not all 0). */
export function weightedIndex(rng: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** `n` distinct indices drawn by weight, without replacement. */
export function weightedSample(rng: Random, weights: readonly number[], n: number): number[] {
  const left = weights.slice();
  const picked: number[] = [];
  while (picked.length < n && left.some((w) => w > 0)) {
    const i = weightedIndex(rng, left);
    picked.push(i);
    left[i] = 0;
  }
  return picked;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

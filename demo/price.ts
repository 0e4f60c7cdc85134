/** Demo prices: skewed toward the cheap end of a category's range, with shop-like endings. */
import type { Random } from './random.ts';

/** Rounds to cents, removing float noise (12.990000000000002 → 12.99). */
export function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** A price in [min, max] (give or take the rounding), major units, 2 decimals at most. */
export function samplePrice(rng: Random, [min, max]: readonly [number, number]): number {
  // Log-scale with a bias toward lower prices: most sofas are nearer $600 than $3000.
  const raw = min * Math.pow(max / min, rng.next() ** 1.4);
  return Math.max(0.99, toCents(endPrice(rng, raw)));
}

function endPrice(rng: Random, raw: number): number {
  const roll = rng.next();
  if (raw >= 100) {
    if (roll < 0.45) return Math.ceil(raw / 10) * 10 - 0.01; // 1299.99
    if (roll < 0.8) return Math.round(raw / 5) * 5; // 1295
    return Math.floor(raw) + 0.99;
  }
  if (roll < 0.55) return Math.floor(raw) + 0.99; // 24.99
  if (roll < 0.75) return Math.round(raw); // 25
  if (roll < 0.85) return Math.floor(raw) + rng.pick([0.5, 0.95]); // 24.50, 24.95
  return raw; // 24.37
}

// 95% confidence intervals for the A/B comparison: Wilson's score interval for one proportion, and Newcombe's
// hybrid score interval (his method 10, built from the two Wilson intervals) for a difference of two. Both stay
// inside [0, 1] / [-1, 1] and behave at small counts and rates near 0, where the normal approximation does not.
// Counts may be fractional: effective counts of clustered units (effectiveCounts).

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval { low: number; high: number }

/** Wilson score interval of count/of; null when `of` is 0. */
export function wilson(count: number, of: number, z = Z95): Interval | null {
  if (of === 0) return null;
  const p = count / of;
  const z2 = z * z;
  const centre = (p + z2 / (2 * of)) / (1 + z2 / of);
  const half = (z / (1 + z2 / of)) * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe's interval for p1 - p2 (group 1 minus group 2); null when either group is empty. */
export function differenceInterval(count1: number, of1: number, count2: number, of2: number, z = Z95): Interval | null {
  const w1 = wilson(count1, of1, z);
  const w2 = wilson(count2, of2, z);
  if (!w1 || !w2) return null;
  const p1 = count1 / of1;
  const p2 = count2 / of2;
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

/** Successes `x` out of units `n` of one cluster (a shopper's conversations). */
export interface Cluster { n: number; x: number }

/**
 * The sample size a rate over clustered units is worth: its counts divided by the design effect, the ratio of the
 * delta-method variance over clusters (Σ(x − p·n)² / N²) to the binomial variance (p(1 − p) / N), at least 1. A
 * shopper's conversations are not independent (the A/B split is by shopper), so intervals use these counts; with
 * one unit per cluster they are the plain counts.
 */
export function effectiveCounts(clusters: readonly Cluster[]): { count: number; of: number } {
  let n = 0;
  let x = 0;
  for (const c of clusters) { n += c.n; x += c.x; }
  const p = n ? x / n : 0;
  if (n === 0 || p === 0 || p === 1) return { count: x, of: n };
  let ss = 0;
  for (const c of clusters) ss += (c.x - p * c.n) ** 2;
  const deff = Math.max(1, ss / (n * n) / ((p * (1 - p)) / n));
  return { count: x / deff, of: n / deff };
}

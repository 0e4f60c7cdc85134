/** Latency summary in milliseconds; percentiles by nearest rank. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(sorted.length, 1);
  return {
    count: sorted.length, meanMs: mean, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs `fn` once per input, timing each call with the high-resolution clock. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T, i: number) => unknown): number[] {
  return inputs.map((input, i) => {
    const start = performance.now();
    fn(input, i);
    return performance.now() - start;
  });
}

/** Async variant of `timeEach`: calls run one after another, never overlapping. */
export async function timeEachAsync<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Seconds taken by `fn`, plus its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - start) / 1000, value };
}

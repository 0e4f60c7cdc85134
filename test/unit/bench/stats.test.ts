import { describe, expect, it } from 'vitest';
import { peakBetween, type MemorySample } from '../../../bench/lib/server-memory.ts';
import { median, percentile, summarize } from '../../../bench/lib/stats.ts';

describe('percentile (nearest rank)', () => {
  const sorted = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20

  it('takes the value at rank ceil(p/100 × n)', () => {
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 99)).toBe(20);
    expect(percentile(sorted, 100)).toBe(20);
  });

  it('gives the smallest value for p 0, the only value of one sample, and NaN for none', () => {
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize and median', () => {
  it('sort their input themselves', () => {
    const s = summarize([30, 10, 20, 40]);
    expect(s).toMatchObject({ count: 4, meanMs: 25, p50Ms: 20, p95Ms: 40, maxMs: 40 });
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('peakBetween', () => {
  const sample = (at: number, rss: number, heapUsed: number): MemorySample => ({ at, settled: false, rss, heapUsed, heapTotal: 0, external: 0 });

  it('takes the largest RSS and heap among the samples inside the window only, each on its own', () => {
    const samples = [sample(0, 900, 900), sample(10, 100, 50), sample(20, 300, 20), sample(30, 200, 60), sample(40, 999, 999)];
    expect(peakBetween(samples, 10, 30)).toEqual({ rss: 300, heapUsed: 60, count: 3 });
  });
});

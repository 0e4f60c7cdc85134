import { describe, expect, it } from 'vitest';
import { forwardBatches } from '../../../src/embed/forward-batches.ts';

const lengthsOf = (lengths: number[], batches: number[][]) => batches.map((b) => b.map((i) => lengths[i]!));

describe('forwardBatches', () => {
  it('puts short texts together and a long one in a pass of its own', () => {
    const lengths = [10, 60, 12, 11, 9];
    expect(lengthsOf(lengths, forwardBatches(lengths, 32))).toEqual([[9, 10, 11, 12], [60]]);
  });

  it('never pads a pass by more than the allowed share', () => {
    const lengths = Array.from({ length: 200 }, (_, i) => 5 + ((i * 37) % 60));
    for (const batch of lengthsOf(lengths, forwardBatches(lengths, 32, 0.25))) {
      const real = batch.reduce((s, n) => s + n, 0);
      expect(Math.max(...batch) * batch.length).toBeLessThanOrEqual(1.25 * real);
    }
  });

  it('uses every index once and cuts at the batch size', () => {
    const lengths = Array.from({ length: 70 }, () => 20);
    const batches = forwardBatches(lengths, 32);
    expect(batches.map((b) => b.length)).toEqual([32, 32, 6]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    expect(forwardBatches([], 32)).toEqual([]);
  });
});

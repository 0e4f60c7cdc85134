import { describe, expect, it } from 'vitest';
import { softmax } from '../../../src/understanding/intent-model.ts';

const argmax = (v: ArrayLike<number>) => Array.prototype.indexOf.call(v, Math.max(...Array.from(v)));

describe('softmax', () => {
  it('gives probabilities that sum to 1, largest score largest', () => {
    const p = softmax(Float64Array.from([2, 1, -3]));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(argmax(p)).toBe(0);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('stays finite for huge scores', () => {
    const p = softmax(Float64Array.from([1000, 999, -1000]));
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('a temperature above 1 softens, below 1 sharpens, and each still sums to 1', () => {
    const scores = Float64Array.from([3, 1, 0]);
    const [soft, plain, sharp] = [softmax(scores, 4), softmax(scores), softmax(scores, 0.25)];
    expect(soft[0]).toBeLessThan(plain[0]!);
    expect(sharp[0]).toBeGreaterThan(plain[0]!);
    for (const p of [soft, sharp]) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

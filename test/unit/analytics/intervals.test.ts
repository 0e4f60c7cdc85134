import { describe, expect, it } from 'vitest';
import { differenceInterval, effectiveCounts, wilson } from '../../../src/analytics/intervals.ts';

// Reference values: Newcombe (1998), Statistics in Medicine 17, tables I (single proportion) and II (method 10).
describe('confidence intervals', () => {
  it('Wilson matches the published intervals', () => {
    const a = wilson(81, 263)!;
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const zero = wilson(0, 10)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.2775, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it("Newcombe's hybrid score interval for a difference matches the published ones", () => {
    const a = differenceInterval(56, 70, 48, 80)!;
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const b = differenceInterval(9, 10, 3, 10)!;
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.8090, 4);
    const c = differenceInterval(5, 56, 0, 29)!;
    expect(c.low).toBeCloseTo(-0.0381, 4);
    expect(c.high).toBeCloseTo(0.1926, 4);
    expect(differenceInterval(1, 2, 0, 0)).toBeNull();
  });
});

describe('effectiveCounts', () => {
  it('is the plain count when each shopper has one conversation', () => {
    const singles = [...Array(30).fill({ n: 1, x: 1 }), ...Array(10).fill({ n: 1, x: 0 })];
    expect(effectiveCounts(singles)).toEqual({ count: 30, of: 40 });
  });

  it('shrinks by the design effect when a shopper\'s conversations go together', () => {
    // p = 0.5; Σ(x − p·n)² / N² = (25 + 25) / 400 = 0.125; binomial 0.25 / 20 = 0.0125: design effect 10
    const e = effectiveCounts([{ n: 10, x: 10 }, { n: 10, x: 0 }]);
    expect(e.of).toBeCloseTo(2, 9);
    expect(e.count).toBeCloseTo(1, 9);
  });
});

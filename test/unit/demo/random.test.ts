import { describe, expect, it } from 'vitest';
import { createRandom, mixSeed } from '../../../demo/random.ts';
import { mulberry32 } from '../../../src/seeded-random.ts';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('keeps int within bounds and sample distinct', () => {
    const rng = createRandom(123);
    for (let i = 0; i < 1000; i++) {
      const value = rng.int(3, 5);
      expect(value >= 3 && value <= 5 && Number.isInteger(value)).toBe(true);
    }
    const picked = rng.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(picked).size).toBe(3);
    expect(rng.sample(['a', 'b'], 10)).toHaveLength(2);
    expect(() => rng.pick([])).toThrow();
  });

  it('mixes seeds so neighbouring products get unrelated sequences', () => {
    expect(mixSeed(1, 0)).not.toBe(mixSeed(1, 1));
    expect(mixSeed(1, 0)).not.toBe(mixSeed(2, 0));
    expect(mixSeed(1, 5)).toBe(mixSeed(1, 5));
  });
});

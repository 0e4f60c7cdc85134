import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/server/rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst of perMinute, then earns one back every 60/perMinute seconds', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 3, now: () => now });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20); // one token every 20 s
    expect(limiter.take('b')).toBe(0); // keys are apart
    now += 10_000;
    expect(limiter.take('a')).toBe(10);
    now += 10_000;
    expect(limiter.take('a')).toBe(0);
    now += 10 * 60_000;
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0, 20]); // never above the burst
  });

  it('forgets the least recently seen keys past maxKeys', () => {
    const limiter = createRateLimiter({ perMinute: 1, maxKeys: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // 'a' is forgotten: it starts afresh
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('c')).toBeGreaterThan(0);
  });
});

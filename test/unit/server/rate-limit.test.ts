import { describe, expect, it } from 'vitest';
import { addressKey, createRateLimiter } from '../../../src/server/rate-limit.ts';

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

describe('addressKey', () => {
  it('limits an IPv6 caller by its /64, so a fresh address is not a fresh bucket', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps IPv4 addresses, mapped or not, as they are', () => {
    expect(addressKey('10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey(undefined)).toBeUndefined();
  });
});

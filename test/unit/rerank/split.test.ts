import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../../src/fnv1a.ts';
import { isHeldOutUser } from '../../../src/rerank/split.ts';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('isHeldOutUser', () => {
  it('holds out exactly the users whose hash is 0 mod 10', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `shopper-${i}`);
    for (const id of ids) expect(isHeldOutUser(id)).toBe(fnv1a32(id) % 10 === 0);
  });

  it('holds out about a tenth of users, the same ones every time', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `u${i}`);
    const held = ids.filter(isHeldOutUser);
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
    expect(ids.filter(isHeldOutUser)).toEqual(held);
  });
});

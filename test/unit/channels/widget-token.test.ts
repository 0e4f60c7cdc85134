import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signShopperToken, verifyShopperToken } from '../../../src/channels/widget-token.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const NOW = Date.UTC(2026, 0, 1);
const LATER = NOW / 1000 + 600;

/** A token whose signature is right for whatever payload text it carries: only the payload can be wrong. */
function signedPayload(json: string): string {
  const payload = Buffer.from(json).toString('base64url');
  return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
}

describe('verifyShopperToken', () => {
  it('accepts a token the store signed, and says who it names', () => {
    expect(verifyShopperToken(SECRET, signShopperToken(SECRET, 'customer-42', LATER), NOW)).toEqual({ ok: true, sub: 'customer-42' });
  });

  it('refuses a forged and an expired token with the reason', () => {
    expect(verifyShopperToken(SECRET, signShopperToken('another-secret-of-at-least-32-chars!!', 'c', LATER), NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyShopperToken(SECRET, signShopperToken(SECRET, 'c', NOW / 1000 - 1), NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  // Signed correctly, so only the shape of the claims can refuse them; none may throw (that was a 500).
  const shapes = ['null', '1', '"customer-42"', 'true', '[]', '["customer-42", 1e12]', '{}', `{"sub":42,"exp":${LATER}}`,
    `{"sub":"","exp":${LATER}}`, `{"sub":"${'x'.repeat(129)}","exp":${LATER}}`, '{"sub":"c","exp":"tomorrow"}', '{"sub":"c"}',
    '{"sub":"c","exp":null}', '{"sub":"c","exp":1e400}', 'not json', '', '{"sub":"c","exp":', '\u0000'];
  it.each(shapes)('refuses the signed payload %j as malformed, without throwing', (json) => {
    expect(verifyShopperToken(SECRET, signedPayload(json), NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each(['', '.', 'abc', 'a.b.c', '..', `${signShopperToken(SECRET, 'c', LATER)}.`, ' . ', 'ä.ö'])('refuses the token %j as malformed or badly signed', (token) => {
    const check = verifyShopperToken(SECRET, token, NOW);
    expect(check.ok).toBe(false);
  });
});

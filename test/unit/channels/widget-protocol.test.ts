import { describe, expect, it } from 'vitest';
import { originAllowed, parseOrigins, createWidgetLimiter } from '../../../src/channels/widget-guards.ts';
import { parseClientFrame } from '../../../src/channels/widget-protocol.ts';
import { signShopperToken, verifyShopperToken } from '../../../src/channels/widget-token.ts';

describe('the widget protocol', () => {
  it('reads a hello and a message, text or card button', () => {
    expect(parseClientFrame('{"type":"hello"}')).toEqual({ ok: true, frame: { type: 'hello', after: 0 } });
    expect(parseClientFrame('{"type":"message","id":"abcdefgh","text":"sofas"}')).toMatchObject({ ok: true });
    expect(parseClientFrame('{"type":"message","id":"abcdefgh","action":{"type":"add_to_cart","productId":"P1"}}')).toMatchObject({ ok: true });
  });

  it('refuses what is not one of them, saying why', () => {
    expect(parseClientFrame('not json')).toEqual({ ok: false, message: 'A frame must be one JSON object.' });
    expect(parseClientFrame('{"type":"message","id":"abcdefgh"}')).toEqual({ ok: false, message: expect.stringContaining('either "text" or "action"') });
    expect(parseClientFrame('{"type":"message","id":"a b","text":"x"}')).toMatchObject({ ok: false });
    expect(parseClientFrame('{"type":"hello","conversation":"../../etc"}')).toMatchObject({ ok: false });
    expect(parseClientFrame('{"type":"message","id":"abcdefgh","action":{"type":"pay"}}')).toMatchObject({ ok: false });
  });
});

describe('sign-in tokens', () => {
  const secret = 'x'.repeat(32);
  const now = Date.parse('2026-01-01T00:00:00Z');
  const exp = now / 1000 + 60;

  it('verifies a token the store signed, until it expires', () => {
    const token = signShopperToken(secret, 'customer-7', exp);
    expect(verifyShopperToken(secret, token, now)).toEqual({ ok: true, sub: 'customer-7' });
    expect(verifyShopperToken(secret, token, now + 61_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another secret, a changed payload and garbage', () => {
    const token = signShopperToken(secret, 'customer-7', exp);
    expect(verifyShopperToken('y'.repeat(32), token, now)).toEqual({ ok: false, reason: 'bad-signature' });
    const forged = `${Buffer.from(JSON.stringify({ sub: 'customer-8', exp })).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyShopperToken(secret, forged, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyShopperToken(secret, 'nonsense', now)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('origins and limits', () => {
  const allowed = parseOrigins('https://shop.example, http://localhost:8080');

  it('allows the configured origins and Aisle\'s own, nothing else', () => {
    expect(originAllowed('https://shop.example', 'aisle.example', allowed)).toBe(true);
    expect(originAllowed('http://localhost:8080', 'aisle.example', allowed)).toBe(true);
    expect(originAllowed('https://aisle.example', 'aisle.example', allowed)).toBe(true);
    expect(originAllowed('https://evil.example', 'aisle.example', allowed)).toBe(false);
    expect(originAllowed('null', 'aisle.example', allowed)).toBe(false);
    expect(originAllowed(undefined, 'aisle.example', allowed)).toBe(true); // not a browser
  });

  it('names a setting that is not an origin', () => {
    expect(() => parseOrigins('https://shop.example/path')).toThrow('AISLE_WIDGET_ORIGINS: "https://shop.example/path" is not an origin');
    expect(() => parseOrigins('shop.example')).toThrow('is not an origin');
    expect(parseOrigins('')).toEqual(new Set());
  });

  it('spends per connection and per address, and a refused message costs the address nothing', () => {
    const limiter = createWidgetLimiter({ perConnection: 2, perIp: 3 });
    expect([limiter.take('a', '10.0.0.1'), limiter.take('a', '10.0.0.1'), limiter.take('a', '10.0.0.1')].map((w) => w > 0)).toEqual([false, false, true]);
    expect(limiter.take('b', '10.0.0.1')).toBe(0);
    expect(limiter.take('c', '10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.take('c', '10.0.0.2')).toBe(0);
  });
});

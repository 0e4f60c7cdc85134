import { describe, expect, it } from 'vitest';
import os from 'node:os';
import express from 'express';
import { loadConfig } from '../../../src/config.ts';
import { createSocketCap, createWidgetLimiter, originAllowed, parseOrigins, requestOrigin } from '../../../src/channels/widget-guards.ts';
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
    const self = 'https://aisle.example';
    expect(originAllowed('https://shop.example', self, allowed)).toBe(true);
    expect(originAllowed('http://localhost:8080', self, allowed)).toBe(true);
    expect(originAllowed('https://aisle.example', self, allowed)).toBe(true);
    expect(originAllowed('https://evil.example', self, allowed)).toBe(false);
    expect(originAllowed('null', self, allowed)).toBe(false);
    expect(originAllowed(undefined, self, allowed)).toBe(true); // not a browser
  });

  it('compares the whole origin: scheme, host and port, written either way', () => {
    const self = 'http://localhost:3978';
    expect(originAllowed('http://localhost:3978', self, allowed)).toBe(true);
    expect(originAllowed('https://localhost:3978', self, allowed)).toBe(false); // same host, another scheme
    expect(originAllowed('http://localhost:3979', self, allowed)).toBe(false);
    expect(originAllowed('http://shop.example', self, allowed)).toBe(false); // listed as https only
    expect(originAllowed('https://shop.example:8443', self, allowed)).toBe(false);
    expect(originAllowed('HTTPS://Shop.Example:443', self, allowed)).toBe(true);
    expect(originAllowed('https://shop.example.evil.example', self, allowed)).toBe(false);
  });

  it('reads Aisle\'s own origin from the request: scheme, Host and its port', () => {
    const app = express();
    const req = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted, remoteAddress: '10.0.0.9' } }) as never;
    expect(requestOrigin(app, req({ host: 'localhost:3978' }))).toBe('http://localhost:3978');
    expect(requestOrigin(app, req({ host: 'Aisle.Example:443' }, true))).toBe('https://aisle.example');
    expect(requestOrigin(app, req({ host: 'aisle.example', 'x-forwarded-proto': 'https' }))).toBe('http://aisle.example'); // proxy not trusted
    app.set('trust proxy', true);
    expect(requestOrigin(app, req({ host: 'aisle.example', 'x-forwarded-proto': 'https' }))).toBe('https://aisle.example');
  });

  it('names a setting that is not an origin, and writes the rest as browsers do', () => {
    expect(() => parseOrigins('https://shop.example/path')).toThrow('AISLE_WIDGET_ORIGINS: "https://shop.example/path" is not an origin');
    expect(() => parseOrigins('shop.example')).toThrow('is not an origin');
    expect(() => parseOrigins('https://shop.example?x=1')).toThrow('is not an origin');
    expect(() => parseOrigins('https://user@shop.example')).toThrow('is not an origin');
    expect(() => parseOrigins('ftp://shop.example')).toThrow('is not an origin');
    expect(parseOrigins('')).toEqual(new Set());
    expect(parseOrigins('HTTPS://Shop.Example:443/, http://localhost:80, http://localhost:8080')).toEqual(new Set(['https://shop.example', 'http://localhost', 'http://localhost:8080']));
  });

  it('spends from the address first, then the connection', () => {
    const limiter = createWidgetLimiter({ perConnection: 2, perIp: 3 });
    expect([limiter.take('a', '10.0.0.1'), limiter.take('a', '10.0.0.1'), limiter.take('a', '10.0.0.1')].map((w) => w > 0)).toEqual([false, false, true]);
    expect(limiter.take('b', '10.0.0.1')).toBeGreaterThan(0); // the refused third still cost the address
    expect(limiter.addressWait('10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.take('c', '10.0.0.2')).toBe(0);
  });

  it('caps open sockets per address, an IPv6 /64 as one', () => {
    const cap = createSocketCap(2);
    cap.open('10.0.0.1');
    cap.open('10.0.0.1');
    expect(cap.room('10.0.0.1')).toBe(false);
    expect(cap.room('::ffff:10.0.0.1')).toBe(false);
    expect(cap.room('10.0.0.2')).toBe(true);
    cap.close('10.0.0.1');
    expect(cap.room('10.0.0.1')).toBe(true);
    cap.open('2001:db8:1:2::1');
    cap.open('2001:db8:1:2::ffff');
    expect(cap.room('2001:db8:1:2:aaaa::1')).toBe(false);
    expect(createSocketCap(0).room('10.0.0.1')).toBe(true);
  });
});

describe('widget settings', () => {
  const load = (env: Record<string, string>) => loadConfig(env, {}, process.cwd(), os.tmpdir());

  it('caps sockets per address at 20 unless AISLE_WIDGET_SOCKETS_PER_IP says otherwise, and names a bad value', () => {
    expect(load({}).widgetSocketsPerIp).toBe(20);
    expect(load({ AISLE_WIDGET_SOCKETS_PER_IP: '0' }).widgetSocketsPerIp).toBe(0);
    expect(() => load({ AISLE_WIDGET_SOCKETS_PER_IP: 'many' })).toThrow(/widgetSocketsPerIp \(AISLE_WIDGET_SOCKETS_PER_IP\)/);
  });

  it('keeps AISLE_WIDGET_ORIGINS as browsers write origins', () => {
    expect(load({ AISLE_WIDGET_ORIGINS: 'HTTPS://Shop.Example:443, http://localhost:8080/' }).widgetOrigins).toEqual(['https://shop.example', 'http://localhost:8080']);
  });
});

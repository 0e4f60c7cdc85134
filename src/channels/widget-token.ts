import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed-in shopper's token, signed by the store's backend with the secret it shares with Aisle
 * (AISLE_WIDGET_SECRET): `base64url(JSON {"sub","exp"}) + "." + base64url(HMAC-SHA256(secret, first part))`,
 * `sub` the store's shopper id (up to 128 characters), `exp` seconds since 1970. Any language can sign one.
 */
export function signShopperToken(secret: string, sub: string, exp: number): string {
  const payload = Buffer.from(JSON.stringify({ sub, exp })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** What a token says: the shopper, or why it is refused. */
export type TokenCheck = { ok: true; sub: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** Checks the signature (in constant time) and the expiry; `now` in ms. */
export function verifyShopperToken(secret: string, token: string, now = Date.now()): TokenCheck {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  const claims = readClaims(payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, sub: claims.sub };
}

/** The payload's claims when it is a JSON object with a usable `sub` and a finite `exp`; anything else (null, a number, an array) is undefined. */
function readClaims(payload: string): { sub: string; exp: number } | undefined {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return undefined;
  const { sub, exp } = claims as { sub?: unknown; exp?: unknown };
  // 1e400 parses as Infinity: a token that would never expire is refused.
  if (typeof sub !== 'string' || !sub || sub.length > 128 || typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
  return { sub, exp };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

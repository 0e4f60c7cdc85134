import type express from 'express';
import { DOOR_IDS } from '../channels/id-namespaces.ts';
import { verifyShopperToken } from '../channels/widget-token.ts';
import { AppError } from '../errors.ts';

const HOW_TO = 'send the shopper\'s sign-in token (the widget\'s, signed with AISLE_WIDGET_SECRET; README "HTTP API") as Authorization: Bearer <token>';

/**
 * Who GET /api/search ranks for: the shopper a signed token names, never a bare `user=` (anyone could rank as anyone and
 * read their history off the order and `components.personal`). With `personalise=false` nobody's history is read, so
 * no token is needed. A `user=` beside a token must name the token's shopper (`sub` or `shop:sub`); undefined: plain search.
 */
export function searchShopper(req: express.Request, query: { user?: string; personalise?: 'true' | 'false' }, secret: string | undefined): string | undefined {
  if (query.personalise === 'false') return undefined;
  const token = bearerToken(req.get('authorization'));
  if (token === undefined && query.user === undefined) return undefined;
  if (!secret) {
    throw new AppError('BAD_INPUT', 'Personalised search over HTTP needs AISLE_WIDGET_SECRET: set it, then ' + HOW_TO + '; user= alone is not accepted. Drop user= for the plain order.');
  }
  if (token === undefined) throw new AppError('UNAUTHORIZED', `user= alone is not taken on trust: to personalise, ${HOW_TO}; or drop user= for the plain order.`);
  const check = verifyShopperToken(secret, token);
  if (!check.ok) throw new AppError('UNAUTHORIZED', `The shopper token is refused (${check.reason.replace('-', ' ')}); sign a fresh one with AISLE_WIDGET_SECRET.`);
  const user = DOOR_IDS.signedIn(check.sub);
  if (query.user !== undefined && query.user !== check.sub && query.user !== user) {
    throw new AppError('FORBIDDEN', 'user= names another shopper than the token does; drop user= (the token says who is searching).');
  }
  return user;
}

/** The token of an `Authorization: Bearer …` header; other schemes (a proxy's Basic) are not ours and are ignored. */
function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^\s*bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

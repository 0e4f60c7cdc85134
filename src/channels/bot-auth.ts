import { authorizeJWT, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.ts';
import { isLoopbackAddress } from './service-url-policy.ts';
import type { Logger } from '../logger.ts';

const REFUSED = 'This endpoint accepts only requests signed by the Azure Bot Service: send a valid Bearer token.';

/**
 * The SDK's JWT check (`authorizeJWT`), with its refusals turned into our 401 error shape. The SDK's own body
 * names the reason, sometimes an internal one ("getaddrinfo EAI_AGAIN login.botframework.com"): that goes to
 * `logOf(res)` only.
 */
export function botAuthentication(authConfig: AuthConfiguration, logOf: (res: Response) => Logger, onRefused?: (req: Request) => void): RequestHandler {
  const sdkCheck = authorizeJWT(authConfig);
  return async (req, res, next) => {
    let status = 401;
    let refused = false;
    // Only what authorizeJWT calls on a refusal: status(code).send(body).
    const refusal = {
      status(code: number) {
        status = code;
        return refusal;
      },
      send(body: unknown) {
        refused = true;
        onRefused?.(req);
        logOf(res).warn({ status, reason: reasonOf(body) }, 'bot request refused');
        res.setHeader('WWW-Authenticate', 'Bearer');
        next(new AppError('UNAUTHORIZED', REFUSED));
        return refusal;
      },
    };
    await sdkCheck(req, refusal as unknown as Response, (err?: unknown) => {
      if (!refused) next(err);
    });
  };
}

function reasonOf(body: unknown): string {
  const reason = (body as Record<string, unknown> | undefined)?.['jwt-auth-error'];
  return typeof reason === 'string' ? reason : JSON.stringify(body);
}

/**
 * Guards an anonymous (development, no AISLE_BOT_APP_ID) endpoint: only callers on this machine (the Bot Framework
 * Emulator, tests) may run turns, so `aisle serve` on 0.0.0.0 does not let anyone on the network drive the bot.
 * Decided by the socket's own address, never by X-Forwarded-For.
 */
export function loopbackCallersOnly(logOf: (res: Response) => Logger): RequestHandler {
  return (req, res, next) => {
    const caller = req.socket.remoteAddress;
    if (isLoopbackAddress(caller)) return next();
    logOf(res).warn({ caller }, 'anonymous bot request refused: not from this machine');
    res.setHeader('WWW-Authenticate', 'Bearer');
    next(new AppError('UNAUTHORIZED', 'Without AISLE_BOT_APP_ID this endpoint accepts requests from this machine only: set the bot registration to accept others.'));
  };
}

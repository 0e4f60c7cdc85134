import { authorizeJWT, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { RequestHandler, Response } from 'express';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

const REFUSED = 'This endpoint accepts only requests signed by the Azure Bot Service: send a valid Bearer token.';

/**
 * The SDK's JWT check (`authorizeJWT`), with its refusals turned into our 401 error shape. The SDK's own body
 * names the reason, sometimes an internal one ("getaddrinfo EAI_AGAIN login.botframework.com"): that goes to
 * `logOf(res)` only.
 */
export function botAuthentication(authConfig: AuthConfiguration, logOf: (res: Response) => Logger): RequestHandler {
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

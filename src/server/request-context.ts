import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';

/** A caller's own request id is kept when it is short and plain, so it cannot forge log lines. */
const CALLER_ID = /^[\w.:-]{1,128}$/;
/** Probes come every few seconds: logged only at debug so they do not drown the requests that matter. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Gives each request an id (the caller's `X-Request-Id` or a fresh UUID, echoed in the response), a child
 * logger carrying it (`requestLog`), and one log line when it finishes: method, path, status, ms. Query
 * strings are not logged: a search is what a shopper typed.
 */
export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && CALLER_ID.test(header) ? header : randomUUID();
    const started = performance.now();
    const requestLogger = log.child({ req: id });
    res.locals.requestId = id;
    res.locals.log = requestLogger;
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      const fields = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 };
      if (QUIET_PATHS.has(req.path)) requestLogger.debug(fields, 'request');
      else requestLogger.info(fields, 'request');
    });
    next();
  };
}

/** The request's logger, or `fallback` outside `requestContext`. */
export function requestLog(res: Response, fallback: Logger): Logger {
  return (res.locals.log as Logger | undefined) ?? fallback;
}

export function requestId(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

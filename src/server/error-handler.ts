import type { ErrorRequestHandler } from 'express';
import { httpStatus, isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { requestId, requestLog } from './request-context.ts';

/**
 * The one place errors become HTTP: `{"error":{"code","message","requestId"}}`. AppError codes map to
 * statuses; anything else is a 500 whose detail goes to the log only.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const reqLog = requestLog(res, log);
    const id = requestId(res);
    if (res.headersSent) {
      reqLog.error({ err }, 'failed after the response had started');
      res.end();
      return;
    }
    if (isAppError(err)) {
      const status = httpStatus[err.code];
      if (status >= 500) reqLog.error({ err }, 'request failed');
      else reqLog.info({ code: err.code, reason: err.message }, 'request refused');
      res.status(status).json({ error: { code: err.code, message: err.message, ...(id ? { requestId: id } : {}) } });
      return;
    }
    reqLog.error({ err }, 'unexpected error');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; please try again.', ...(id ? { requestId: id } : {}) } });
  };
}

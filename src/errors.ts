/** Error codes the boundaries (CLI, HTTP, bot) translate into messages and statuses. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'ARTIFACT_MISSING'
  | 'ARTIFACT_MISMATCH'
  | 'BAD_INPUT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'BUSY'
  | 'NOT_FOUND'
  | 'UNAVAILABLE'
  | 'OFFLINE'
  | 'INTERNAL';

/** The one error class: a code, a message that says what to do, and the original error as cause. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** HTTP status for each code, used by the server's error handler. */
export const httpStatus: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  ARTIFACT_MISSING: 503,
  ARTIFACT_MISMATCH: 503,
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  // A caller we know and refuse: a page on an origin the store did not allow.
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  // Another turn of the same conversation still holds it.
  BUSY: 409,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  OFFLINE: 503,
  INTERNAL: 500,
};

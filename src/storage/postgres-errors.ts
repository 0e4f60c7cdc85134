/** Errors of the PostgreSQL stores, worded for the person running Aisle; the password never appears. */
import { AppError } from '../errors.ts';

/** A connection that could not be made, was refused or was lost: AppError UNAVAILABLE naming host:port. */
export function unreachable(url: string, err: unknown): AppError {
  const { where, password } = describeUrl(url);
  const reason = redact(reasonOf(err), password);
  const message = refusedSession(err)
    ? `PostgreSQL at ${where} refused the connection: ${reason}. Fix the user, password or database in --db.`
    : `PostgreSQL at ${where} is not reachable: ${reason}. Start it or fix --db.`;
  return new AppError('UNAVAILABLE', message, { cause: err });
}

/** Connected, but the catalog tables could not be created or read (privileges, a clashing table). */
export function unopenable(url: string, schema: string, err: unknown): AppError {
  return refusedStatement(url, `open the catalog in schema "${schema}"`, err);
}

/** Connected, but a statement was refused (privileges, a clashing table); `task` says what could not be done. */
export function refusedStatement(url: string, task: string, err: unknown): AppError {
  const { where, password } = describeUrl(url);
  const reason = redact(reasonOf(err), password);
  return new AppError('UNAVAILABLE', `PostgreSQL at ${where} could not ${task}: ${reason}. Fix the database's privileges or --db.`, { cause: err });
}

/** True for errors that mean the server is unreachable or refused the session, not a bad statement. */
export function isConnectionError(err: unknown): boolean {
  const code = String((err as { code?: unknown } | undefined)?.code ?? '');
  // Node socket errors (ECONNREFUSED, ENOTFOUND, ...) and SQLSTATE classes 08 (connection), 28 (authorisation),
  // 3D000 (no such database) and 57P0x (server shutting down).
  return /^E[A-Z]+$/.test(code) || /^(08|28|57P0)/.test(code) || code === '3D000'
    || /Connection terminated|timeout exceeded when trying to connect/i.test(reasonOf(err));
}

/** The server answered but turned the session down: SQLSTATE class 28 (authorisation) or 3D000 (no such database). */
function refusedSession(err: unknown): boolean {
  return /^(28|3D000)/.test(String((err as { code?: unknown } | undefined)?.code ?? ''));
}

function describeUrl(url: string): { where: string; password: string } {
  try {
    const parsed = new URL(url);
    return { where: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`, password: decodeURIComponent(parsed.password) };
  } catch {
    return { where: 'the configured address', password: '' };
  }
}

function redact(text: string, password: string): string {
  return password ? text.replaceAll(password, '***') : text;
}

/** Node reports a refused dual-stack connect as an AggregateError with an empty message: use its first error. */
function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return reasonOf(err.errors[0]);
  if (err instanceof Error) return err.message || String((err as { code?: unknown }).code ?? err.name);
  return String(err);
}

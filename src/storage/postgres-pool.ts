// The PostgreSQL adapter both stores share: the pool, the connection discipline and where driver
// errors become AppErrors. Each store keeps its own SQL; both run transactions through postgres-transaction.ts.
import pg from 'pg';
import { AppError } from '../errors.ts';
import { isConnectionError, unreachable } from './postgres-errors.ts';

export type Client = pg.PoolClient;

/** Where a store's statements run, and how it words a statement the server refused. */
export interface PgTarget {
  pool: pg.Pool;
  url: string;
  refused(err: unknown): AppError;
}

export function createPool(url: string, max: number, connectTimeoutMs = 10_000): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: connectTimeoutMs, application_name: 'aisle' });
  // An idle client losing its connection emits on the pool; without a listener that would crash the process.
  // The next query through connect() reports the outage instead.
  pool.on('error', () => {});
  return pool;
}

/**
 * The one place a connection is taken. Failing to connect, or losing the connection, becomes
 * UNAVAILABLE and the client is discarded; a statement the server refused becomes `db.refused`;
 * AppErrors and errors without a driver code (the caller's own) pass through untouched.
 * `discard` marks a connection unfit for reuse (a failed ROLLBACK) whatever `fn` then throws.
 */
export async function withClient<T>(db: PgTarget, fn: (c: Client, discard: (reason: Error) => void) => Promise<T>): Promise<T> {
  let client: Client;
  try {
    client = await db.pool.connect();
  } catch (err) {
    // Every connection of the pool stayed in use: the database answers, this process is busy.
    if (db.pool.totalCount >= (db.pool.options.max ?? 10) && /timeout exceeded/i.test((err as Error).message)) {
      throw new AppError('UNAVAILABLE', `All ${db.pool.totalCount} PostgreSQL connections stayed busy past the wait: too many turns at once. Try again in a moment.`, { cause: err });
    }
    throw unreachable(db.url, err);
  }
  let broken: Error | undefined;
  // A checked-out client has no error listener of the pool's: a connection lost between statements
  // (while a turn's callback runs) would otherwise be an uncaught 'error' event. The next statement reports it.
  const lost = (err: Error) => { broken ??= err; };
  client.on('error', lost);
  try {
    return await fn(client, (reason) => { broken ??= reason; });
  } catch (err) {
    if (isConnectionError(err)) {
      broken ??= err as Error;
      throw unreachable(db.url, err);
    }
    throw err instanceof AppError || !(err as { code?: unknown }).code ? err : db.refused(err);
  } finally {
    client.removeListener('error', lost);
    client.release(broken); // a client whose connection failed is discarded, not pooled
  }
}

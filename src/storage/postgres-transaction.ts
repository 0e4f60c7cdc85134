// The one transaction discipline of the PostgreSQL stores.
import { withClient, type Client, type PgTarget } from './postgres-pool.ts';

/** What an error thrown out of `transaction` carries when the ROLLBACK after it failed too. */
export interface RollbackFailure {
  rollbackError?: unknown;
}

/**
 * Runs `fn` in BEGIN [mode] … COMMIT on one pooled connection, e.g. mode 'ISOLATION LEVEL REPEATABLE READ READ ONLY'.
 * When anything in it throws, the transaction is rolled back and that original error is rethrown (translated
 * by withClient like any other). Should the ROLLBACK fail too (a dead connection), the original error still
 * surfaces, carrying the ROLLBACK's error as `rollbackError`, and the connection is discarded, not pooled.
 */
export async function transaction<T>(db: PgTarget, fn: (c: Client) => Promise<T>, mode = ''): Promise<T> {
  return withClient(db, async (c, discard) => {
    await c.query(`BEGIN ${mode}`.trimEnd());
    try {
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch((rollbackError: unknown) => {
        discard(rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)));
        attachRollbackFailure(err, rollbackError);
      });
      throw err;
    }
  });
}

/** The original error stays the one thrown; the rollback's failure rides along on it where it can. */
function attachRollbackFailure(err: unknown, rollbackError: unknown): void {
  if (typeof err !== 'object' || err === null || !Object.isExtensible(err)) return;
  Object.defineProperty(err, 'rollbackError', { value: rollbackError, configurable: true, writable: true });
}

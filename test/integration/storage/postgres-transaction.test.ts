import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.ts';
import { refusedStatement } from '../../../src/storage/postgres-errors.ts';
import { createPool, withClient, type PgTarget } from '../../../src/storage/postgres-pool.ts';
import { transaction, type RollbackFailure } from '../../../src/storage/postgres-transaction.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const schemas = testSchemas();
const table = `"${schemas.newSchema()}".items`;
const db: PgTarget = { pool: createPool(TEST_PG_URL, 2), url: TEST_PG_URL, refused: (err) => refusedStatement(TEST_PG_URL, 'run the test', err) };

async function ids(): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`);
  return rows.map((row) => row.id);
}

describe('PostgreSQL transactions against a real server', () => {
  beforeAll(async () => {
    await db.pool.query(`CREATE SCHEMA ${table.split('.')[0]}; CREATE TABLE ${table} (id text PRIMARY KEY)`);
  });
  afterAll(async () => {
    await db.pool.end();
    await schemas.dropAll();
  });

  it('commits what the callback wrote', async () => {
    await transaction(db, async (c) => { await c.query(`INSERT INTO ${table} VALUES ('kept')`); });
    expect(await ids()).toEqual(['kept']);
  });

  it('rolls back when a statement fails, and the statement’s own error surfaces', async () => {
    const error = await transaction(db, async (c) => {
      await c.query(`INSERT INTO ${table} VALUES ('written first')`);
      await c.query(`INSERT INTO ${table} VALUES ('kept')`); // duplicate key
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).cause).toMatchObject({ code: '23505' }); // unique_violation, not a ROLLBACK error
    expect(await ids()).toEqual(['kept']);
  });

  it('rolls back when the callback throws, and rethrows that very error', async () => {
    const thrown = new Error('the caller gave up');
    await expect(transaction(db, async (c) => {
      await c.query(`INSERT INTO ${table} VALUES ('written first')`);
      throw thrown;
    })).rejects.toBe(thrown);
    expect(await ids()).toEqual(['kept']);
  });

  it('keeps the original error when the ROLLBACK fails too, attaches the failure and discards the connection', async () => {
    const thrown = new Error('the caller gave up');
    await expect(transaction(db, async (c) => {
      await c.query(`INSERT INTO ${table} VALUES ('written first')`);
      await killConnection(c);
      throw thrown;
    })).rejects.toBe(thrown);
    expect((thrown as RollbackFailure).rollbackError).toBeInstanceOf(Error);
    expect(await ids()).toEqual(['kept']); // the server rolled back what the dead session wrote
    expect(db.pool.totalCount).toBe(1); // only the connection ids() took: the dead one was not pooled again
  });
});

/** Ends the client's server session from outside and waits until the client has noticed. */
async function killConnection(c: pg.PoolClient): Promise<void> {
  const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  const ended = new Promise((resolve) => c.once('end', resolve));
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
  await ended;
}

describe('a PostgreSQL pool with every connection in use', () => {
  it('says the process is busy, not that the database is down', async () => {
    const busy: PgTarget = { pool: createPool(TEST_PG_URL, 1, 300), url: TEST_PG_URL, refused: db.refused };
    try {
      let release!: () => void;
      const holding = withClient(busy, () => new Promise<void>((resolve) => { release = resolve; }));
      await new Promise((r) => setTimeout(r, 50));
      const err = await withClient(busy, async () => 'never').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('busy') });
      expect((err as Error).message).not.toMatch(/not reachable|Start it/);
      release();
      await holding;
    } finally {
      await busy.pool.end();
    }
  });
});


import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { openPostgresCatalogStore } from '../../src/storage/postgres-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';

const url = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
// One random prefix per test file; each store gets its own schema under it, all dropped after the suite.
const prefix = `aisle_test_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

async function dropSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

catalogStoreContract('PostgreSQL', async () => {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return openPostgresCatalogStore(url, { schema });
}, dropSchemas);

describe('openPostgresCatalogStore failures', () => {
  it('reports an unreachable server as UNAVAILABLE with host:port and no password', async () => {
    const error = await openPostgresCatalogStore('postgres://aisle:s3cret-pw@127.0.0.1:1/test').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    const message = (error as AppError).message;
    expect(message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1 is not reachable: .*ECONNREFUSED.*Start it or fix --db/);
    expect(message).not.toContain('s3cret-pw');
    expect((error as AppError).cause).toBeDefined();
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openPostgresCatalogStore(url, { schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

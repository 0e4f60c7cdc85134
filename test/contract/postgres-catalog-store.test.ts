import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { openPostgresCatalogStore } from '../../src/storage/postgres-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';
import { TEST_PG_URL, testSchemas } from '../support/test-schemas.ts';

const url = TEST_PG_URL;
// Each store gets its own schema, all dropped after the suite.
const schemas = testSchemas();

catalogStoreContract('PostgreSQL', async () => openPostgresCatalogStore(url, { schema: schemas.newSchema() }), schemas.dropAll);

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

import { describe, expect, it } from 'vitest';
import { openPostgresCatalogStore } from '../../src/storage/postgres-catalog-store.ts';
import { catalogStoreContract } from './catalog-store.contract.ts';
import { expectUnreachableReported, TEST_PG_URL, testSchemas, UNREACHABLE_PG_URL } from '../support/test-postgres.ts';

const url = TEST_PG_URL;
// Each store gets its own schema, all dropped after the suite.
const schemas = testSchemas();

catalogStoreContract('PostgreSQL', async () => openPostgresCatalogStore(url, { schema: schemas.newSchema() }), schemas.dropAll);

describe('openPostgresCatalogStore failures', () => {
  it('reports an unreachable server as UNAVAILABLE with host:port and no password', async () => {
    await expectUnreachableReported(openPostgresCatalogStore(UNREACHABLE_PG_URL));
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openPostgresCatalogStore(url, { schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

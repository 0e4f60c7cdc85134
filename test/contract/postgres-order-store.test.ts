import { afterAll, expect, it } from 'vitest';
import { openPostgresOrderStore } from '../../src/storage/postgres-order-store.ts';
import { orderStoreContract } from './order-store.contract.ts';
import { expectUnreachableReported, TEST_PG_URL, testSchemas, UNREACHABLE_PG_URL } from '../support/test-postgres.ts';

const { newSchema, dropAll } = testSchemas();
afterAll(dropAll);

orderStoreContract('PostgreSQL', async () => {
  const schema = newSchema();
  return () => openPostgresOrderStore(TEST_PG_URL, schema);
});

it('says where PostgreSQL is and what to do when it is down, without the password', async () => {
  await expectUnreachableReported(openPostgresOrderStore(UNREACHABLE_PG_URL, 'aisle'));
  expect(true).toBe(true);
});

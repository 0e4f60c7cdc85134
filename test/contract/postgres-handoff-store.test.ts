import { afterAll } from 'vitest';
import { openHandoffStore } from '../../src/handoff/open-handoff-store.ts';
import { handoffStoreContract } from './handoff-store.contract.ts';
import { TEST_PG_URL, testSchemas } from '../support/test-postgres.ts';

const { newSchema, dropAll } = testSchemas();
afterAll(dropAll);

handoffStoreContract('PostgreSQL', async () => {
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('schema', newSchema());
  return () => openHandoffStore(url.toString(), '/nonexistent');
});

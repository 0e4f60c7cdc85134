import { afterAll } from 'vitest';
import { openPostgresEventLog } from '../../src/storage/postgres-event-log.ts';
import { eventLogContract } from './event-log.contract.ts';
import { TEST_PG_URL, testSchemas } from '../support/test-postgres.ts';

const { newSchema, dropAll } = testSchemas();
afterAll(dropAll);

eventLogContract('PostgreSQL', async () => {
  const schema = newSchema();
  return () => openPostgresEventLog(TEST_PG_URL, schema);
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use: the machine's own (trust auth, database `test`) unless AISLE_TEST_PG says otherwise. */
export const TEST_PG_URL = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Fresh schemas for one test file, under one random prefix so parallel files never meet; `dropAll`
 * removes every schema handed out.
 */
export function testSchemas(url = TEST_PG_URL): { newSchema(): string; dropAll(): Promise<void> } {
  const prefix = `aisle_test_${randomBytes(4).toString('hex')}`;
  const schemas: string[] = [];
  return {
    newSchema() {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      return schema;
    },
    async dropAll() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

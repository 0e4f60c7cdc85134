import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { AppError } from '../../src/errors.ts';

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

/** A server nobody listens on, with a password that must never reach an error message. */
export const UNREACHABLE_PG_URL = 'postgres://aisle:s3cret-pw@127.0.0.1:1/test';

/** What every PostgreSQL store must say when its server is down: UNAVAILABLE, where, what to do, no password. */
export async function expectUnreachableReported(opening: Promise<unknown>): Promise<void> {
  const error = await opening.catch((err: unknown) => err);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'UNAVAILABLE' });
  const message = (error as AppError).message;
  expect(message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1 is not reachable: .*ECONNREFUSED.*Start it or fix --db/);
  expect(message).not.toContain('s3cret-pw');
  expect((error as AppError).cause).toBeDefined();
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalogStore } from '../../../src/storage/open-catalog-store.ts';
import { product } from '../../contract/product-fixture.ts';

const url = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'aisle-open-store-'));

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('openCatalogStore', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with no --db, creates the home directory and <home>/catalog.db', async () => {
    const home = join(dir, 'home', 'nested');
    const store = await openCatalogStore('', home);
    await store.upsert([product('a')]);
    await store.close();
    expect(existsSync(join(home, 'catalog.db'))).toBe(true);
  });

  it('opens sqlite:PATH and sqlite:///PATH', async () => {
    for (const db of [`sqlite:${join(dir, 'one.db')}`, `sqlite://${join(dir, 'two.db')}`]) {
      const store = await openCatalogStore(db, join(dir, 'unused'));
      expect(await store.version()).toBe(0);
      await store.close();
    }
    expect(existsSync(join(dir, 'one.db')) && existsSync(join(dir, 'two.db'))).toBe(true);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('opens postgres:// URLs with PostgreSQL, in the ?schema= given', async () => {
    const schema = `aisle_test_${randomBytes(4).toString('hex')}`;
    const store = await openCatalogStore(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`, dir);
    try {
      await store.upsert([product('a')]);
      const found = await withClient((c) => c.query(`SELECT count(*)::int AS n FROM "${schema}".products`));
      expect(found.rows[0].n).toBe(1);
    } finally {
      await store.close();
      await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
  });

  it('with create: false, refuses a missing catalog and creates nothing: no home, no file, no schema', async () => {
    const home = join(dir, 'not-yet');
    await expect(openCatalogStore('', home, { create: false })).rejects.toMatchObject({ code: 'ARTIFACT_MISSING', message: expect.stringContaining('aisle ingest FILE') });
    expect(existsSync(home)).toBe(false);
    const blank = join(dir, 'blank.db');
    writeFileSync(blank, ''); // an empty file is SQLite's empty database: no catalog in it either
    await expect(openCatalogStore(`sqlite:${blank}`, dir, { create: false })).rejects.toMatchObject({ code: 'ARTIFACT_MISSING' });
    const schema = `aisle_test_${randomBytes(4).toString('hex')}`;
    await expect(openCatalogStore(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`, dir, { create: false })).rejects.toMatchObject({ code: 'ARTIFACT_MISSING' });
    expect((await withClient((c) => c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]))).rowCount).toBe(0);
  });

  it('refuses other schemes with CONFIG_INVALID, hiding any password', async () => {
    const error = await openCatalogStore('mysql://root:hunter2@db/x', dir).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((error as Error).message).not.toContain('hunter2');
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogStore } from '../../../src/storage/catalog-store.ts';
import { openPostgresCatalogStore } from '../../../src/storage/postgres-catalog-store.ts';
import { manyProducts, product } from '../../contract/product-fixture.ts';

const url = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `aisle_test_${randomBytes(4).toString('hex')}`;
const opened: CatalogStore[] = [];

async function open(name = schema): Promise<CatalogStore> {
  const store = await openPostgresCatalogStore(url, { schema: name });
  opened.push(store);
  return store;
}

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL catalog store against a real server', () => {
  afterAll(async () => {
    for (const store of opened) await store.close();
    await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_new" CASCADE`);
  });

  it('opens the same fresh schema from several instances at once', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    expect(await Promise.all(stores.map((s) => s.version()))).toEqual([0, 0, 0]);
  });

  it('serialises concurrent upserts from two instances so versions never collide', async () => {
    const [a, b] = [await open(), await open()];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      (i % 2 === 0 ? a : b).upsert([product(`c${i}`), product('shared', { price: i })])));
    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await a.version()).toBe(10);
    expect(await b.count()).toBe(11);
  });

  // Speed is measured in bench/, not asserted here.
  it('ingests 20,000 products and re-ingests them as a no-op', async () => {
    const store = await open(`${schema}_new`);
    const products = manyProducts(20_000);
    expect(await store.upsert(products, { replace: true })).toMatchObject({ inserted: 20_000, version: 1 });
    expect(await store.upsert(products, { replace: true })).toMatchObject({ unchanged: 20_000, removed: 0, version: 1 });
    expect(await store.upsert(products.slice(1), { replace: true })).toMatchObject({ removed: 1, version: 2 });
    expect((await store.changesSince(1)).removed).toEqual([products[0]?.id]);
  });
});

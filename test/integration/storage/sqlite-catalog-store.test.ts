import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteCatalogStore } from '../../../src/storage/sqlite-catalog-store.ts';
import { manyProducts, product } from '../../contract/product-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-it-'));

describe('SQLite catalog store on disk', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps products, version and tombstones across a reopen, in WAL mode at schema 1', async () => {
    const path = join(dir, 'reopen.db');
    const first = openSqliteCatalogStore(path);
    await first.upsert([product('a'), product('b')]);
    await first.upsert([product('b')], { replace: true });
    await first.close();
    const again = openSqliteCatalogStore(path);
    expect(await again.version()).toBe(2);
    expect(await again.changesSince(1)).toEqual({ changed: [], removed: ['a'], version: 2 });
    await again.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses a catalog written by a newer schema', () => {
    const path = join(dir, 'future.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteCatalogStore(path)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISMATCH' }));
  });

  it('gives two connections to one file distinct versions', async () => {
    const path = join(dir, 'shared.db');
    const [a, b] = [openSqliteCatalogStore(path), openSqliteCatalogStore(path)];
    const results = await Promise.all([a.upsert([product('x')]), b.upsert([product('y')]), a.upsert([product('z')])]);
    expect(results.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(await b.count()).toBe(3);
    await Promise.all([a.close(), b.close()]);
  });

  it('ingests 20,000 products in one upsert', async () => {
    const store = openSqliteCatalogStore(join(dir, 'big.db'));
    expect(await store.upsert(manyProducts(20_000))).toMatchObject({ inserted: 20_000, version: 1 });
    expect(await store.count()).toBe(20_000);
    await store.close();
  });
});

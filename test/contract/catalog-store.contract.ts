import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../src/domain.ts';
import type { CatalogStore } from '../../src/storage/catalog-store.ts';
import { manyProducts, product } from './product-fixture.ts';

const ids = (products: readonly { id: string }[]): string[] => products.map((p) => p.id);

/**
 * The behaviour every CatalogStore must show. `makeStore` returns a store over an empty catalog
 * (a fresh one per test); `cleanup` runs once after the suite.
 */
export function catalogStoreContract(name: string, makeStore: () => Promise<CatalogStore>, cleanup?: () => Promise<void>): void {
  describe(`CatalogStore contract: ${name}`, () => {
    let store: CatalogStore;
    beforeEach(async () => { store = await makeStore(); });
    afterEach(async () => { await store.close(); });
    if (cleanup) afterAll(cleanup);

    it('starts empty at version 0', async () => {
      expect(await store.version()).toBe(0);
      expect(await store.count()).toBe(0);
      expect(await store.all()).toEqual([]);
      expect(await store.changesSince(0)).toEqual({ changed: [], removed: [], version: 0 });
    });

    it('has a catalog id that stays the same across writes and differs between catalogs', async () => {
      const id = await store.catalogId();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await store.upsert([product('a')]);
      expect(await store.catalogId()).toBe(id);
      const other = await makeStore();
      try {
        expect(await other.catalogId()).not.toBe(id);
      } finally {
        await other.close();
      }
    });

    it('stores products, lists them by id and gets them in the order asked', async () => {
      const result = await store.upsert([product('c'), product('a'), product('b')]);
      expect(result).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0, version: 1 });
      expect(ids(await store.all())).toEqual(['a', 'b', 'c']);
      expect(await store.get(['c', 'missing', 'a'])).toEqual([{ ...product('c'), version: 1 }, { ...product('a'), version: 1 }]);
      expect(await store.get([])).toEqual([]);
      expect(await store.count()).toBe(3);
    });

    it('treats re-ingesting identical content as a no-op, whatever the key order', async () => {
      await store.upsert([product('a'), product('b')]);
      const reordered = Object.fromEntries(Object.entries(product('a')).reverse()) as unknown as Product;
      const again = await store.upsert([reordered, product('b')]);
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 2, removed: 0, version: 1 });
      // Stored products carry `version`; feeding them back in changes nothing either.
      expect((await store.upsert(await store.all())).unchanged).toBe(2);
      expect(await store.version()).toBe(1);
      expect(await store.changesSince(1)).toEqual({ changed: [], removed: [], version: 1 });
    });

    it('bumps the version once per changing upsert and reports the changes after a version', async () => {
      await store.upsert([product('a'), product('b')]);
      const result = await store.upsert([product('a', { price: 9.5 }), product('b'), product('d')]);
      expect(result).toEqual({ inserted: 1, updated: 1, unchanged: 1, removed: 0, version: 2 });
      const changes = await store.changesSince(1);
      expect(changes).toEqual({ changed: [{ ...product('a', { price: 9.5 }), version: 2 }, { ...product('d'), version: 2 }], removed: [], version: 2 });
      expect(await store.changesSince(2)).toEqual({ changed: [], removed: [], version: 2 });
      expect(ids((await store.changesSince(0)).changed)).toEqual(['a', 'b', 'd']);
    });

    it('keeps the last of repeated ids in one upsert', async () => {
      const result = await store.upsert([product('a', { title: 'first' }), product('a', { title: 'last' })]);
      expect(result).toMatchObject({ inserted: 1, unchanged: 0, version: 1 });
      expect((await store.get(['a']))[0]?.title).toBe('last');
    });

    it('with replace, removes absent products in the same version and records tombstones', async () => {
      await store.upsert([product('a'), product('b'), product('c')]);
      const result = await store.upsert([product('b'), product('d')], { replace: true });
      expect(result).toEqual({ inserted: 1, updated: 0, unchanged: 1, removed: 2, version: 2 });
      expect(ids(await store.all())).toEqual(['b', 'd']);
      expect(await store.changesSince(1)).toEqual({ changed: [{ ...product('d'), version: 2 }], removed: ['a', 'c'], version: 2 });
      expect(await store.upsert([product('b'), product('d')], { replace: true })).toMatchObject({ removed: 0, version: 2 });
    });

    it('drops the tombstone of a product added again after removal', async () => {
      await store.upsert([product('a'), product('b')]);
      await store.upsert([product('b')], { replace: true });
      await store.upsert([product('a')]);
      const changes = await store.changesSince(0);
      expect(changes.removed).toEqual([]);
      expect(changes.changed.find((p) => p.id === 'a')?.version).toBe(3);
      expect((await store.changesSince(1)).removed).toEqual([]);
    });

    it('leaves earlier data and version intact when the database rejects an upsert part-way', async () => {
      await store.upsert([product('a'), product('b')]);
      const before = await store.all();
      // Thousands of valid writes, a change and a replace go first; the null id then violates NOT NULL in the database.
      const bad = { ...product('zz'), id: null } as unknown as Product;
      const batch = [...manyProducts(2500, 'new'), product('a', { price: 1 }), bad];
      await expect(store.upsert(batch, { replace: true })).rejects.toThrow();
      expect(await store.all()).toEqual(before);
      expect(await store.version()).toBe(1);
      expect(await store.changesSince(1)).toEqual({ changed: [], removed: [], version: 1 });
      expect((await store.upsert([product('c')])).version).toBe(2);
    });

    it('rejects a product that cannot be serialised and changes nothing', async () => {
      await store.upsert([product('a')]);
      const bad = product('b', { attributes: { weight: 1n } as unknown as Record<string, string> });
      await expect(store.upsert([product('c'), bad])).rejects.toThrow();
      expect(ids(await store.all())).toEqual(['a']);
      expect(await store.version()).toBe(1);
    });

    it('round-trips unicode text and ids', async () => {
      const text = 'Crème brûlée — 寿司 🍣 «ÆØÅ» עִברִית e\u0301 "quoted" \\ back\nline';
      const p = product('café-ß-寿司-🍣', { title: text, description: text, attributes: { 'Größe ✓': text }, tags: ['✓', '🍣'] });
      await store.upsert([p]);
      expect(await store.get([p.id])).toEqual([{ ...p, version: 1 }]);
      expect((await store.upsert([p])).unchanged).toBe(1);
    });

    it('upserts 5,000 products in one call', async () => {
      const products = manyProducts(5000);
      expect(await store.upsert(products)).toEqual({ inserted: 5000, updated: 0, unchanged: 0, removed: 0, version: 1 });
      expect(await store.count()).toBe(5000);
      const all = await store.all();
      expect(all).toHaveLength(5000);
      expect(ids(all)).toEqual(ids(products));
      expect(await store.upsert(products)).toMatchObject({ unchanged: 5000, version: 1 });
    });

    it('closes, after which calls fail and a second close is harmless', async () => {
      await store.upsert([product('a')]);
      await store.close();
      await expect(store.count()).rejects.toThrow();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}

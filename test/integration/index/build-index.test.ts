import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { buildIndexes, currentBuild } from '../../../src/index/build-index.ts';
import { readCurrentIndex } from '../../../src/index/index-manifest.ts';
import { openProductSearch } from '../../../src/search/open-search.ts';
import { openSqliteCatalogStore } from '../../../src/storage/sqlite-catalog-store.ts';
import { tempHome } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

const hnsw = { m: 16, efConstruction: 100, efSearch: 64 };
const products = (n: number, from = 0): Product[] =>
  Array.from({ length: n }, (_, i) => ({ ...emptyProduct(`p${from + i}`, `Walnut desk number ${from + i}`), category: ['Office', 'Desks'] }));

describe('index builds', () => {
  let embedder: Embedder;
  beforeAll(async () => { embedder = await openTransformersEmbedder({ modelDir: TINY_MODEL_DIR, device: 'cpu' }); });
  afterAll(() => embedder.close());

  function setup() {
    const home = tempHome();
    const store = openSqliteCatalogStore(path.join(home, 'catalog.db'));
    const build = (full = false) => buildIndexes({ home, store, embedder, hnsw, full, batchSize: 16 });
    return { home, store, build, done: async () => { await store.close(); rmSync(home, { recursive: true, force: true }); } };
  }

  it('rebuilds the graph in full once too many of its labels are deleted', async () => {
    const { store, build, done } = setup();
    await store.upsert(products(40));
    expect((await build()).kind).toBe('full');
    await store.upsert(products(30), { replace: true }); // the graph had no deleted labels: update it
    expect((await build())).toMatchObject({ kind: 'incremental', removed: 10, manifest: { hnsw: { deleted: 10 } } });
    await store.upsert(products(20), { replace: true }); // 10 deleted of 40 labels (25 %): still an update
    expect((await build())).toMatchObject({ kind: 'incremental', manifest: { hnsw: { deleted: 20 } } });
    await store.upsert(products(21)); // 20 deleted of 40 labels (50 %): the next build starts over
    expect((await build())).toMatchObject({ kind: 'full', manifest: { hnsw: { deleted: 0 }, productCount: 21 } });
    await done();
  });

  it('says without a model whether the active build is current for the catalog and the embedder', async () => {
    const { home, store, build, done } = setup();
    await store.upsert(products(5));
    expect(await currentBuild(home, store, embedder.id)).toBeUndefined();
    await build();
    expect(await currentBuild(home, store, embedder.id)).toMatchObject({ kind: 'up-to-date', embedded: 0, manifest: { productCount: 5 } });
    expect(await currentBuild(home, store, 'another-model@123')).toBeUndefined();
    expect(await currentBuild(home, store, null)).toBeUndefined();
    await store.upsert(products(1, 5));
    expect(await currentBuild(home, store, embedder.id)).toBeUndefined();
    await done();
  });

  it('refuses a second concurrent build, and takes over a lock left by a dead process', async () => {
    const { home, store, build, done } = setup();
    await store.upsert(products(5));
    mkdirSync(path.join(home, 'indexes'), { recursive: true });
    const lock = path.join(home, 'indexes', '.build.lock');
    writeFileSync(lock, String(process.pid));
    await expect(build()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('wait for it') });
    writeFileSync(lock, '999999999');
    expect((await build()).kind).toBe('full');
    await done();
  });

  it('writes what start-up would otherwise read from every product, and brings an older build up to date without re-embedding', async () => {
    const { home, store, build, done } = setup();
    await store.upsert(products(30));
    await build();
    const search = async () => (await openProductSearch({ home, store, embedder, hnsw })).search;
    const persisted = await search();
    const persistedLanguage = (await openProductSearch({ home, store, embedder, hnsw })).language;
    const derived = ['categories-v2.json', 'vocabulary-v2.json', 'names.json'];
    expect(Object.keys(readCurrentIndex(home)!.manifest.files)).toEqual(expect.arrayContaining(derived));
    // A build from before those files: it still opens, reading the products instead.
    const { dir, manifest } = readCurrentIndex(home)!;
    const files = Object.entries(manifest.files).filter(([f]) => !derived.includes(f));
    const older = { ...manifest, files: Object.fromEntries(files) };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(older));
    const read = await search();
    const readLanguage = (await openProductSearch({ home, store, embedder, hnsw })).language;
    const ids = async (s: typeof read, query: string) => (await s.search(query, { k: 5 })).results.map((h) => h.product.id);
    for (const query of ['walnut desk', 'desk under $50', 'number 7']) expect(await ids(read, query)).toEqual(await ids(persisted, query));
    expect([...readLanguage.vocabulary]).toEqual([...persistedLanguage.vocabulary]);
    const named = await openProductSearch({ home, store, embedder, hnsw, productNames: true });
    expect(named.names!.match('walnut desk number 12')).toEqual(['p12']);
    expect(await build()).toMatchObject({ kind: 'incremental', embedded: 0, manifest: { files: { 'names.json': expect.anything() } } });
    expect((await openProductSearch({ home, store, embedder, hnsw, productNames: true })).names!.match('walnut desk number 12')).toEqual(['p12']);
    expect((await build()).kind).toBe('up-to-date');
    await done();
  });

  it('turns a damaged manifest into the command that fixes it, and a full build repairs it', async () => {
    const { home, store, build, done } = setup();
    await store.upsert(products(5));
    await build();
    const current = readCurrentIndex(home)!;
    writeFileSync(path.join(current.dir, 'manifest.json'), readFileSync(path.join(current.dir, 'manifest.json'), 'utf8').slice(0, 40));
    await expect(openProductSearch({ home, store, embedder, hnsw })).rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH', message: expect.stringContaining('aisle index --full') });
    await expect(build()).rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH' });

    // The command the message names repairs it.
    expect((await build(true)).kind).toBe('full');
    expect(readCurrentIndex(home)!.dir).not.toBe(current.dir);
    expect((await openProductSearch({ home, store, embedder, hnsw })).search.size).toBe(5);
    await done();
  });
});

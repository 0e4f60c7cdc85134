import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src/logger.ts';
import { openActiveModel } from '../../../src/rerank/active-model.ts';
import { nextVersionName, openModelStore, readItemTable } from '../../../src/rerank/model-store.ts';
import type { RerankModel } from '../../../src/rerank/reranker.ts';
import { writeRerankerVersion } from '../../support/reranker-version.ts';

let home: string;
beforeEach(() => { home = mkdtempSync(path.join(tmpdir(), 'aisle-reranker-')); });
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the reranker model store', () => {
  it('has no current version before one is switched to', () => {
    const store = openModelStore(home);
    expect(store.versions()).toEqual([]);
    expect(store.current()).toBeUndefined();
    expect(store.nextVersion(new Date('2026-11-29T18:07:00Z'))).toBe('v1-202611291807');
  });

  it('switches atomically, lists versions by number and rolls back to the manifest\'s previous', () => {
    writeRerankerVersion(home, 'v2-202611291200', { previous: null });
    writeRerankerVersion(home, 'v10-202611291300', { previous: 'v2-202611291200' });
    const store = openModelStore(home);
    expect(store.versions()).toEqual(['v2-202611291200', 'v10-202611291300']);
    expect(store.switchTo('v10-202611291300').manifest.previous).toBe('v2-202611291200');
    expect(store.current()?.version).toBe('v10-202611291300');
    expect(readdirSync(store.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(store.rollback().version).toBe('v2-202611291200');
    expect(store.currentName()).toBe('v2-202611291200');
    expect(() => store.rollback()).toThrow(/first version/);
    expect(nextVersionName(store.versions(), new Date('2026-01-02T03:04:59Z'))).toBe('v11-202601020304');
  });

  it('refuses a missing or unfit version with the fix, leaving CURRENT alone', () => {
    writeRerankerVersion(home, 'v1-202611291200');
    writeRerankerVersion(home, 'v2-202611291200', { manifest: { features: 9 as 12 } });
    const store = openModelStore(home);
    store.switchTo('v1-202611291200');
    expect(() => store.switchTo('v3-202611291200')).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISSING' }));
    expect(() => store.switchTo('v2-202611291200')).toThrow(/features.*aisle train reranker/);
    expect(() => store.switchTo('../etc')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(store.currentName()).toBe('v1-202611291200');
  });

  it('rolls back from a broken current version (a file missing, or an unfit manifest) to its previous', () => {
    writeRerankerVersion(home, 'v1-202611291200');
    writeRerankerVersion(home, 'v2-202611291300', { previous: 'v1-202611291200' });
    writeRerankerVersion(home, 'v3-202611291400', { previous: 'v2-202611291300', manifest: { features: 8 as 12 } });
    const store = openModelStore(home);
    store.switchTo('v2-202611291300');
    unlinkSync(path.join(store.root, 'v2-202611291300', 'model.onnx'));
    expect(() => store.current()).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISSING' }));
    expect(store.rollback().version).toBe('v1-202611291200');
    writeFileSync(path.join(store.root, 'CURRENT'), 'v3-202611291400\n');
    expect(() => store.current()).toThrow(/features/);
    // The target is checked: v2 is still broken, so CURRENT stays where it was.
    expect(() => store.rollback()).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISSING' }));
    expect(store.currentName()).toBe('v3-202611291400');
  });

  it('reads items.tsv into the feature builder\'s item table', () => {
    writeRerankerVersion(home, 'v1-202611291200', { items: 'product_id\tindex\tpopularity\nshoe\t1\t12\nmat\t2\t0\n', manifest: { item_ids: 'hashed', max_items: 64 } });
    const table = readItemTable(openModelStore(home).read('v1-202611291200'));
    expect(table).toMatchObject({ mode: 'hashed', maxItems: 64 });
    expect([...table.index]).toEqual([['shoe', 1], ['mat', 2]]);
    expect(table.popularity.get('shoe')).toBe(12);
  });
});

describe('the active model', () => {
  const fakeLoad = (closed: string[]) => async (v: { version: string }): Promise<RerankModel> => ({
    version: v.version,
    score: async (req) => ({ personal: new Float32Array(req.candidates.length), version: v.version }),
    close: async () => { closed.push(v.version); },
  });

  it('serves nothing without a version, then follows CURRENT through a switch and a rollback', async () => {
    const store = openModelStore(home);
    const closed: string[] = [];
    const active = await openActiveModel(store, { load: fakeLoad(closed), recheckMs: 0 });
    expect(active.get()).toBeUndefined();
    writeRerankerVersion(home, 'v1-202611291200');
    writeRerankerVersion(home, 'v2-202611291300', { previous: 'v1-202611291200' });
    store.switchTo('v2-202611291300');
    await active.refresh();
    expect(active.get()?.version).toBe('v2-202611291300');
    store.rollback();
    active.get(); // a plain get notices the change and loads in the background
    await active.refresh();
    expect(active.get()?.version).toBe('v1-202611291200');
    await active.close();
    expect(closed.sort()).toEqual(['v1-202611291200', 'v2-202611291300']);
  });

  it('keeps the serving version when the new one cannot load', async () => {
    writeRerankerVersion(home, 'v1-202611291200');
    const store = openModelStore(home);
    store.switchTo('v1-202611291200');
    const load = fakeLoad([]);
    const active = await openActiveModel(store, { load: async (v) => { if (v.version.startsWith('v2')) throw new Error('corrupt'); return load(v); }, recheckMs: 0 });
    writeRerankerVersion(home, 'v2-202611291300');
    store.switchTo('v2-202611291300');
    await active.refresh();
    expect(active.get()?.version).toBe('v1-202611291200');
    await active.close();
  });

  const recordingLog = () => {
    const errors: string[] = [];
    const log = { error: vi.fn((_: unknown, msg: string) => { errors.push(msg); }), info: vi.fn() } as unknown as Logger;
    return { log, errors };
  };

  it('starts without a model when CURRENT names a broken version, logs the fix, and loads once CURRENT is fixed', async () => {
    writeRerankerVersion(home, 'v1-202611291200');
    const store = openModelStore(home);
    store.switchTo('v1-202611291200');
    writeFileSync(path.join(store.root, 'CURRENT'), 'v9-202611291200\n');
    const { log, errors } = recordingLog();
    const active = await openActiveModel(store, { load: fakeLoad([]), log, recheckMs: 0 });
    expect(active.get()).toBeUndefined();
    expect(errors).toEqual([expect.stringMatching(/v9-202611291200 could not be loaded.*aisle reranker rollback, or aisle train reranker/)]);
    store.switchTo('v1-202611291200');
    await active.refresh();
    expect(active.get()?.version).toBe('v1-202611291200');
    await active.close();
  });

  it('retries a version that failed to load on later looks, logging the failure once', async () => {
    writeRerankerVersion(home, 'v1-202611291200');
    writeRerankerVersion(home, 'v2-202611291300');
    const store = openModelStore(home);
    store.switchTo('v1-202611291200');
    let v2Loads = 0;
    let v2Fixed = false;
    const load = fakeLoad([]);
    const { log, errors } = recordingLog();
    const active = await openActiveModel(store, {
      load: async (v) => { if (v.version.startsWith('v2') && (v2Loads += 1) && !v2Fixed) throw new Error('corrupt'); return load(v); },
      log, recheckMs: 0,
    });
    store.switchTo('v2-202611291300');
    await active.refresh();
    await active.refresh();
    expect(v2Loads).toBe(2);
    expect(errors).toHaveLength(1);
    expect(active.get()?.version).toBe('v1-202611291200');
    v2Fixed = true;
    await active.refresh();
    expect(active.get()?.version).toBe('v2-202611291300');
    expect(errors).toHaveLength(1);
    await active.close();
  });
});

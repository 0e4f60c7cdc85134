import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src/logger.ts';
import { openActiveModel } from '../../../src/rerank/active-model.ts';
import { openModelStore } from '../../../src/rerank/model-store.ts';
import { openOnnxRerankModel, type CatalogSources } from '../../../src/rerank/onnx-runtime.ts';
import type { RerankRequest } from '../../../src/rerank/reranker.ts';
import { installTinyReranker } from '../../support/tiny-reranker.ts';

const D = 256;
const axis = (i: number) => { const v = new Float32Array(D); v[i] = 1; return v; };
const vectors: Record<string, Float32Array> = { trail: axis(0), trail2: axis(0), yoga: axis(1), road: axis(2) };
const catalog: CatalogSources = { facts: () => undefined, vector: (id) => vectors[id], vectorDimensions: D };
const at = new Date('2026-11-29T12:00:00Z');

let home: string;
let model: Awaited<ReturnType<typeof openOnnxRerankModel>>;
beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'aisle-onnx-rerank-'));
  const store = openModelStore(home);
  model = await openOnnxRerankModel(store.switchTo(installTinyReranker(home)), catalog);
});
afterAll(async () => { await model.close(); rmSync(home, { recursive: true, force: true }); });

function request(history: RerankRequest['history'], count = 3): RerankRequest {
  const ids = ['road', 'yoga', 'trail'];
  return { at, history, candidates: Array.from({ length: count }, (_, i) => ({ id: ids[i % 3]!, score: 1 / (i + 1), rank: i + 1 })) };
}

describe('the ONNX reranker', () => {
  it('scores the candidates like the shopper\'s history highest, one score per candidate', async () => {
    const trail = await model.score(request([{ product: 'trail2', kind: 'purchase', at: new Date(at.getTime() - 60_000) }]));
    expect(trail.version).toBe('v1-202611290000');
    expect(trail.personal).toHaveLength(3);
    expect(trail.personal[2]).toBeGreaterThan(0.9);
    expect(Math.max(trail.personal[0]!, trail.personal[1]!)).toBeLessThan(0.1);
    const yoga = await model.score(request([{ product: 'yoga', kind: 'click', at: new Date(at.getTime() - 60_000) }]));
    expect(yoga.personal[1]).toBeGreaterThan(yoga.personal[2]!);
  });

  it('ignores history after the search and scores 200 candidates in one call', async () => {
    const later = await model.score(request([{ product: 'trail', kind: 'purchase', at: new Date(at.getTime() + 1000) }], 200));
    expect(later.personal).toHaveLength(200);
    expect(Math.max(...later.personal)).toBeLessThan(0.01);
  });

  it('scores many searches in batched runs exactly as one at a time', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({
      ...request([{ product: ['trail', 'yoga', 'road'][i % 3]!, kind: 'click' as const, at: new Date(at.getTime() - (i + 1) * 60_000) }], 1 + (i % 7)),
    }));
    const batched = await model.scoreBatch(requests);
    expect(batched.map((s) => s.length)).toEqual(requests.map((r) => r.candidates.length));
    for (const [i, req] of requests.entries()) {
      const one = (await model.score(req)).personal;
      Array.from(one).forEach((v, j) => expect(batched[i]![j]).toBeCloseTo(v, 5));
    }
  });

  it('follows CURRENT while running: a new version serves after a switch, the old after a rollback', async () => {
    const store = openModelStore(home);
    cpSync(store.read('v1-202611290000').dir, path.join(store.root, 'v2-202611291900'), { recursive: true });
    const manifest = path.join(store.root, 'v2-202611291900', 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'v2-202611291900', previous: 'v1-202611290000' }));
    const active = await openActiveModel(store, { load: (v) => openOnnxRerankModel(v, catalog), recheckMs: 0 });
    expect(active.get()?.version).toBe('v1-202611290000');
    store.switchTo('v2-202611291900');
    await active.refresh();
    expect((await active.get()!.score(request([]))).version).toBe('v2-202611291900');
    store.rollback();
    await active.refresh();
    expect(active.get()?.version).toBe('v1-202611290000');
    await active.close();
  });

  it('refuses a model whose vector width is not the store\'s, and a damaged model file, with the fix', async () => {
    const store = openModelStore(home);
    const version = store.read('v1-202611290000');
    await expect(openOnnxRerankModel(version, { ...catalog, vectorDimensions: 32 })).rejects.toThrow(/256-dimensional.*32-dimensional.*aisle train reranker/);
    const broken = mkdtempSync(path.join(tmpdir(), 'aisle-onnx-broken-'));
    writeFileSync(path.join(broken, 'model.onnx'), 'garbage');
    writeFileSync(path.join(broken, 'items.tsv'), '');
    await expect(openOnnxRerankModel({ ...version, dir: broken }, catalog)).rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH' });
    rmSync(broken, { recursive: true, force: true });
  });

  it('refuses a model trained on another encoder\'s vectors of the same width, and takes one trained on the store\'s', async () => {
    const store = openModelStore(home);
    const other = path.join(store.root, 'v6-202611292300');
    cpSync(store.read('v1-202611290000').dir, other, { recursive: true });
    const manifest = path.join(other, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'v6-202611292300', content_model: 'aisle-encoder-v2@8184c81f1871' }));
    await expect(openOnnxRerankModel(store.read('v6-202611292300'), { ...catalog, vectorModel: 'aisle-encoder-v3@6aa754dd3e71' }))
      .rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH', message: expect.stringMatching(/trained on aisle-encoder-v2@8184c81f1871's vectors .* built with aisle-encoder-v3@6aa754dd3e71/) });
    const same = await openOnnxRerankModel(store.read('v6-202611292300'), { ...catalog, vectorModel: 'aisle-encoder-v2@8184c81f1871' });
    await same.close();
  });

  it('refuses at load an ONNX file that does not take the reranker\'s inputs, with the fix', async () => {
    const store = openModelStore(home);
    const wrong = path.join(store.root, 'v3-202611292000');
    cpSync(store.read('v1-202611290000').dir, wrong, { recursive: true });
    cpSync('test/fixtures/models/tiny-encoder/onnx/model.onnx', path.join(wrong, 'model.onnx'));
    const manifest = path.join(wrong, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'v3-202611292000' }));
    await expect(openOnnxRerankModel(store.read('v3-202611292000'), catalog))
      .rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH', message: expect.stringMatching(/inputs \[input_ids.*not this Aisle's \[query, cand_vec.*aisle train reranker, or aisle reranker rollback/) });
  });

  it('refuses at load an ONNX file that reads another number of features per candidate', async () => {
    const store = openModelStore(home);
    const narrow = path.join(store.root, 'v5-202611292200');
    cpSync(store.read('v1-202611290000').dir, narrow, { recursive: true });
    cpSync('test/fixtures/models/reranker-8-features/model.onnx', path.join(narrow, 'model.onnx'));
    const manifest = path.join(narrow, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'v5-202611292200' }));
    await expect(openOnnxRerankModel(store.read('v5-202611292200'), catalog))
      .rejects.toMatchObject({ code: 'ARTIFACT_MISMATCH', message: expect.stringMatching(/reads 8 features per candidate but this Aisle builds 12: run aisle train reranker/) });
  });

  it('starts on plain search when CURRENT is an incompatible model, and serves again after a rollback', async () => {
    const store = openModelStore(home);
    const wrong = path.join(store.root, 'v4-202611292100');
    cpSync(store.read('v1-202611290000').dir, wrong, { recursive: true });
    cpSync('test/fixtures/models/tiny-encoder/onnx/model.onnx', path.join(wrong, 'model.onnx'));
    const manifest = path.join(wrong, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'v4-202611292100', previous: 'v1-202611290000' }));
    store.switchTo('v4-202611292100');
    const error = vi.fn();
    const log = { error, info: vi.fn() } as unknown as Logger;
    const active = await openActiveModel(store, { load: (v) => openOnnxRerankModel(v, catalog), log, recheckMs: 0 });
    expect(active.get()).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatchObject({ version: 'v4-202611292100', err: expect.objectContaining({ code: 'ARTIFACT_MISMATCH' }) });
    expect(store.rollback().version).toBe('v1-202611290000');
    await active.refresh();
    expect((await active.get()!.score(request([]))).version).toBe('v1-202611290000');
    await active.close();
  });
});

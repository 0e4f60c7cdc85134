import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_COUNT, buildRerankInput, type RerankInput } from '../../../src/rerank/features.ts';
import { openModelStore, readItemTable, type ModelVersion } from '../../../src/rerank/model-store.ts';
import type { HistoryEvent } from '../../../src/rerank/reranker.ts';
import { openEventLog } from '../../../src/storage/open-event-log.ts';
import { needs } from '../../support/optional-tools.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { tasteLog } from '../../support/taste-log.ts';

const homes: string[] = [];
afterAll(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

async function homeWith(events: ReturnType<typeof tasteLog>): Promise<string> {
  const home = tempHome();
  homes.push(home);
  const log = await openEventLog('', home);
  for (let i = 0; i < events.length; i += 5000) await log.append(events.slice(i, i + 5000));
  await log.close();
  return home;
}

/** Small enough for a busy CI machine: five sampled negatives, and steps capped by --epochs / --min-steps. */
const train = (home: string, ...flags: string[]) => runCli(['train', 'reranker', '--home', home, '--model', 'none', '--negatives', '5', ...flags]);

/** Scores one search of ten products for a shopper whose history is clicks on `liked`, through onnxruntime-node. */
async function scoresFor(model: ModelVersion, liked: string[], candidates: string[]): Promise<Float32Array> {
  const at = new Date('2026-10-01T00:00:00Z');
  const history: HistoryEvent[] = liked.map((product, i) => ({ product, kind: 'click', at: new Date(at.getTime() - (i + 1) * 3_600_000) }));
  const input = buildRerankInput([{ at, history, candidates: candidates.map((id, i) => ({ id, score: Number.NaN, rank: i + 1 })) }], {
    items: readItemTable(model), facts: () => undefined, vector: () => undefined, contentDim: model.manifest.content_dim, historyLen: model.manifest.history_len,
  });
  const session = await ort.InferenceSession.create(path.join(model.dir, 'model.onnx'));
  try {
    const { score } = await session.run(feeds(input));
    expect(score!.dims).toEqual([1, candidates.length]);
    return score!.data as Float32Array;
  } finally {
    await session.release();
  }
}

function feeds(x: RerankInput): Record<string, ort.Tensor> {
  const { batch: b, candidates: c, historyLen: h, vecDim: d } = x;
  return {
    query: new ort.Tensor('float32', x.query, [b, d]), cand_vec: new ort.Tensor('float32', x.candVec, [b, c, d]),
    cand_id: new ort.Tensor('int64', x.candId, [b, c]), cand_feat: new ort.Tensor('float32', x.candFeat, [b, c, FEATURE_COUNT]),
    hist_vec: new ort.Tensor('float32', x.histVec, [b, h, d]), hist_id: new ort.Tensor('int64', x.histId, [b, h]),
    hist_kind: new ort.Tensor('int64', x.histKind, [b, h]), hist_gap: new ort.Tensor('int64', x.histGap, [b, h]),
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('aisle train reranker (PyTorch, end to end through the CLI)', needs('pytorch'), () => {
  let home: string;
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    home = await homeWith(tasteLog({ users: 200, searchesPerUser: 8 }));
    first = await train(home, '--epochs', '3', '--min-steps', '150');
  }, 900_000);

  it('trains from the event log, writes a versioned model directory and makes it active', () => {
    expect(first.stderr).toMatch(/No index in this home: ids only/);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Trained reranker v1-\d{12} \(session examples, ids only\)/);
    const model = openModelStore(home).current()!;
    expect(model.version).toMatch(/^v1-/);
    const m = model.manifest;
    expect(m).toMatchObject({ format: 'aisle-reranker/1', content_dim: 0, history_len: 50, features: FEATURE_COUNT, item_ids: 'vocab', previous: null });
    expect(m.params).toMatchObject({ mode: 'session', negatives: 5, min_steps: 150 });
    expect(m.data.searches).toBeGreaterThan(1000);
    // 60 products, each shown in the training window: a header and one line each.
    expect(readFileSync(path.join(model.dir, 'items.tsv'), 'utf8').trim().split('\n')).toHaveLength(61);
  });

  it('ranks by what each shopper likes better than the logged order, on later searches', () => {
    const valid = openModelStore(home).current()!.manifest.metrics.valid as Record<string, Record<string, number>>;
    expect(valid.model!.searches).toBeGreaterThan(100);
    expect(valid.model!['ndcg@10']).toBeGreaterThan(valid.logged!['ndcg@10']! + 0.03);
    expect(valid.model!.mrr).toBeGreaterThan(valid.logged!.mrr!);
  });

  it('serves through onnxruntime-node: two shoppers with different histories get different favourites', async () => {
    const model = openModelStore(home).current()!;
    const candidates = ['g0-p1', 'g3-p1', 'g0-p2', 'g3-p2', 'g1-p4', 'g0-p3', 'g3-p3', 'g5-p0'];
    const group = (scores: Float32Array, g: string) => mean(candidates.flatMap((id, i) => (id.startsWith(g) ? [scores[i]!] : [])));
    const fan0 = await scoresFor(model, ['g0-p5', 'g0-p6', 'g0-p7', 'g0-p8'], candidates);
    const fan3 = await scoresFor(model, ['g3-p5', 'g3-p6', 'g3-p7', 'g3-p8'], candidates);
    // Same candidates in the same order for both: only the history differs, so only it can move g3 against g0.
    expect(group(fan0, 'g0')).toBeGreaterThan(group(fan0, 'g3'));
    expect(group(fan3, 'g3')).toBeGreaterThan(group(fan3, 'g0'));
    expect(fan0.some((s, i) => Math.abs(s - fan3[i]!) > 1e-3)).toBe(true);
  });

  it('status names the active version; a second training becomes active and rollback returns to the first', async () => {
    const status = await runCli(['reranker', 'status', '--home', home]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Active reranker: v1-\d{12} .*previous: none/);
    expect(status.stdout).toMatch(/model +NDCG@10 0\.\d+/);
    const second = await train(home, '--epochs', '1', '--min-steps', '0', '--json');
    expect(second.code, second.stderr).toBe(0);
    const v2 = JSON.parse(second.stdout) as { version: string; manifest: { previous: string } };
    expect(v2.version).toMatch(/^v2-\d{12}$/);
    expect(v2.manifest.previous).toMatch(/^v1-/);
    expect(openModelStore(home).currentName()).toBe(v2.version);
    const back = await runCli(['reranker', 'rollback', '--home', home]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(new RegExp(`^Rolled back from ${v2.version} to v1-\\d{12}`));
    expect(openModelStore(home).currentName()).toBe(v2.manifest.previous);
    const again = await runCli(['reranker', 'rollback', '--home', home]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is the first version: there is nothing to roll back to/);
  }, 300_000);

  it('trains next-item examples from a log without impressions (an imported history), ids only', async () => {
    const imported = await homeWith(tasteLog({ users: 200, searchesPerUser: 6, impressions: false }));
    const run = await train(imported, '--epochs', '2', '--min-steps', '100', '--holdout', 'next-item', '--json');
    expect(run.code, run.stderr).toBe(0);
    const { manifest } = JSON.parse(run.stdout) as {
      manifest: { params: { mode: string }; data: { holdout?: string }; metrics: { valid: Record<string, Record<string, number>> } };
    };
    expect(manifest.params.mode).toBe('next-item');
    expect(manifest.data.holdout).toBe('next-item');
    // The positive among 5 sampled items the shopper never touched: history names the group, chance does not.
    const valid = manifest.metrics.valid;
    expect(valid.model!.mrr).toBeGreaterThan(valid.popularity!.mrr! + 0.1);
  }, 300_000);
});

describe('aisle train reranker refuses clearly', () => {
  it('names the fix when PyTorch is missing', async () => {
    const home = await homeWith(tasteLog({ users: 60, searchesPerUser: 4 }));
    const python = path.join(home, 'python-without-torch');
    writeFileSync(python, '#!/bin/sh\necho "ModuleNotFoundError: No module named \'torch\'" >&2\nexit 1\n');
    chmodSync(python, 0o755);
    const run = await train(home, '--python', python);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/needs PyTorch and ONNX .*No module named 'torch'.*apt-get install python3-torch python3-onnx/);
    expect(existsSync(path.join(home, 'reranker'))).toBe(false);
  }, 60_000);

  it('says the log is too small, and how to get more', async () => {
    const home = await homeWith(tasteLog({ users: 3, searchesPerUser: 2 }));
    const run = await train(home);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Too few events to train the reranker: \d+ events in the range give \d+ training examples.*aisle events import FILE/);
  }, 60_000);

  it('status says when nothing was trained yet', async () => {
    const home = tempHome();
    homes.push(home);
    const run = await runCli(['reranker', 'status', '--home', home]);
    expect(run).toMatchObject({ code: 0, stdout: 'No reranker trained yet: run aisle train reranker.\n' });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModelStore } from '../../../src/rerank/model-store.ts';
import { isHeldOutUser } from '../../../src/rerank/split.ts';
import { runNextItemProtocol } from '../../../src/rerank/eval/next-item-protocol.ts';
import { readAllEvents } from '../../../src/rerank/eval/eval-data.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';
import { runCli } from '../../support/run-cli.ts';
import { installTinyReranker } from '../../support/tiny-reranker.ts';
import { tasteLog } from '../../support/taste-log.ts';

/** aisle eval reranker end to end on a small SQLite log: the figures printed are the protocol's, the JSON has the shape. */
describe('aisle eval reranker', () => {
  let home: string;
  const args = (...more: string[]) => ['eval', 'reranker', '--home', home, '--model', 'none', ...more];

  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'aisle-eval-'));
    const log = openSqliteEventLog(path.join(home, 'conversations.db'));
    await log.append(tasteLog({ users: 120, searchesPerUser: 8 }));
    await log.close();
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('next-item --json: users, hr@10, ndcg@10, mrr and the popularity baseline, without a model', async () => {
    const out = await runCli(args('--protocol', 'next-item', '--negatives', '30', '--json'));
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/No trained reranker/);
    const json = JSON.parse(out.stdout);
    const log = openSqliteEventLog(path.join(home, 'conversations.db'));
    const direct = await runNextItemProtocol(await readAllEvents(log), { negatives: 30 });
    await log.close();
    expect(json).toMatchObject({ users: direct.users, 'hr@10': null, 'ndcg@10': null, mrr: null, model: null, negatives: 30 });
    const pop = direct.rankers.popularity!;
    expect(json.popularity).toEqual({ 'hr@10': pop['hr@10'], 'ndcg@10': pop['ndcg@10'], mrr: pop.mrr });
    expect(json.users).toBeGreaterThan(100);
  });

  it('session --json: the logged order on held-out shoppers\' searches; no vectors, so no history-mean baseline', async () => {
    const out = await runCli(args('--json'));
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ protocol: 'session', model: null, baselineWeight: null });
    expect(json.searches).toBeGreaterThan(0);
    expect(Object.keys(json.rankers)).toEqual(['non-personalised']);
    expect(json.rankers['non-personalised'].lists).toBe(json.searches);
    expect(json.rankers['non-personalised']['hr@10']).toBe(1); // ten shown, one taken: always in the first ten
  });

  it('scores a trained model; one that trained on every user is tested on held-out users only', async () => {
    const version = installTinyReranker(home);
    openModelStore(home).switchTo(version);
    const out = await runCli(args('--protocol', 'next-item', '--json'));
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.model).toBe(version);
    expect(json.scope).toBe('held-out users');
    expect(out.stderr).toMatch(/reads 256-dimensional product vectors .* scores ids alone/);
    const heldOut = new Set(tasteLog({ users: 120, searchesPerUser: 8 }).map((e) => e.user).filter(isHeldOutUser));
    expect(json.users).toBeLessThanOrEqual(heldOut.size);
    expect(json.users).toBeGreaterThan(0);
    for (const key of ['hr@10', 'ndcg@10', 'mrr']) expect(json[key]).toBeGreaterThanOrEqual(0);
    const all = await runCli(args('--protocol', 'next-item', '--json', '--all-users'));
    expect(all.stderr).toMatch(/its figures leak/);
    expect(JSON.parse(all.stdout)).toMatchObject({ scope: 'all users (model trained on their targets)' });
    expect(JSON.parse(all.stdout).users).toBeGreaterThan(json.users);
  });

  it('refuses an unknown version and an unknown protocol', async () => {
    const out = await runCli(args('--json', '--reranker', 'v9-202601010000'));
    expect(out.code).not.toBe(0);
    const bad = await runCli(args('--protocol', 'random'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--protocol "random" is not session or next-item/);
  });
});

// What the personalised reranker adds to a search (issue 13, part 6): 200 candidates, a 50-event history, a model
// of the production architecture (training/make_bench_reranker.py, untrained weights: same cost as a trained one).
// Usage: node --import tsx bench/rerank-latency.ts [--home H] [--products 20000] [--model models/aisle-encoder-v2]
//        [--queries 200] [--warmup 2] [--candidates 200] [--history 50] [--users 20] [--threads 1]
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { catalogSources } from '../src/cli/rerank-stack.ts';
import { openSearchStack } from '../src/cli/services.ts';
import { loadConfig } from '../src/config.ts';
import { HISTORY_KINDS } from '../src/rerank/features.ts';
import { createHistoryReader, type HistoryReader } from '../src/rerank/history.ts';
import { openModelStore, RERANKER_DIR } from '../src/rerank/model-store.ts';
import { openOnnxRerankModel } from '../src/rerank/onnx-runtime.ts';
import { createPersonalisedSearch } from '../src/rerank/personalised-search.ts';
import type { RerankModel } from '../src/rerank/reranker.ts';
import type { ProductSearch } from '../src/search/search.ts';
import { mulberry32 } from '../src/seeded-random.ts';
import { openSqliteEventLog } from '../src/storage/sqlite-event-log.ts';
import type { NewEvent } from '../src/storage/event-log.ts';
import { aisle, ensureModel, ingestDemo, ROOT, tempHome } from './lib/cli.ts';
import { int, readFlags } from './lib/flags.ts';
import { loadQueries } from './lib/queries.ts';
import { log, publish, type Row } from './lib/report.ts';
import { summarize } from './lib/stats.ts';

const K = 10;
const VERSION = 'v1-202611290000';
const flags = readFlags({
  home: { type: 'string' }, products: { type: 'string', default: '20000' }, model: { type: 'string', default: 'models/aisle-encoder-v2' },
  queries: { type: 'string', default: '200' }, warmup: { type: 'string', default: '2' }, candidates: { type: 'string', default: '200' },
  history: { type: 'string', default: '50' }, users: { type: 'string', default: '20' }, threads: { type: 'string', default: '1' },
});
const model = ensureModel(flags.model);

function prepareHome(): { home: string; temporary: boolean } {
  if (flags.home) return { home: flags.home, temporary: false };
  const home = tempHome('rerank');
  log(`building a ${flags.products}-product demo store in ${home}`);
  ingestDemo(home, int(flags.products, 'products'));
  aisle(['index', '--home', home, '--model', model, '--full']);
  return { home, temporary: true };
}

/** The production architecture with untrained weights; without PyTorch, the tiny committed model (noted). */
function installModel(home: string, dim: number): string {
  const dir = path.join(home, RERANKER_DIR, VERSION);
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const made = spawnSync(python, [path.join(ROOT, 'training/make_bench_reranker.py'), dir, String(dim)], { cwd: ROOT, encoding: 'utf8' });
  if (made.status === 0) return 'production architecture (training/reranker/model.py, d=64, untrained weights, hashed ids)';
  log(`could not build the bench model with ${python} (${made.stderr.trim().split('\n').at(-1)}); using the tiny test model`);
  cpSync(path.join(ROOT, 'test/fixtures/models/reranker-tiny', VERSION), dir, { recursive: true });
  return 'tiny test model (test/fixtures/models/reranker-tiny): NOT the production cost';
}

/** `users` shoppers with `history` events each over the last days, products drawn from the catalog. */
function histories(products: readonly { id: string }[], users: number, history: number): NewEvent[] {
  const random = mulberry32(42);
  const now = Date.now();
  return Array.from({ length: users }, (_, u) => Array.from({ length: history }, (_, i): NewEvent => ({
    user: `bench:${u}`, product: products[Math.floor(random() * products.length)]!.id, kind: HISTORY_KINDS[i % HISTORY_KINDS.length]!,
    channel: 'bench', at: new Date(now - (i + 1) * 37 * 60_000),
  }))).flat();
}

/** Wall and CPU milliseconds of calls: on a busy machine wall time waits for a core, CPU time does not. */
interface Times { wall: number[]; cpu: number[] }
const times = (): Times => ({ wall: [], cpu: [] });

/** CPU time of the whole process (every thread, ONNX Runtime's too), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wraps `fn` so each call's wall and CPU time are pushed to `into`. */
function timedBy<A extends unknown[], R>(into: Times, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const [wall, cpu] = [performance.now(), cpuMs()];
    try { return await fn(...args); } finally { into.wall.push(performance.now() - wall); into.cpu.push(cpuMs() - cpu); }
  };
}

async function measure(home: string, queries: string[]) {
  const config = loadConfig({}, { home, model }, ROOT, ROOT);
  const stack = await openSearchStack(config);
  // The model and the shoppers' events live in a scratch home: the store's own home is only read.
  const scratch = tempHome('rerank-scratch');
  const events = openSqliteEventLog(path.join(scratch, 'events.db'));
  let rerank: RerankModel | undefined;
  try {
    const kind = installModel(scratch, stack.vectors?.dimensions ?? 0);
    const users = int(flags.users, 'users');
    await events.append(histories(stack.products, users, int(flags.history, 'history')));
    const version = openModelStore(scratch).switchTo(VERSION);
    rerank = await openOnnxRerankModel(version, catalogSources(stack.products, stack.vectors), { threads: int(flags.threads, 'threads') });
    const t = { base: times(), model: times(), history: times() };
    const base: ProductSearch = { ...stack.search, search: timedBy(t.base, (q, o) => stack.search.search(q, o)) };
    const scoring: RerankModel = { ...rerank, version: rerank.version, score: timedBy(t.model, (r) => rerank!.score(r)) };
    const history: HistoryReader = timedBy(t.history, createHistoryReader(events, int(flags.history, 'history')));
    const personal = createPersonalisedSearch({ base, model: () => scoring, history, arm: () => 'personalised', candidates: int(flags.candidates, 'candidates') });
    const rows: Row[] = [];
    for (let pass = 0; pass <= int(flags.warmup, 'warmup'); pass++) {
      const plain = times();
      const total = times();
      const stage = times();
      for (const x of [t.base, t.model, t.history]) x.wall.length = x.cpu.length = 0;
      const plainSearch = timedBy(plain, (q: string) => stack.search.search(q, { k: K }));
      const personalSearch = timedBy(total, (q: string, user: string) => personal.search(q, { k: K, user }));
      for (const [i, q] of queries.entries()) {
        await plainSearch(q);
        const result = await personalSearch(q, `bench:${i % users}`);
        if (!result.personalised) continue;
        stage.wall.push(total.wall.at(-1)! - t.base.wall.at(-1)!);
        stage.cpu.push(total.cpu.at(-1)! - t.base.cpu.at(-1)!);
      }
      if (pass < int(flags.warmup, 'warmup')) continue;
      const row = (what: string, x: Times) => {
        const [wall, cpu] = [summarize(x.wall), summarize(x.cpu)];
        rows.push({ what, searches: wall.count, 'p50 ms': wall.p50Ms, 'p95 ms': wall.p95Ms, 'mean ms': wall.meanMs, 'CPU p50 ms': cpu.p50Ms, 'CPU p95 ms': cpu.p95Ms });
      };
      const added = { wall: total.wall.map((x, j) => x - plain.wall[j]!), cpu: total.cpu.map((x, j) => x - plain.cpu[j]!) };
      row('rerank stage: history + features + ONNX + blend + diversity', stage);
      row('  of which the model call (features + one ONNX run)', t.model);
      row('  of which the history read (SQLite event log)', t.history);
      row(`plain search (k=${K})`, plain);
      row(`base search for the candidates (k=${flags.candidates})`, t.base);
      row('personalised search, end to end', total);
      row('added per search (personalised − plain, per query)', added);
    }
    return { rows, kind, products: stack.search.size, dims: stack.vectors?.dimensions ?? 0 };
  } finally {
    await rerank?.close();
    await events.close();
    await stack.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const { source, queries } = loadQueries(int(flags.queries, 'queries'));
  const { home, temporary } = prepareHome();
  try {
    const result = await measure(home, queries);
    publish('rerank-latency', [{
      title: `Personalised reranker, ${flags.candidates} candidates, ${flags.history}-event history (warm, after ${flags.warmup} pass(es))`,
      rows: result.rows, digits: 3,
      notes: [`${queries.length} queries from ${source}; ${result.products} products, ${result.dims}-dimensional vectors; model: ${result.kind}; ONNX threads ${flags.threads}.`,
        'The stage excludes the base search; "added per search" also counts retrieving 200 candidates instead of 10.',
        'CPU: the process\'s CPU time per search (all threads): what a search costs when it need not wait for a core.'],
    }], { model, kind: result.kind, candidates: Number(flags.candidates), history: Number(flags.history) });
  } finally {
    if (temporary) rmSync(home, { recursive: true, force: true });
  }
}

await main();

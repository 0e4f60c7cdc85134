// HNSW recall@10 against brute force, and query latency, through the production VectorIndex wrapper.
// Usage: node --import tsx bench/hnsw.ts [--sizes 20000,200000] [--queries 1000] [--dims 384]
//        [--m 16] [--ef-construction 200] [--ef 32,64,96,128,192,256] [--clusters 500] [--spread 0.75] [--seed 42]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHnswIndex, openHnswIndex, type HnswParams } from '../src/index/hnsw-index.ts';
import { groundTruth, recallAtK } from './lib/brute-force.ts';
import { int, intList, readFlags } from './lib/flags.ts';
import { settledRssMiB } from './lib/memory.ts';
import { openRawHnsw } from './lib/raw-hnsw.ts';
import { log, publish, type Row } from './lib/report.ts';
import { summarize, timed, timeEach } from './lib/stats.ts';
import { createMixture, draw, row, type VectorSet } from './lib/synthetic-vectors.ts';

const K = 10;
const TARGET = { recall: 0.98, p99Ms: 2 };

const flags = readFlags({
  sizes: { type: 'string', default: '20000,200000' }, queries: { type: 'string', default: '1000' },
  dims: { type: 'string', default: '384' }, m: { type: 'string', default: '16' },
  'ef-construction': { type: 'string', default: '200' }, ef: { type: 'string', default: '32,64,96,128,192,256' },
  clusters: { type: 'string', default: '500' }, spread: { type: 'string', default: '0.75' }, seed: { type: 'string', default: '42' },
});
const dims = int(flags.dims, 'dims');
const efs = intList(flags.ef, 'ef');
const params: HnswParams = { m: int(flags.m, 'm'), efConstruction: int(flags['ef-construction'], 'ef-construction'), efSearch: efs[0]! };

/** Inserts through the wrapper in batches, as the indexer does; returns seconds and the RSS it added. */
async function build(base: VectorSet, dir: string) {
  const before = settledRssMiB();
  const { seconds, value: index } = await timed(() => {
    const index = createHnswIndex(dims, params, base.count);
    for (let i = 0; i < base.count; i += 1000) {
      const end = Math.min(i + 1000, base.count);
      index.upsert(Array.from({ length: end - i }, (_, j) => ({ id: String(i + j), vector: row(base, i + j) })));
    }
    return index;
  });
  const rssDeltaMiB = settledRssMiB() - before;
  index.save(dir);
  return { seconds, rssDeltaMiB };
}

/** One efSearch setting: recall and latency through openHnswIndex (production) and the raw native call. */
function sweepOne(n: number, dir: string, queries: VectorSet, truth: Int32Array[], ef: number, raw: ReturnType<typeof openRawHnsw>): Row {
  const wrapper = openHnswIndex(dir, dims, { ...params, efSearch: ef });
  const inputs = Array.from({ length: queries.count }, (_, q) => row(queries, q));
  const found: number[][] = [];
  inputs.slice(0, 200).forEach((q) => wrapper.search(q, K)); // warm-up
  const wrapped = summarize(timeEach(inputs, (q, i) => (found[i] = wrapper.search(q, K).map((h) => Number(h.id)))));
  raw.setEf(ef);
  const arrays = inputs.map((q) => Array.from(q));
  const rawFound: number[][] = [];
  arrays.slice(0, 200).forEach((q) => raw.search(q, K));
  const bare = summarize(timeEach(arrays, (q, i) => (rawFound[i] = raw.search(q, K))));
  return {
    N: n, efSearch: ef, 'recall@10': recallAtK(truth, found, K), 'raw recall@10': recallAtK(truth, rawFound, K),
    'p50 ms': wrapped.p50Ms, 'p95 ms': wrapped.p95Ms, 'p99 ms': wrapped.p99Ms, 'QPS': Math.round(1000 / wrapped.meanMs),
    'raw p50 ms': bare.p50Ms, 'raw p95 ms': bare.p95Ms, 'raw p99 ms': bare.p99Ms,
  };
}

async function runSize(n: number, sample: (out: Float32Array) => void, queries: VectorSet) {
  log(`N=${n}: drawing ${n}×${dims} vectors`);
  const base = draw(sample, n, dims);
  log(`N=${n}: exact ground truth for ${queries.count} queries`);
  const truth = await timed(() => groundTruth(base, queries, K, (d) => d % 500 === 0 && log(`  ground truth ${d}/${queries.count}`)));
  log(`N=${n}: building HNSW (M=${params.m}, efConstruction=${params.efConstruction})`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-bench-hnsw-'));
  try {
    const built = await build(base, dir);
    const buildRow: Row = {
      N: n, 'build s': built.seconds, 'vectors/s': Math.round(n / built.seconds), 'RSS delta MiB': built.rssDeltaMiB,
      'hnsw.bin MiB': statSync(path.join(dir, 'hnsw.bin')).size / 2 ** 20,
      'labels MiB': statSync(path.join(dir, 'hnsw-labels.json')).size / 2 ** 20, 'ground truth s': truth.seconds,
    };
    log(`N=${n}: built in ${built.seconds.toFixed(1)} s; sweeping efSearch ${efs.join(', ')}`);
    const raw = openRawHnsw(dir, dims);
    const sweep = efs.map((ef) => sweepOne(n, dir, queries, truth.value, ef, raw));
    return { buildRow, sweep };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Smallest efSearch meeting the target at each size, judged on the wrapper's numbers. */
function verdicts(sweep: Row[]): string[] {
  const sizes = [...new Set(sweep.map((r) => r.N as number))];
  return sizes.map((n) => {
    const rows = sweep.filter((r) => r.N === n);
    const ok = rows.find((r) => (r['recall@10'] as number) >= TARGET.recall && (r['p99 ms'] as number) < TARGET.p99Ms);
    const best = rows.find((r) => (r['recall@10'] as number) >= TARGET.recall);
    if (ok) return `N=${n}: efSearch=${ok.efSearch} meets recall@10 ≥ ${TARGET.recall} with p99 < ${TARGET.p99Ms} ms (recall ${(ok['recall@10'] as number).toFixed(4)}, p99 ${(ok['p99 ms'] as number).toFixed(3)} ms).`;
    if (best) return `N=${n}: target NOT met: efSearch=${best.efSearch} reaches recall ${(best['recall@10'] as number).toFixed(4)} but p99 is ${(best['p99 ms'] as number).toFixed(3)} ms.`;
    return `N=${n}: target NOT met: no efSearch tried reaches recall@10 ≥ ${TARGET.recall}; try larger --ef values.`;
  });
}

async function main() {
  const sample = createMixture({ dims, clusters: int(flags.clusters, 'clusters'), spread: Number(flags.spread), seed: int(flags.seed, 'seed') });
  const queries = draw(sample, int(flags.queries, 'queries'), dims); // drawn first: the same queries at every size
  const builds: Row[] = [];
  const sweep: Row[] = [];
  for (const n of intList(flags.sizes, 'sizes')) {
    const result = await runSize(n, sample, queries);
    builds.push(result.buildRow);
    sweep.push(...result.sweep);
  }
  const notes = verdicts(sweep);
  publish('hnsw', [
    { title: 'Build', rows: builds },
    { title: `Search (k=${K}, ${queries.count} queries, single-threaded)`, rows: sweep, digits: 3, notes },
  ], { params: { ...params, efSearch: efs, dims, k: K, queries: queries.count, data: flags }, target: TARGET, verdicts: notes });
}

await main();

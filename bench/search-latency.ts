// Warm in-process latency of ProductSearch.search per mode, and the cold CLI's wall time.
// Usage: node --import tsx bench/search-latency.ts [--home H] [--products 20000] [--model models/aisle-encoder-v2|none]
//        [--queries 200] [--warmup 3] [--cold-runs 5]
import { rmSync } from 'node:fs';
import { openSearchStack } from '../src/cli/services.ts';
import { loadConfig } from '../src/config.ts';
import type { SearchMode } from '../src/search/search.ts';
import { aisle, ensureModel, ingestDemo, ROOT, tempHome } from './lib/cli.ts';
import { int, readFlags } from './lib/flags.ts';
import { loadQueries } from './lib/queries.ts';
import { log, publish, type Row } from './lib/report.ts';
import { median, summarize, timed, timeEachAsync } from './lib/stats.ts';

const K = 10;
const COLD_QUERY = 'blue sofa';

const flags = readFlags({
  home: { type: 'string' }, products: { type: 'string', default: '20000' },
  model: { type: 'string', default: 'models/aisle-encoder-v2' }, queries: { type: 'string', default: '200' },
  warmup: { type: 'string', default: '3' }, 'cold-runs': { type: 'string', default: '5' },
});
const model = flags.model === 'none' ? 'none' : ensureModel(flags.model);

/** The home to search: the one given, or a fresh demo store indexed with the model. */
function prepareHome(): { home: string; temporary: boolean } {
  if (flags.home) return { home: flags.home, temporary: false };
  const home = tempHome('search');
  log(`building a ${flags.products}-product demo store in ${home}`);
  ingestDemo(home, int(flags.products, 'products'));
  aisle(['index', '--home', home, '--model', model, '--full']);
  return { home, temporary: true };
}

/** Warm latency per mode: `warmup` unmeasured passes over the queries, then one measured pass. */
async function warmLatency(home: string, queries: string[]) {
  const config = loadConfig({}, { home, model }, ROOT, ROOT);
  const open = await timed(() => openSearchStack(config));
  const stack = open.value;
  const modes: SearchMode[] = stack.search.mode === 'hybrid' ? ['lexical', 'hybrid', 'vector'] : ['lexical'];
  const rows: Row[] = [];
  try {
    for (const mode of modes) {
      log(`warm latency, ${mode}`);
      const run = (q: string) => stack.search.search(q, { k: K, mode });
      for (let pass = 0; pass < int(flags.warmup, 'warmup'); pass++) await timeEachAsync(queries, run);
      const s = summarize(await timeEachAsync(queries, run));
      rows.push({ mode, queries: s.count, 'p50 ms': s.p50Ms, 'p95 ms': s.p95Ms, 'p99 ms': s.p99Ms, 'mean ms': s.meanMs, 'max ms': s.maxMs, QPS: Math.round(1000 / s.meanMs) });
    }
  } finally {
    await stack.close();
  }
  return { rows, openSeconds: open.seconds, products: stack.search.size };
}

/** What a shell user waits for: a fresh process per query (Node, tsx, model load, index load). */
function coldCli(home: string): Row[] {
  const runs = int(flags['cold-runs'], 'cold-runs');
  const variants = model === 'none' ? [['none', 'lexical']] : [[model, 'hybrid'], ['none', 'lexical (--model none)']];
  return variants.map(([m, label]) => {
    log(`cold CLI, ${label}`);
    const samples = Array.from({ length: runs }, () => aisle(['search', COLD_QUERY, '--home', home, '--json', '--model', m!]));
    const seconds = samples.map((s) => s.seconds);
    const rss = samples.map((s) => s.maxRssMiB).filter((r): r is number => r !== null);
    return {
      command: `aisle search "${COLD_QUERY}" --json`, mode: label!, runs, 'median s': median(seconds),
      'min s': Math.min(...seconds), 'max s': Math.max(...seconds), 'peak RSS MiB': rss.length ? median(rss) : 'n/a',
    };
  });
}

async function main() {
  const { source, queries } = loadQueries(int(flags.queries, 'queries'));
  const { home, temporary } = prepareHome();
  try {
    const warm = await warmLatency(home, queries);
    const cold = coldCli(home);
    const notes = [`${queries.length} queries from ${source}; ${warm.products} products; model ${model}.`,
      `openSearchStack (store + model + index load) took ${warm.openSeconds.toFixed(2)} s in-process.`];
    publish('search-latency', [
      { title: `Warm, in-process (k=${K}, after ${flags.warmup} warm-up pass(es))`, rows: warm.rows, digits: 3, notes },
      { title: 'Cold CLI (one process per query)', rows: cold },
    ], { model, home: temporary ? undefined : home, querySource: source, k: K, openSeconds: warm.openSeconds });
  } finally {
    if (temporary) rmSync(home, { recursive: true, force: true });
  }
}

await main();

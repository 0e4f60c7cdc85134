// Runs every benchmark in sequence (npm run bench). Each prints its own markdown report and writes
// bench/results/<name>.json; this prints a closing summary and exits non-zero if any failed.
// Usage: node --import tsx bench/run.ts [--quick] [--model models/aisle-encoder-v2] [--only hnsw,index-build,search-latency,search-load,quality,encoder-speed,intents,product-questions,chat-latency,startup,needs,heldout-quality,widget-size,widget-paint,widget-load,help-answers,handoff-triggers,rerank-latency]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { aisle, ensureModel, ingestDemo, ROOT, tempHome } from './lib/cli.ts';
import { readFlags } from './lib/flags.ts';
import { log, markdownTable, type Row } from './lib/report.ts';

const flags = readFlags({
  quick: { type: 'boolean', default: false }, model: { type: 'string', default: 'models/aisle-encoder-v2' },
  only: { type: 'string', default: 'hnsw,index-build,search-latency,search-load,quality,encoder-speed,intents,product-questions,chat-latency,startup,needs,heldout-quality,widget-size,widget-paint,widget-load,help-answers,handoff-triggers,rerank-latency' },
});
const quick = flags.quick;
const products = quick ? 2000 : 20000;

/** Arguments for each benchmark; `home` is a shared, indexed demo store. */
function plan(model: string, home: string, heldoutHome: string): Array<{ name: string; args: string[] }> {
  return [
    { name: 'hnsw', args: quick ? ['--sizes', '5000', '--queries', '200'] : ['--sizes', '20000,200000', '--queries', '1000'] },
    { name: 'index-build', args: ['--products', String(products), '--model', model] },
    { name: 'search-latency', args: ['--home', home, '--model', model, ...(quick ? ['--queries', '100', '--cold-runs', '3'] : [])] },
    { name: 'search-load', args: ['--home', home, '--model', model, ...(quick ? ['--seconds', '5', '--warmup', '2'] : [])] },
    { name: 'quality', args: ['--home', home, '--model', model] },
    { name: 'encoder-speed', args: ['--models', model, '--with-reference', ...(quick ? ['--texts', '256'] : [])] },
    { name: 'intents', args: [] },
    { name: 'product-questions', args: [] },
    { name: 'chat-latency', args: ['--home', home, ...(quick ? ['--queries', '50'] : [])] },
    { name: 'startup', args: ['--home', home, '--model', model, ...(quick ? ['--runs', '3'] : [])] },
    { name: 'needs', args: ['--home', home, '--model', model] },
    { name: 'heldout-quality', args: ['--home', heldoutHome, '--model', model] },
    { name: 'widget-size', args: [] },
    { name: 'widget-paint', args: ['--home', home, '--model', model, ...(quick ? ['--runs', '5'] : [])] },
    { name: 'widget-load', args: ['--home', home, '--model', model, ...(quick ? ['--seconds', '10', '--warmup', '3'] : [])] },
    { name: 'help-answers', args: ['--model', model] },
    { name: 'handoff-triggers', args: [] },
    { name: 'rerank-latency', args: ['--home', home, '--model', model, ...(quick ? ['--queries', '50', '--warmup', '1'] : [])] },
  ];
}

function runOne(name: string, args: string[]): Row {
  const file = path.join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) return { benchmark: name, status: 'absent', seconds: 0 };
  log(`── ${name} ${args.join(' ')}`);
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, stdio: 'inherit' });
  const status = child.status === 0 ? 'ok' : `failed (exit ${child.status ?? child.signal})`;
  return { benchmark: name, status, seconds: Math.round((performance.now() - start) / 100) / 10 };
}

function main(): number {
  const model = ensureModel(flags.model);
  const wanted = new Set(flags.only.split(',').map((s) => s.trim()));
  const home = tempHome('run');
  const heldoutHome = tempHome('heldout');
  try {
    if (['search-latency', 'search-load', 'quality', 'startup', 'needs', 'widget-paint', 'widget-load', 'rerank-latency'].some((b) => wanted.has(b))) {
      log(`preparing a shared ${products}-product demo store in ${home}`);
      ingestDemo(home, products);
      aisle(['index', '--home', home, '--model', model, '--full']);
    }
    if (wanted.has('heldout-quality')) {
      // The held-out home-improvement catalog (bench/heldout): a store the encoder was never trained near.
      aisle(['ingest', path.join(ROOT, 'bench/heldout/catalog.jsonl'), '--home', heldoutHome]);
      aisle(['index', '--home', heldoutHome, '--model', model]);
    }
    const rows = plan(model, home, heldoutHome).filter((b) => wanted.has(b.name)).map((b) => runOne(b.name, b.args));
    process.stdout.write(`\n## Benchmark run${quick ? ' (quick)' : ''}\n\n${markdownTable(rows, 1)}\n\nResults: bench/results/<name>.json\n`);
    return rows.some((r) => String(r.status).startsWith('failed')) ? 1 : 0;
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(heldoutHome, { recursive: true, force: true });
  }
}

process.exitCode = main();

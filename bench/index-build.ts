// Index build cost on the demo store: the CLI end to end (full, no-op, incremental), then where the
// time of a full build goes, measured stage by stage in-process.
// Usage: node --import tsx bench/index-build.ts [--products 20000] [--model models/aisle-encoder-v2] [--changed 100] [--keep]
import { rmSync } from 'node:fs';
import { hnswParams, openStore } from '../src/cli/services.ts';
import { loadConfig } from '../src/config.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { buildLexicalIndex } from '../src/index/lexical-index.ts';
import { embeddingText, lexicalDocument } from '../src/search/product-text.ts';
import { createHnswIndex } from '../src/index/hnsw-index.ts';
import { writeChangedProducts } from './lib/changed-products.ts';
import { aisle, ensureModel, ingestDemo, ROOT, tempHome, type CliRun } from './lib/cli.ts';
import { openStages } from './lib/embed-stages.ts';
import { int, readFlags } from './lib/flags.ts';
import { log, publish, type Row } from './lib/report.ts';
import { timed } from './lib/stats.ts';

const flags = readFlags({
  products: { type: 'string', default: '20000' }, model: { type: 'string', default: 'models/aisle-encoder-v2' },
  changed: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false },
});
const products = int(flags.products, 'products');
const changed = int(flags.changed, 'changed');

function cliRow(step: string, run: CliRun, count: number, fixedSeconds?: number): Row {
  const variable = fixedSeconds === undefined ? undefined : run.seconds - fixedSeconds;
  return {
    step, seconds: run.seconds, products: count, 'products/s': count ? Math.round(count / run.seconds) : '-',
    'seconds over no-op index': variable ?? '-', 'peak RSS MiB': run.maxRssMiB ?? 'n/a',
  };
}

/** The user's view: each command's wall time, Node start-up and model load included. */
function endToEnd(home: string, modelDir: string): Row[] {
  const model = ['--home', home, '--model', modelDir];
  log(`ingesting ${products} demo products`);
  const demo = ingestDemo(home, products);
  log('full index');
  const full = aisle(['index', ...model, '--full']);
  log('no-op index (fixed cost: start-up, model load, version check)');
  const noop = aisle(['index', ...model]);
  const ingest = aisle(['ingest', writeChangedProducts(home, changed), '--home', home]);
  log(`incremental index after ${changed} changes`);
  const incremental = aisle(['index', ...model]);
  if (!incremental.stdout.includes(`${changed} embedded`)) throw new Error(`expected ${changed} re-embedded: ${incremental.stdout}`);
  return [
    cliRow('demo --no-index (generate + ingest)', demo, products),
    cliRow('index --full', full, products, noop.seconds),
    cliRow('index (up to date: the fixed cost)', noop, 0),
    cliRow(`ingest ${changed} changed products`, ingest, changed),
    cliRow('index (incremental)', incremental, changed, noop.seconds),
  ];
}

function stageRow(stage: string, batch: number | string, seconds: number, count: number): Row {
  return { stage, batch, seconds, 'ms/product': (seconds * 1000) / count, 'products/s': Math.round(count / seconds) };
}

/** Each stage of `buildIndexes`, alone, over the same products. */
async function breakdown(home: string, modelDir: string) {
  const config = loadConfig({}, { home, model: modelDir }, ROOT, ROOT);
  const store = await openStore(config, { create: false });
  const read = await timed(() => store.all());
  await store.close();
  const all = read.value;
  const texts = all.map(embeddingText);
  const rows = [stageRow('read catalog (store.all)', '-', read.seconds, all.length)];
  let vectors: Float32Array[] = [];
  for (const batchSize of [32, 64]) {
    const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize });
    await embedder.embed(texts.slice(0, 2 * batchSize)); // warm-up
    log(`embedder.embed, batch ${batchSize}`);
    const run = await timed(() => embedder.embed(texts));
    rows.push(stageRow('embedder.embed (all of embedding)', batchSize, run.seconds, texts.length));
    if (batchSize === 32) vectors = run.value;
    await embedder.close();
  }
  const stages = await openStages(modelDir);
  for (const batchSize of [32, 64]) {
    log(`stages, batch ${batchSize}`);
    await stages.time(texts.slice(0, 2 * batchSize), batchSize);
    const t = await stages.time(texts, batchSize);
    rows.push(stageRow('  tokenise', batchSize, t.tokenizeSeconds, texts.length),
      stageRow('  ONNX forward', batchSize, t.forwardSeconds, texts.length),
      stageRow('  mean-pool + normalise', batchSize, t.poolSeconds, texts.length),
      stageRow('  (the three stages together)', batchSize, t.tokenizeSeconds + t.forwardSeconds + t.poolSeconds, texts.length));
  }
  const tokens = { kept: (await stages.time(texts.slice(0, 500), 32)).tokensKept, before: stages.tokensBeforeTruncation(texts.slice(0, 500)) };
  await stages.close();
  rows.push(stageRow('HNSW insert (wrapper upsert, batches of 32)', 32, hnswInsert(vectors, all.map((p) => p.id), hnswParams(config)), all.length));
  const lexical = await timed(() => JSON.stringify(buildLexicalIndex(all.map(lexicalDocument)).toJSON()));
  rows.push(stageRow('lexical index build + serialise', '-', lexical.seconds, all.length));
  return { rows, tokens, dims: vectors[0]?.length ?? 0 };
}

function hnswInsert(vectors: Float32Array[], ids: string[], params: ReturnType<typeof hnswParams>): number {
  log('HNSW insertion of precomputed vectors');
  const start = performance.now();
  const index = createHnswIndex(vectors[0]!.length, params, vectors.length);
  for (let i = 0; i < vectors.length; i += 32) {
    index.upsert(vectors.slice(i, i + 32).map((vector, j) => ({ id: ids[i + j]!, vector })));
  }
  return (performance.now() - start) / 1000;
}

async function main() {
  const modelDir = ensureModel(flags.model);
  const home = tempHome('index');
  try {
    const cli = endToEnd(home, modelDir);
    const parts = await breakdown(home, modelDir);
    const notes = [
      `Model ${modelDir}: ${parts.dims} dims; product texts average ${parts.tokens.before.toFixed(0)} tokens before truncation, ${parts.tokens.kept.toFixed(1)} kept.`,
      'Stage rows are measured alone, warm, in one process, one after another: on a busy machine compare rows measured close together.',
      'The CLI rows include Node start-up, tsx and model load; "seconds over no-op index" removes that fixed cost.',
    ];
    publish('index-build', [
      { title: `End to end (CLI, ${products} demo products)`, rows: cli },
      { title: 'Where a full build spends its time (in-process)', rows: parts.rows, digits: 3, notes },
    ], { products, changed, model: modelDir, tokens: parts.tokens, home: flags.keep ? home : undefined });
  } finally {
    if (!flags.keep) rmSync(home, { recursive: true, force: true });
  }
}

await main();

// Embedding speed, size and memory of encoders: sentences/s at batch 1 and batch 64 through the
// production embedder, each model measured in a fresh child process so memory figures are its own.
// Usage: node --import tsx bench/encoder-speed.ts [--models models/aisle-encoder-v2[,DIR…]] [--with-reference] [--texts 1024]
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoCatalog } from '../demo/generate-catalog.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { embeddingText } from '../src/search/product-text.ts';
import { int, readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({
  models: { type: 'string' }, texts: { type: 'string', default: '1024' }, worker: { type: 'string' },
  'with-reference': { type: 'boolean', default: false },
});

/** Builds the untrained MiniLM-L6-shaped reference beside our model's tokenizer (training/make_reference_model.py). */
function referenceModel(ours: string): string {
  const dir = path.join(os.tmpdir(), 'aisle-minilm-shape');
  execFileSync('/usr/bin/python3', ['training/make_reference_model.py', ours, dir], { stdio: 'ignore' });
  return dir;
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true })
    .reduce((sum, e) => sum + (e.isDirectory() ? dirBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
}

/** Runs in the child: loads one model, then times batch-1 queries and batch-64 product texts. */
async function measure(modelDir: string, count: number): Promise<Row> {
  const texts = generateDemoCatalog({ count, seed: 11 }).map(embeddingText);
  const queries = texts.map((t) => t.split('.')[0]!.toLowerCase()).slice(0, 256);
  const rssBefore = process.memoryUsage().rss;
  const single = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 1 });
  const rssLoaded = process.memoryUsage().rss;
  await single.embed(queries.slice(0, 16));
  let t = performance.now();
  for (const q of queries) await single.embed([q]);
  const batch1 = queries.length / ((performance.now() - t) / 1000);
  const batched = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 64 });
  await batched.embed(texts.slice(0, 64));
  t = performance.now();
  await batched.embed(texts);
  const batch64 = texts.length / ((performance.now() - t) / 1000);
  return {
    model: single.id, dims: single.dimensions, 'batch 1 (queries/s)': batch1, 'batch 64 (product texts/s)': batch64,
    'onnx MiB': statSync(path.join(modelDir, 'onnx', 'model.onnx')).size / 2 ** 20, 'dir MiB': dirBytes(modelDir) / 2 ** 20,
    'RSS after load MiB': (rssLoaded - rssBefore) / 2 ** 20, 'peak RSS MiB': process.resourceUsage().maxRSS / 1024,
  };
}

if (flags.worker) {
  process.stdout.write(JSON.stringify(await measure(flags.worker, int(flags.texts, 'texts'))));
} else {
  const models = (flags.models ?? 'models/aisle-encoder-v2').split(',');
  if (flags['with-reference']) models.push(referenceModel(models[0]!));
  const rows = models.map((m) => JSON.parse(execFileSync(process.execPath,
    ['--import', 'tsx', 'bench/encoder-speed.ts', '--worker', m, '--texts', flags.texts], { encoding: 'utf8' })) as Row);
  const [ours, reference] = rows;
  const notes = reference ? [`batch-64 speed-up of ${ours!.model} over ${reference.model}: ${(Number(ours!['batch 64 (product texts/s)']) / Number(reference['batch 64 (product texts/s)'])).toFixed(2)}×`] : [];
  console.log(publish('encoder-speed', [{ title: 'Embedding speed on this CPU (one process per model)', rows, notes }], { rows }));
}

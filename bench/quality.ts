/**
 * Retrieval quality on the labelled evaluation set: NDCG@10 and Recall@100 for lexical-only,
 * vector-only and hybrid search, overall and per query kind.
 *
 *   node --import tsx bench/quality.ts --home /tmp/evalhome --model models/aisle-encoder-v2 [--split dev|test|all]
 *
 * Tune ranking weights on `--split dev`; report numbers from `--split test`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSearchStack } from '../src/cli/services.ts';
import { loadConfig } from '../src/config.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import type { Product } from '../src/domain.ts';
import { isAppError } from '../src/errors.ts';
import type { SearchMode } from '../src/search/search.ts';
import { loadEvalSet, type Split } from './lib/eval-set.ts';
import { evaluate, NDCG_K, RECALL_K } from './lib/evaluate.ts';
import { latencyLine, markdownTable, summarize } from './lib/quality-report.ts';
import { splitByTrainingOverlap } from './lib/training-overlap.ts';
import { readFlags } from './lib/flags.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPLITS: Split[] = ['dev', 'test', 'all'];

function parseOptions(argv: string[]) {
  const values = readFlags({
    home: { type: 'string', default: '.aisle' },
    model: { type: 'string', default: 'default' },
    queries: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'eval', 'queries.jsonl') },
    split: { type: 'string', default: 'all' },
    catalog: { type: 'string' },
    out: { type: 'string' },
  }, argv);
  if (!SPLITS.includes(values.split as Split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  return { ...values, split: values.split as Split };
}

/** Short name of the configured model for the results file: the model directory's name, or 'none'. */
function modelName(model: string, modelsDir: string): string {
  const dir = resolveModelDir(model, modelsDir);
  return dir ? path.basename(dir) : 'none';
}

/**
 * The products the labels are judged against: the source catalog file when there is one (by
 * default <home>/demo/catalog.jsonl), so an ingest that drops fields cannot change the answer key;
 * otherwise the store's products.
 */
async function gradingProducts(file: string | undefined, home: string, stored: () => Promise<Product[]>) {
  const source = file ?? path.join(home, 'demo', 'catalog.jsonl');
  if (!existsSync(source)) {
    if (file) throw new Error(`--catalog ${file} does not exist`);
    return { products: await stored(), source: 'store' };
  }
  const lines = readFileSync(source, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return { products: lines.map((l) => JSON.parse(l) as Product), source };
}

/** JSON replacer: four decimals are plenty for means and timings, and keep the file diffable. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value;
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const queries = loadEvalSet(options.queries, options.split);
  const config = loadConfig(process.env, { home: options.home, model: options.model }, PROJECT_ROOT, process.cwd());
  const name = modelName(config.model, config.modelsDir);
  const stack = await openSearchStack(config);
  try {
    const { products, source } = await gradingProducts(options.catalog, config.home, () => stack.store.all());
    const modes: SearchMode[] = stack.search.mode === 'hybrid' ? ['lexical', 'vector', 'hybrid'] : ['lexical'];
    console.error(`${queries.length} queries (split ${options.split}) graded on ${products.length} products (${source}); modes: ${modes.join(', ')}; model: ${name}`);
    const outcomes = await evaluate(queries, products, modes, async (text, k, mode) => {
      const result = await stack.search.search(text, { k, mode });
      return result.results.map((hit) => hit.product.id);
    }, (done) => { if (done % 50 === 0) console.error(`  ${done}/${queries.length}`); });
    const summary = summarize(outcomes, modes);
    console.log(`\nRetrieval quality, model ${name}, split ${options.split} (NDCG@${NDCG_K}, Recall@${RECALL_K})\n`);
    console.log(`${markdownTable(summary, modes)}\n\n${latencyLine(summary, modes)}`);
    const { taught, unseen } = splitByTrainingOverlap(outcomes);
    const synonymSplit = { taught: summarize(taught, modes).overall, unseen: summarize(unseen, modes).overall, counts: { taught: taught.length, unseen: unseen.length } };
    console.log(`\nSynonym queries using a phrase from training/data/shopping_synonyms.txt (${taught.length}) vs not (${unseen.length}):`);
    for (const [label, scores] of [['taught', synonymSplit.taught], ['unseen', synonymSplit.unseen]] as const) {
      console.log(`  ${label}: ${modes.map((m) => `${m} NDCG@${NDCG_K} ${(scores[m]?.ndcg ?? 0).toFixed(3)}`).join(', ')}`);
    }
    const suffix = options.split === 'all' ? '' : `-${options.split}`;
    const out = options.out ?? path.join(PROJECT_ROOT, 'bench', 'results', `quality-${name}${suffix}.json`);
    writeReport(out, {
    model: name, embedder: stack.manifest.embedder ?? null, indexBuild: stack.manifest.buildId, gradedOn: source,
      products: products.length, queriesFile: path.relative(PROJECT_ROOT, path.resolve(options.queries)), split: options.split,
      ndcgK: NDCG_K, recallK: RECALL_K, modes, createdAt: new Date().toISOString(), summary, synonymSplit, perQuery: outcomes,
    });
  } finally {
    await stack.close();
  }
}

function writeReport(file: string, report: object): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, roundNumbers, 1)}\n`);
  console.error(`wrote ${path.relative(process.cwd(), file)}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`bench/quality: ${isAppError(err) ? err.message : err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

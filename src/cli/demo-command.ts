import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { ingestCatalog } from '../catalog/ingest.ts';
import type { Config } from '../config.ts';
import { writeDemoCatalogJsonl } from '../demo/write-demo-catalog.ts';
import { AppError } from '../errors.ts';
import { flagString, print, type Command } from './command.ts';
import { runIndex } from './index-command.ts';
import { openStore } from './services.ts';

export const DEMO_DEFAULTS = { products: 20_000, seed: 7 };

export const demoCommand: Command = {
  name: 'demo',
  usage: 'aisle demo [--products 20000] [--seed 7] [--no-index]',
  summary: 'generate the demo store catalog (deterministic), ingest it and index it',
  options: {
    products: { type: 'string', description: `number of products (default ${DEMO_DEFAULTS.products})` },
    seed: { type: 'string', description: `generator seed (default ${DEMO_DEFAULTS.seed})` },
    'no-index': { type: 'boolean', description: 'stop after ingesting' },
    force: { type: 'boolean', description: 'replace a catalog that already has products' },
  },
  async run(ctx) {
    const products = wholeNumber(flagString(ctx, 'products') ?? String(DEMO_DEFAULTS.products), 'products', 100, 1_000_000);
    const seed = wholeNumber(flagString(ctx, 'seed') ?? String(DEMO_DEFAULTS.seed), 'seed', 0, 2 ** 31);
    await buildDemoStore(ctx.config, { products, seed, index: ctx.flags['no-index'] !== true, force: ctx.flags.force === true }, (line) => print(ctx.stderr, line), ctx.stderr);
    return 0;
  },
};

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('BAD_INPUT', `--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** Writes <home>/demo/catalog.jsonl, makes it the catalog, and (optionally) indexes it. */
export async function buildDemoStore(
  config: Config, o: { products: number; seed: number; index: boolean; force: boolean }, log: (line: string) => void, progress: Writable,
): Promise<void> {
  const store = await openStore(config);
  try {
    const existing = await store.count();
    if (existing > 0 && !o.force) {
      throw new AppError('BAD_INPUT', `The catalog already has ${existing} products; \`aisle demo --force\` replaces them with the demo store.`);
    }
    const file = path.join(config.home, 'demo', 'catalog.jsonl');
    log(`Generating ${o.products} demo products (seed ${o.seed}) into ${file}…`);
    await writeDemoCatalogJsonl(file, { count: o.products, seed: o.seed });
    const summary = await ingestCatalog(store, { text: readFileSync(file, 'utf8'), format: 'jsonl', replace: true });
    if (summary.kind === 'refused') throw new AppError('INTERNAL', `The generated demo catalog was refused: ${summary.why}`);
    log(`Catalog: ${summary.accepted} products, version ${summary.stored.version}.`);
    if (!o.index) return;
    const report = await runIndex(config, store, false, progress);
    log(`Index ${report.manifest.buildId}: ${report.kind}, ${report.embedded} embedded.`);
  } finally {
    await store.close();
  }
}

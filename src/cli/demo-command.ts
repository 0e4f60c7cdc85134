import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { ingestCatalog } from '../catalog/ingest.ts';
import type { Config } from '../config.ts';
import { writeDemoCatalogJsonl } from '../../demo/write-demo-catalog.ts';
import { AppError } from '../errors.ts';
import { flagString, print, type Command } from './command.ts';
import { indexJson, runIndex } from './index-command.ts';
import { openStore } from './services.ts';

export const DEMO_DEFAULTS = { products: 20_000, seed: 7 };

export const demoCommand: Command = {
  name: 'demo',
  usage: 'aisle demo [options]',
  summary: 'generate the demo store catalog (deterministic), ingest it and index it',
  options: {
    products: { type: 'string', value: 'N', description: `number of products (default ${DEMO_DEFAULTS.products})` },
    seed: { type: 'string', value: 'N', description: `generator seed (default ${DEMO_DEFAULTS.seed})` },
    'no-index': { type: 'boolean', description: 'stop after ingesting' },
    force: { type: 'boolean', description: 'replace a catalog that already has products' },
    json: { type: 'boolean', description: 'print one JSON summary on stdout (progress stays on stderr)' },
  },
  opens: ['model'],
  async run(ctx) {
    const products = wholeNumber(flagString(ctx, 'products') ?? String(DEMO_DEFAULTS.products), 'products', 100, 1_000_000);
    const seed = wholeNumber(flagString(ctx, 'seed') ?? String(DEMO_DEFAULTS.seed), 'seed', 0, 2 ** 31);
    const options = { products, seed, index: ctx.flags['no-index'] !== true, force: ctx.flags.force === true };
    const summary = await buildDemoStore(ctx.config, options, (line) => print(ctx.stderr, line), ctx.stderr);
    if (ctx.flags.json) print(ctx.stdout, JSON.stringify(summary));
    return 0;
  },
};

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('BAD_INPUT', `--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** Writes <home>/demo/catalog.jsonl, makes it the catalog, and (optionally) indexes it; returns the `--json` summary. */
export async function buildDemoStore(
  config: Config, o: { products: number; seed: number; index: boolean; force: boolean }, log: (line: string) => void, progress: Writable,
) {
  const store = await openStore(config, { create: true });
  try {
    const existing = await store.count();
    if (existing > 0 && !o.force) {
      throw new AppError('BAD_INPUT', `The catalog already has ${existing} products; \`aisle demo --force\` replaces them with the demo store.`);
    }
    const file = path.join(config.home, 'demo', 'catalog.jsonl');
    log(`Generating ${o.products} demo products (seed ${o.seed}) into ${file}…`);
    await writeDemoCatalogJsonl(file, { count: o.products, seed: o.seed });
    const ingested = await ingestCatalog(store, { text: readFileSync(file, 'utf8'), format: 'jsonl', replace: true });
    if (ingested.kind === 'refused') throw new AppError('INTERNAL', `The generated demo catalog was refused: ${ingested.why}`);
    log(`Catalog: ${ingested.accepted} products, version ${ingested.stored.version}.`);
    const catalog = { file, seed: o.seed, products: ingested.accepted, catalogVersion: ingested.stored.version };
    if (!o.index) return { ...catalog, index: null };
    const report = await runIndex(config, store, false, progress);
    log(`Index ${report.manifest.buildId}: ${report.kind}, ${report.embedded} embedded.`);
    return { ...catalog, index: indexJson(report) };
  } finally {
    await store.close();
  }
}

import { existsSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { ingestCatalog } from '../catalog/ingest.ts';
import type { Config } from '../config.ts';
import { writeDemoCatalogJsonl } from '../../demo/write-demo-catalog.ts';
import { AppError } from '../errors.ts';
import { flagString, print, type Command } from './command.ts';
import { indexJson, runIndex } from './index-command.ts';
import { openEmbedder, openStore } from './services.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { ingestHelpCentre } from '../support/help-centre-file.ts';
import { readHelpSource } from '../support/help-sources.ts';
import { demoOrders } from '../../demo/demo-orders.ts';
import { openOrderStore } from '../storage/open-order-store.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import { DAY_MS } from '../../demo/shoppers/simulate.ts';
import { simulateIntoHome } from './events-simulate.ts';

export const DEMO_DEFAULTS = { products: 20_000, seed: 7, historyDays: 30 };

/** Simulated shoppers for a catalog of `products`: enough history to learn from, in well under a minute (README "Demo shoppers"). */
export function demoShoppers(products: number): number {
  return Math.max(10, Math.min(800, Math.round(products / 25)));
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'aisle demo [options]',
  summary: 'generate the demo store catalog (deterministic), ingest it and index it, ingest the demo help centre, and load the demo orders',
  options: {
    products: { type: 'string', value: 'N', description: `number of products (default ${DEMO_DEFAULTS.products})` },
    seed: { type: 'string', value: 'N', description: `generator seed (default ${DEMO_DEFAULTS.seed})` },
    'no-index': { type: 'boolean', description: 'stop after ingesting' },
    force: { type: 'boolean', description: 'replace a catalog that already has products' },
    shoppers: { type: 'string', value: 'N', description: 'simulated shoppers whose history goes into the event log (default: products / 25, 10–800; 0: none)' },
    days: { type: 'string', value: 'D', description: `days of simulated history, ending today (default ${DEMO_DEFAULTS.historyDays})` },
    json: { type: 'boolean', description: 'print one JSON summary on stdout (progress stays on stderr)' },
  },
  opens: ['model'],
  async run(ctx) {
    const products = wholeNumber(flagString(ctx, 'products') ?? String(DEMO_DEFAULTS.products), 'products', 100, 1_000_000);
    const seed = wholeNumber(flagString(ctx, 'seed') ?? String(DEMO_DEFAULTS.seed), 'seed', 0, 2 ** 31);
    const shoppers = wholeNumber(flagString(ctx, 'shoppers') ?? String(demoShoppers(products)), 'shoppers', 0, 1_000_000);
    const days = wholeNumber(flagString(ctx, 'days') ?? String(DEMO_DEFAULTS.historyDays), 'days', 1, 3650);
    const options = { products, seed, index: ctx.flags['no-index'] !== true, force: ctx.flags.force === true, history: { shoppers, days } };
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

/**
 * Writes <home>/demo/catalog.jsonl, makes it the catalog, and (optionally) indexes it, then simulates the demo
 * shoppers' history into the event log (it needs the index); returns the `--json` summary.
 */
export async function buildDemoStore(
  config: Config, o: { products: number; seed: number; index: boolean; force: boolean; history?: { shoppers: number; days: number } },
  log: (line: string) => void, progress: Writable,
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
    if (!o.index) return { ...catalog, index: null, helpCentre: null, orders: await loadDemoOrders(config, store, log) };
    const report = await runIndex(config, store, false, progress);
    log(`Index ${report.manifest.buildId}: ${report.kind}, ${report.embedded} embedded.`);
    const help = await ingestDemoHelpCentre(config);
    log(help ? `Help centre: ${help.articles} articles and FAQ entries from ${DEMO_HELP_CENTRE}.`
      : `Help centre: ${DEMO_HELP_CENTRE} is not in this installation; the demo store answers no service questions until \`aisle kb ingest PATH\`.`);
    const orders = await loadDemoOrders(config, store, log);
    const history = o.history?.shoppers ? await simulateDemoHistory(config, store, o.seed, o.history, log) : null;
    return { ...catalog, index: indexJson(report), helpCentre: help, orders, history };
  } finally {
    await store.close();
  }
}

/** The demo shoppers' orders (README "Orders") over this catalog's products, dated back from today; replaces earlier demo orders by number. */
async function loadDemoOrders(config: Config, catalog: CatalogStore, log: (line: string) => void): Promise<{ orders: number }> {
  const orders = demoOrders(await catalog.all(), new Date());
  const store = await openOrderStore(config.db, config.home);
  try {
    await store.upsert(orders);
    await store.audit({ actor: 'cli', channel: 'cli', action: 'import', outcome: 'ok', detail: `${orders.length} demo orders` });
  } finally {
    await store.close();
  }
  log(`Orders: ${orders.length} demo orders (${orders.map((order) => order.number).join(', ')}); README "Orders" lists their e-mails and ZIP codes.`);
  return { orders: orders.length };
}

/** The demo shoppers' behaviour over the last `days` days (to today 00:00 UTC), replacing earlier simulated shoppers' events. */
async function simulateDemoHistory(config: Config, store: CatalogStore, seed: number, o: { shoppers: number; days: number }, log: (line: string) => void) {
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const report = await simulateIntoHome(config, { ...o, seed, end, log: true }, log, store);
  return { shoppers: report.shoppers, days: o.days, events: report.events, from: report.from, to: report.to, seconds: report.seconds };
}

/** The demo store's help centre, shipped in the repository (and so beside dist/ too). */
export const DEMO_HELP_CENTRE = path.join('demo', 'help-centre');

/** Ingests the shipped help centre with the configured model, as `aisle kb ingest demo/help-centre` would. */
async function ingestDemoHelpCentre(config: Config): Promise<{ articles: number; passagesEmbedded: number } | null> {
  const dir = path.join(PROJECT_ROOT, DEMO_HELP_CENTRE);
  // The articles are data beside the code: an installation without them still gets its demo store.
  if (!existsSync(dir)) return null;
  const read = readHelpSource(dir);
  const embedder = await openEmbedder(config);
  try {
    const report = await ingestHelpCentre(config.home, read, embedder);
    return { articles: read.articles.length, passagesEmbedded: report.passagesEmbedded };
  } finally {
    await embedder?.close();
  }
}

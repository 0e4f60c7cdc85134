import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { catalogFacts } from '../../demo/shoppers/catalog-facts.ts';
import { createCachedListing } from '../../demo/shoppers/listing.ts';
import { DEFAULT_SHOPPER_PARAMS } from '../../demo/shoppers/params.ts';
import { PUBLIC_LOG_HEADER, publicLogLines } from '../../demo/shoppers/public-log.ts';
import { DAY_MS, simulateShoppers, type SimulationSummary } from '../../demo/shoppers/simulate.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { parseTimestamp } from '../events/event-timestamp.ts';
import { openProductSearch } from '../search/open-search.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { flagString, print, type CommandContext } from './command.ts';
import { hnswParams, openStore } from './services.ts';

export const SIMULATE_DEFAULTS = { shoppers: 2000, days: 60, seed: 13 };
/** Events per append: a day of 20,000 shoppers is written in a few transactions, not one huge one. */
const APPEND_CHUNK = 50_000;

export interface SimulateOptions {
  shoppers: number;
  days: number;
  seed: number;
  end: Date;
  /** Also write the public-style log here. */
  out?: string;
  /** Write the event log (else only `out`). */
  log: boolean;
}

export interface SimulateReport extends SimulationSummary {
  seed: number;
  distinctQueries: number;
  /** Events of earlier simulated shoppers deleted first. */
  replaced: number;
  seconds: number;
  out?: string;
}

/** `aisle events simulate`: demo shoppers over the home's catalog, into its event log and/or a public-style file. */
export async function simulateEvents(ctx: CommandContext): Promise<number> {
  const number = (name: string, fallback: number, min: number, max: number) => {
    const value = flagString(ctx, name);
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new AppError('BAD_INPUT', `--${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
  const out = flagString(ctx, 'out');
  const log = ctx.flags['no-log'] !== true;
  if (!log && !out) throw new AppError('BAD_INPUT', '--no-log writes nothing without --out FILE: give a file for the public-style log.');
  const o: SimulateOptions = {
    shoppers: number('shoppers', SIMULATE_DEFAULTS.shoppers, 1, 1_000_000), days: number('days', SIMULATE_DEFAULTS.days, 1, 3650),
    seed: number('seed', SIMULATE_DEFAULTS.seed, 0, 2 ** 31), end: endOf(flagString(ctx, 'end')), log, ...(out ? { out } : {}),
  };
  const report = await simulateIntoHome(ctx.config, o, (line) => print(ctx.stderr, line));
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify(report));
  return 0;
}

/** Today 00:00 UTC, or the time given: the simulated period ends there. */
function endOf(value: string | undefined): Date {
  if (value === undefined) return new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const time = parseTimestamp(value);
  if (!time.ok) throw new AppError('BAD_INPUT', `--end: ${time.reason}.`);
  return time.at;
}

/**
 * Simulates over the home's catalog through its real search (lexical), replacing earlier simulated shoppers'
 * events. `store`: an open catalog (the demo passes its own); else the home's is opened and closed.
 */
export async function simulateIntoHome(config: Config, o: SimulateOptions, progress: (line: string) => void, store?: CatalogStore): Promise<SimulateReport> {
  const started = performance.now();
  const catalog = store ?? await openStore(config, { create: false });
  let log: EventLog | undefined;
  let file: WriteStream | undefined;
  try {
    const opened = await openProductSearch({ home: config.home, store: catalog, hnsw: hnswParams(config) });
    const cached = createCachedListing(opened.search, DEFAULT_SHOPPER_PARAMS.pageSize);
    log = o.log ? await openEventLog(config.db, config.home) : undefined;
    const replaced = log ? await forgetSimulated(log) : 0;
    file = o.out ? createWriteStream(o.out) : undefined;
    if (file) await write(file, PUBLIC_LOG_HEADER);
    progress(`Simulating ${o.shoppers} shoppers over ${o.days} days (seed ${o.seed}) on ${opened.products.length} products${replaced ? `, after deleting ${replaced} earlier simulated events` : ''}…`);
    const summary = await simulateShoppers(catalogFacts(opened.products), cached.listing, o, async (events) => {
      for (let i = 0; log && i < events.length; i += APPEND_CHUNK) await log.append(events.slice(i, i + APPEND_CHUNK));
      if (file) await write(file, publicLogLines(events));
    });
    if (file) {
      file.end();
      await once(file, 'finish');
    }
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const k = summary.byKind;
    progress(`Simulated ${summary.events} events (${k.impression} impressions, ${k.click} clicks, ${k.detail_view} detail views, ${k.add_to_cart} add-to-carts, ${k.purchase} purchases) in ${summary.sessions} sessions, ${cached.searched} distinct queries, ${seconds} s${o.log ? '' : ' (event log left as it was)'}${o.out ? `; public-style log in ${o.out}` : ''}.`);
    return { ...summary, seed: o.seed, distinctQueries: cached.searched, replaced, seconds, ...(o.out ? { out: o.out } : {}) };
  } finally {
    file?.destroy();
    await log?.close();
    if (!store) await catalog.close();
  }
}

/** Deletes the events of every `sim:` shopper already in the log, so a rerun replaces the simulated history. */
async function forgetSimulated(log: EventLog): Promise<number> {
  const users = new Set<string>();
  let after: string | undefined;
  do {
    const page = await log.scan({}, { after, size: 20_000 });
    for (const e of page.events) if (e.user.startsWith('sim:')) users.add(e.user);
    after = page.next;
  } while (after);
  let deleted = 0;
  for (const user of users) deleted += await log.forgetUser(user);
  return deleted;
}

async function write(file: WriteStream, text: string): Promise<void> {
  if (!file.write(text)) await once(file, 'drain');
}

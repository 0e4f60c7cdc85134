// GET /api/search under a bounded closed-loop load: `aisle serve` in its own process on 127.0.0.1,
// N keep-alive connections for T seconds, each sending its next query as soon as the last is answered.
// Usage: node --import tsx bench/search-load.ts [--home H] [--products 20000] [--model models/aisle-encoder-v2]
//        [--connections 50] [--seconds 20] [--warmup 5] [--timeout-ms 5000] [--repeated 50] [--modes hybrid,lexical]
//        [--server-root DIR] (another checkout's server, e.g. `git archive <commit> | tar -x -C DIR`, for before/after)
import { rmSync } from 'node:fs';
import path from 'node:path';
import { aisle, ensureModel, ingestDemo, tempHome } from './lib/cli.ts';
import { int, readFlags } from './lib/flags.ts';
import { driveLoad, type LoadResult } from './lib/load-driver.ts';
import { log, publish, type Row } from './lib/report.ts';
import { serveChild } from './lib/serve-child.ts';
import { shopperQueries } from './lib/shopper-queries.ts';

const K = 10;

const flags = readFlags({
  home: { type: 'string' }, products: { type: 'string', default: '20000' },
  model: { type: 'string', default: 'models/aisle-encoder-v2' }, connections: { type: 'string', default: '50' },
  seconds: { type: 'string', default: '20' }, warmup: { type: 'string', default: '5' },
  'timeout-ms': { type: 'string', default: '5000' }, repeated: { type: 'string', default: '50' },
  modes: { type: 'string', default: 'hybrid,lexical' }, 'server-root': { type: 'string' },
});
const model = ensureModel(flags.model);

function prepareHome(): { home: string; temporary: boolean } {
  if (flags.home) return { home: flags.home, temporary: false };
  const home = tempHome('load');
  log(`building a ${flags.products}-product demo store in ${home}`);
  ingestDemo(home, int(flags.products, 'products'));
  aisle(['index', '--home', home, '--model', model, '--full']);
  return { home, temporary: true };
}

/** Each scenario is a query list sent in order and cycled, in one search mode. */
function scenarios(queries: string[]) {
  const repeated = queries.slice(0, int(flags.repeated, 'repeated'));
  const modes = flags.modes.split(',').map((m) => m.trim());
  const all = [
    { mode: 'hybrid', queries: 'distinct', list: queries, warmup: queries.map((q) => `warm up ${q}`) },
    { mode: 'hybrid', queries: `repeated (${repeated.length})`, list: repeated, warmup: repeated },
    { mode: 'lexical', queries: 'distinct', list: queries, warmup: queries },
  ];
  return all.filter((s) => modes.includes(s.mode));
}

function row(s: { mode: string; queries: string }, r: LoadResult, server: { all: number; main: number }): Row {
  const failed = Object.values(r.errors).reduce((sum, n) => sum + n, 0);
  const errors = Object.entries(r.errors).map(([kind, n]) => `${kind}: ${n}`).join(', ') || '0';
  // Percentiles are of answered requests; when more than (100 - p)% failed, the p-th of all requests is a failure.
  const upTo = (p: number, ms: number) => (failed / r.requests > 1 - p / 100 ? `>${flags['timeout-ms']} (errors)` : ms);
  return {
    mode: s.mode, queries: s.queries, connections: int(flags.connections, 'connections'), requests: r.requests,
    'req/s': Math.round(r.requestsPerSecond), 'p50 ms': upTo(50, r.latency.p50Ms), 'p95 ms': upTo(95, r.latency.p95Ms),
    'p99 ms': upTo(99, r.latency.p99Ms), 'max answered ms': r.latency.maxMs, errors,
    'server CPU ms/req': (server.all * 1000) / r.requests, 'main thread ms/req': (server.main * 1000) / r.requests,
    'driver CPU ms/req': (r.driverCpuSeconds * 1000) / r.requests,
  };
}

async function main() {
  const queries = shopperQueries();
  const { home, temporary } = prepareHome();
  // All the load comes from one address: the per-address rate limit (a guard against one abusive client) is off.
  const server = await serveChild(['--home', home, '--model', model], { AISLE_RATE_LIMIT_PER_IP: '0' },
    flags['server-root'] ? path.resolve(flags['server-root']) : undefined);
  const rows: Row[] = [];
  try {
    const load = { baseUrl: server.baseUrl, connections: int(flags.connections, 'connections'), timeoutMs: int(flags['timeout-ms'], 'timeout-ms') };
    for (const s of scenarios(queries)) {
      const toPaths = (list: string[]) => list.map((q) => `/api/search?k=${K}&mode=${s.mode}&q=${encodeURIComponent(q)}`);
      log(`${s.mode}, ${s.queries} queries: ${flags.warmup} s warm-up, then ${flags.seconds} s measured`);
      await driveLoad({ ...load, paths: toPaths(s.warmup), seconds: int(flags.warmup, 'warmup') });
      const cpuBefore = server.cpuSeconds();
      const result = await driveLoad({ ...load, paths: toPaths(s.list), seconds: int(flags.seconds, 'seconds') });
      const cpuAfter = server.cpuSeconds();
      rows.push(row(s, result, { all: cpuAfter.all - cpuBefore.all, main: cpuAfter.main - cpuBefore.main }));
    }
  } finally {
    await server.stop();
  }
  const notes = [
    `${queries.length} distinct shopper phrasings from bench/eval and bench/dev, sent in a fixed shuffled order and cycled; ` +
    'the query-vector cache holds 1,024 strings, fewer than the list, so a cycled list finds none of its strings still cached.',
    'The distinct run warms up on the same phrasings prefixed with "warm up", strings it never sends again.',
    `"repeated" cycles the first ${flags.repeated} of them: after the warm-up every one is cached.`,
    `A request unanswered after ${flags['timeout-ms']} ms is abandoned and counted as a timeout error; percentiles are over ` +
    'answered requests unless errors are more than the share above them, when they read ">timeout (errors)".',
    'The driver runs in this process, the server in another: both share the machine\'s cores. CPU ms/req is ' +
    'user + system time over the measured run divided by requests (the server\'s from /proc, all its threads): ' +
    'what a request costs, less sensitive than req/s to what else the machine is running. The main thread runs ' +
    'every request\'s JavaScript, so 1000 / (its ms/req) is the most req/s the server could answer.',
  ];
  publish('search-load', [{ title: `GET /api/search?k=${K} under load`, rows, digits: 1, notes }],
    { model, home: temporary ? undefined : home, k: K, queries: queries.length, seconds: Number(flags.seconds) });
  if (temporary) rmSync(home, { recursive: true, force: true });
}

await main();

// The widget's WebSocket (/aisle/ws) under a bounded load: `aisle serve` in its own process on 127.0.0.1 (the stack
// `npm start` serves), N simulated shoppers each running scripted sessions (search, refine, details, compare, add to
// cart) over the real protocol; turns/s, latency, errors, and the server's memory read from inside it. Two scenarios,
// each on a fresh server: "saturated" (no pause between turns; the rate limits off through their settings, since no
// person types that fast) and "paced" (a think time between turns; default settings, limits on).
// Usage: node --import tsx bench/widget-load.ts [--home H] [--products 20000] [--model DIR] [--shoppers 50] [--addresses 50]
//        [--seconds 30] [--warmup 10] [--timeout-ms 15000] [--think-ms 3000] [--scenarios saturated,paced] [--seed 11]
import { rmSync } from 'node:fs';
import { aisle, ensureModel, ingestDemo, tempHome } from './lib/cli.ts';
import { int, readFlags } from './lib/flags.ts';
import { log, publish, type Row } from './lib/report.ts';
import { serveChild } from './lib/serve-child.ts';
import { runShopperCrowd, type CrowdResult, type RecordedTurn } from './lib/shopper-crowd.ts';
import { shopperQueries } from './lib/shopper-queries.ts';
import { createShopperScripts } from './lib/shopper-script.ts';
import { summarize } from './lib/stats.ts';
import { watchServerMemory, type MemoryReport } from './lib/server-memory.ts';

const flags = readFlags({
  home: { type: 'string' }, products: { type: 'string', default: '20000' }, model: { type: 'string' },
  shoppers: { type: 'string', default: '50' }, addresses: { type: 'string', default: '50' },
  seconds: { type: 'string', default: '30' }, warmup: { type: 'string', default: '10' },
  'timeout-ms': { type: 'string', default: '15000' }, 'think-ms': { type: 'string', default: '3000' },
  scenarios: { type: 'string', default: 'saturated,paced' }, seed: { type: 'string', default: '11' },
});
const shoppers = int(flags.shoppers, 'shoppers');
const seconds = int(flags.seconds, 'seconds');

/** What differs between the scenarios: the pause between turns and the server's settings. */
const SCENARIOS = {
  saturated: { thinkMs: 0, env: { AISLE_RATE_LIMIT_PER_IP: '0', AISLE_RATE_LIMIT_PER_CONVERSATION: '0' } },
  paced: { thinkMs: int(flags['think-ms'], 'think-ms'), env: {} },
} as const;
type ScenarioName = keyof typeof SCENARIOS;

/** --model DIR: the encoder the server searches with (its index must be built with it); absent, the configured one. */
function serveModel(): string[] {
  return flags.model ? ['--model', ensureModel(flags.model)] : [];
}

function prepareHome(): { home: string; temporary: boolean } {
  if (flags.home) return { home: flags.home, temporary: false };
  const home = tempHome('widget-load');
  log(`building a ${flags.products}-product demo store in ${home}`);
  ingestDemo(home, int(flags.products, 'products'));
  aisle(['index', '--home', home, ...serveModel(), '--full']);
  return { home, temporary: true };
}

interface ScenarioResult {
  name: ScenarioName;
  crowd: CrowdResult;
  cpu: { all: number; main: number };
  memory: MemoryReport;
}

/** A fresh server, `warmup` seconds of load, `seconds` measured, then the server's memory after the sockets closed. */
async function runScenario(name: ScenarioName, home: string, seed: number): Promise<ScenarioResult> {
  const { thinkMs, env } = SCENARIOS[name];
  const memory = watchServerMemory();
  const server = await serveChild(['--home', home, ...serveModel()], { ...env, ...memory.env });
  try {
    await memory.idle(server.pid);
    const measureFrom = performance.now() + int(flags.warmup, 'warmup') * 1000;
    let cpuBefore = server.cpuSeconds();
    setTimeout(() => (cpuBefore = server.cpuSeconds()), measureFrom - performance.now());
    log(`${name}: ${shoppers} shoppers, think ${thinkMs} ms, ${flags.warmup} s warm-up, then ${seconds} s measured`);
    const crowd = await runShopperCrowd({
      wsUrl: `${server.baseUrl.replace(/^http/, 'ws')}/aisle/ws`, origin: server.baseUrl, shoppers,
      addresses: Math.min(shoppers, int(flags.addresses, 'addresses')), timeoutMs: int(flags['timeout-ms'], 'timeout-ms'),
      thinkMs, scripts: createShopperScripts(shopperQueries(), seed), measureFrom, end: measureFrom + seconds * 1000,
    });
    const cpuAfter = server.cpuSeconds();
    return { name, crowd, cpu: { all: cpuAfter.all - cpuBefore.all, main: cpuAfter.main - cpuBefore.main }, memory: await memory.finish(server.pid) };
  } finally {
    await server.stop();
    memory.remove();
  }
}

const okTurns = (turns: readonly RecordedTurn[]) => turns.flatMap((t) => (t.outcome.ok ? [t.outcome] : []));

function summaryRow(r: ScenarioResult): Row {
  const ok = okTurns(r.crowd.turns);
  const reply = summarize(ok.map((t) => t.replyMs));
  const counts: Record<string, number> = { ...r.crowd.connectErrors };
  for (const t of r.crowd.turns) if (!t.outcome.ok) counts[t.outcome.error] = (counts[t.outcome.error] ?? 0) + 1;
  return {
    scenario: r.name, shoppers, 'think ms': SCENARIOS[r.name].thinkMs, sessions: r.crowd.sessions, turns: ok.length,
    'turns/s': ok.length / seconds, 'p50 ms': reply.p50Ms, 'p95 ms': reply.p95Ms, 'p99 ms': reply.p99Ms,
    errors: Object.entries(counts).map(([kind, n]) => `${kind}: ${n}`).join(', ') || '0',
    'server CPU ms/turn': (r.cpu.all * 1000) / ok.length, 'main thread ms/turn': (r.cpu.main * 1000) / ok.length,
  };
}

function stepRows(r: ScenarioResult): Row[] {
  const purposes = ['all', ...new Set(r.crowd.turns.map((t) => t.purpose))];
  return purposes.map((purpose) => {
    const mine = r.crowd.turns.filter((t) => purpose === 'all' || t.purpose === purpose);
    const ok = okTurns(mine);
    const reply = summarize(ok.map((t) => t.replyMs));
    return {
      scenario: r.name, step: purpose, turns: mine.length, failed: mine.length - ok.length,
      'showed products': ok.filter((t) => t.productIds.length > 0).length, 'p50 ms': reply.p50Ms,
      'p95 ms': reply.p95Ms, 'p99 ms': reply.p99Ms, 'max ms': reply.maxMs, 'ack p95 ms': summarize(ok.map((t) => t.ackMs)).p95Ms,
    };
  });
}

const MiB = 2 ** 20;
function memoryRows(r: ScenarioResult): Row[] {
  const m = r.memory;
  const row = (when: string, rss: number, heapUsed?: number, heapTotal?: number): Row => ({
    scenario: r.name, when, 'RSS MiB': Math.round(rss / MiB), 'heap used MiB': heapUsed === undefined ? '' : Math.round(heapUsed / MiB),
    'heap total MiB': heapTotal === undefined ? '' : Math.round(heapTotal / MiB),
  });
  return [
    row('idle after start, after a full GC', m.idle.rss, m.idle.heapUsed, m.idle.heapTotal),
    row('peak during the load (200 ms samples)', m.peak.rss, m.peak.heapUsed),
    row('after the load, sockets closed, after a full GC', m.after.rss, m.after.heapUsed, m.after.heapTotal),
    row('kernel high-water mark since start (VmHWM)', m.highWater),
  ];
}

const NOTES = [
  'aisle serve (the stack npm start serves) in its own process on 127.0.0.1, a fresh one per scenario; the load driver in this one. ' +
  'Shopper i connects from 127.0.0.(2 + i mod addresses), so per-address limits and socket caps see one shopper each, as on a real store.',
  'saturated: the next message goes as soon as the reply arrives, with AISLE_RATE_LIMIT_PER_IP=0 and AISLE_RATE_LIMIT_PER_CONVERSATION=0 ' +
  '(the defaults, 120 and 30 a minute, would refuse most of it: no person types that fast). paced: a pause of 0.5–1.5 × think ms ' +
  'after each reply, default settings.',
  'A session: one socket and a new conversation; hello, then a search (~1,200 distinct shopper phrasings from bench/eval and bench/dev, ' +
  'in turn), one or two refinements, details and add to cart (half by the card\'s button, half typed: "the second one"), ' +
  'sometimes a comparison and a second search; 4–8 turns.',
  'Latency: message sent → the frame with the reply entries received; ack: → the server\'s ack (the message is logged). ' +
  'Turns counted are those started in the measured window; a failed turn ends its session.',
  'Server CPU ms/turn: user + system time of the server process over the measured window (all threads, and its main thread) divided by turns.',
  'Memory is read inside the server by bench/lib/memory-probe.mjs (process.memoryUsage(), every 200 ms and after a forced full GC).',
];

async function main() {
  const { home, temporary } = prepareHome();
  const results: ScenarioResult[] = [];
  try {
    for (const name of flags.scenarios.split(',').map((s) => s.trim())) {
      if (!(name in SCENARIOS)) throw new Error(`--scenarios: "${name}" is not one of ${Object.keys(SCENARIOS).join(', ')}`);
      results.push(await runScenario(name as ScenarioName, home, int(flags.seed, 'seed')));
    }
  } finally {
    if (temporary) rmSync(home, { recursive: true, force: true });
  }
  publish('widget-load', [
    { title: `Widget WebSocket turns, ${shoppers} concurrent shoppers, ${seconds} s`, rows: results.map(summaryRow), digits: 1, notes: NOTES },
    { title: 'Reply latency by step', rows: results.flatMap(stepRows), digits: 0 },
    { title: 'aisle serve memory', rows: results.flatMap(memoryRows) },
  ], { home: temporary ? undefined : home, shoppers, seconds });
}

await main();

// Start-up: what a shell user or an operator waits for from a new process, each run a fresh one.
// Cold `aisle search "sofa"` (spawn to exit), the first `aisle chat --jsonl` reply (spawn to its
// reply line), `npm start` on an existing demo home (spawn to the first 200 from /readyz); and
// `aisle demo` on a fresh home, once, when no --home is given (the first run of `npm start`).
// Usage: node --import tsx bench/startup.ts [--home H] [--runs 5] [--products 20000] [--model DIR] [--baseline DIR]
//   --home      an indexed demo home (copied, so chat and start write nothing to it); else one is built
//   --model     the encoder every process runs with (AISLE_MODEL; default: models/DEFAULT)
//   --baseline  another checkout (e.g. an older commit from `git archive`, node_modules linked in),
//               measured on the same home with its runs interleaved with this one's, so both meet
//               the same load on a shared machine
import { cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseEntry } from '../bin/entry-point.js';
import { aisle, ROOT, tempHome } from './lib/cli.ts';
import { int, readFlags } from './lib/flags.ts';
import { log, publish, type Row } from './lib/report.ts';
import { median } from './lib/stats.ts';
import { coldSearch, firstChatReply, npmStartReady, type ProbeContext, type Timing } from './lib/startup-probes.ts';

const flags = readFlags({
  home: { type: 'string' }, runs: { type: 'string', default: '5' }, products: { type: 'string', default: '20000' },
  model: { type: 'string' }, baseline: { type: 'string' },
});
// Every process this starts (demo, index, search, chat, npm start) reads it, the baseline's too.
if (flags.model) process.env.AISLE_MODEL = path.resolve(ROOT, flags.model);
const roots = [ROOT, ...(flags.baseline ? [path.resolve(flags.baseline)] : [])];
const runs = int(flags.runs, 'runs');

/** Targets from issue 10, in seconds. */
const TARGETS = { search: 1, chat: 2, start: 3 };

/** A home to measure: a copy of --home brought up to date by `aisle index`, or a new demo store, timed. */
function prepareHome(): { home: string; demo?: Timing } {
  const home = tempHome('startup');
  if (flags.home) {
    log(`copying ${flags.home} to ${home} and bringing its index up to date`);
    cpSync(flags.home, home, { recursive: true });
    aisle(['index', '--home', home]);
    return { home };
  }
  log(`aisle demo (${flags.products} products) on a fresh home ${home}`);
  const demo = aisle(['demo', '--home', home, '--products', flags.products]);
  return { home, demo: { seconds: demo.seconds, cpuSeconds: NaN } };
}

/** `runs` samples of `probe` per checkout, the checkouts taking turns within each run. */
async function repeat(label: string, probe: (c: ProbeContext, i: number) => Promise<Timing>, home: string): Promise<Timing[][]> {
  const timings: Timing[][] = roots.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [r, root] of roots.entries()) {
      const t = await probe({ root, home }, i);
      timings[r]!.push(t);
      log(`${label} ${r === 0 ? '' : '(baseline) '}run ${i + 1}/${runs}: ${t.seconds.toFixed(2)} s (CPU ${t.cpuSeconds.toFixed(2)} s, load ${os.loadavg()[0]!.toFixed(1)})`);
    }
  }
  return timings;
}

function row(code: string, measure: string, command: string, timings: Timing[], target?: number): Row {
  const seconds = timings.map((t) => t.seconds);
  const med = median(seconds);
  return {
    code, measure, command, runs: seconds.length, 'median s': med, 'max s': Math.max(...seconds),
    'median CPU s': median(timings.map((t) => t.cpuSeconds)),
    'target s': target === undefined ? '' : `< ${target}`, met: target === undefined ? '' : med < target ? 'yes' : 'no',
  };
}

/** Which code a checkout's bin/aisle.js runs. */
function describeCode(root: string): string {
  const entry = chooseEntry(root, {});
  const where = root === ROOT ? 'this checkout' : path.basename(root);
  return `${where}, ${entry.kind === 'dist' ? 'dist/' : 'sources via tsx'}`;
}

async function main() {
  const { home, demo } = prepareHome();
  try {
    const search = await repeat('search', (c) => coldSearch(c, 'sofa'), home);
    const chat = await repeat('chat', (c, i) => firstChatReply(c, `startup-${Date.now()}-${i}`, 'a blue linen sofa under $900'), home);
    const start = await repeat('npm start', (c) => npmStartReady(c), home);
    const rows = roots.flatMap((root, r) => {
      const code = describeCode(root);
      return [
        row(code, 'cold search', 'aisle search "sofa" --home H', search[r]!, TARGETS.search),
        row(code, 'first chat reply', 'aisle chat --jsonl --home H (one message)', chat[r]!, TARGETS.chat),
        row(code, 'npm start serving', 'AISLE_HOME=H npm start (to the first 200 from /readyz)', start[r]!, TARGETS.start),
      ];
    });
    if (demo) rows.push(row(describeCode(ROOT), 'first-run demo build', `aisle demo --products ${flags.products} (fresh home)`, [demo]));
    publish('startup', [{
      title: 'Start-up, a new process each run',
      rows,
      notes: [`Home: ${flags.home ? `a copy of ${flags.home}, its index brought up to date by \`aisle index\`` : `a fresh ${flags.products}-product demo store`}.`,
        'Wall clock from spawning the process; the machine is shared, so compare medians measured in the same run.',
        'CPU: user + system seconds of the process group (all threads) until the answer, which other programs\' load inflates far less.'],
    }], { roots, home: flags.home, runs, timings: { search, chat, start, demo } });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

await main();

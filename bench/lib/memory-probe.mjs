// Preloaded into a server under measurement (NODE_OPTIONS=--import <this file>, by bench/lib/server-memory.ts):
// appends process.memoryUsage() as a JSON line to $AISLE_BENCH_MEMORY_FILE every 200 ms, and on SIGUSR2 runs a full
// garbage collection first and marks the line "settled". Plain JavaScript: it loads before any TypeScript loader.
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const file = process.env.AISLE_BENCH_MEMORY_FILE;
// Child processes and workers the server starts inherit NODE_OPTIONS, not the file: they stay unprobed.
delete process.env.AISLE_BENCH_MEMORY_FILE;

if (file && isMainThread) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const sample = (settled) => {
    const m = process.memoryUsage();
    const line = { at: Date.now(), settled, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
    appendFileSync(file, JSON.stringify(line) + '\n');
  };
  setInterval(() => sample(false), 200).unref();
  process.on('SIGUSR2', () => {
    gc();
    gc();
    sample(true);
  });
}

import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.ts';

/** One line of bench/lib/memory-probe.mjs, in bytes; `settled` lines follow a full garbage collection. */
export interface MemorySample {
  at: number;
  settled: boolean;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** The environment that loads the memory probe into a Node server process, writing to `file`. */
export function memoryProbeEnv(file: string): NodeJS.ProcessEnv {
  const probe = pathToFileURL(path.join(ROOT, 'bench', 'lib', 'memory-probe.mjs')).href;
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(), AISLE_BENCH_MEMORY_FILE: file };
}

export function readSamples(file: string): MemorySample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as MemorySample);
}

/** Asks the probed process for a sample after a full garbage collection, and waits for it (5 s at most). */
export async function settledSample(pid: number, file: string): Promise<MemorySample> {
  const before = readSamples(file).filter((s) => s.settled).length;
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 5000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    const settled = readSamples(file).filter((s) => s.settled);
    if (settled.length > before) return settled.at(-1)!;
  }
  throw new Error(`process ${pid} wrote no settled memory sample to ${file}: is the probe loaded?`);
}

/** The largest RSS and heap used among the samples taken in [from, to] (Date.now() milliseconds). */
export function peakBetween(samples: readonly MemorySample[], from: number, to: number): { rss: number; heapUsed: number; count: number } {
  const inside = samples.filter((s) => s.at >= from && s.at <= to);
  return {
    rss: Math.max(...inside.map((s) => s.rss)), heapUsed: Math.max(...inside.map((s) => s.heapUsed)), count: inside.length,
  };
}

/** The kernel's high-water mark of a process's resident set (VmHWM), in bytes; NaN without /proc. */
export function peakRssSinceStart(pid: number): number {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return NaN;
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(file, 'utf8'))?.[1];
  return kib ? Number(kib) * 1024 : NaN;
}

/** A server's memory over one run: idle after start, peak while loaded, after the load; bytes. */
export interface MemoryReport {
  idle: MemorySample;
  peak: { rss: number; heapUsed: number };
  after: MemorySample;
  /** VmHWM: the most RSS the process ever held, start-up included. */
  highWater: number;
}

/**
 * Memory of one server process: `env` loads the probe (pass it to the server), `idle` takes the settled sample
 * before the load, `finish` the peak since then and a settled sample a second after it, `remove` deletes the file.
 */
export function watchServerMemory() {
  const file = path.join(os.tmpdir(), `aisle-bench-memory-${process.pid}-${Date.now()}.jsonl`);
  let idle: MemorySample | undefined;
  return {
    env: memoryProbeEnv(file),
    async idle(pid: number) {
      idle = await settledSample(pid, file);
    },
    async finish(pid: number): Promise<MemoryReport> {
      if (!idle) throw new Error('watchServerMemory: idle() first');
      const peak = peakBetween(readSamples(file), idle.at, Date.now());
      await new Promise((r) => setTimeout(r, 1000)); // the server's side of the closing sockets
      return { idle, peak, after: await settledSample(pid, file), highWater: peakRssSinceStart(pid) };
    },
    remove: () => rmSync(file, { force: true }),
  };
}

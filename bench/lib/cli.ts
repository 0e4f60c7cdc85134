import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/../..): CLI runs start here. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIME = '/usr/bin/time';

export interface CliRun {
  seconds: number;
  /** Peak resident memory of the child, MiB; null when /usr/bin/time is not installed. */
  maxRssMiB: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/aisle.js ...args` to completion, timing it; throws with its stderr when it fails. */
export function aisle(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const node = [process.execPath, path.join(ROOT, 'bin', 'aisle.js'), ...args];
  const [cmd, ...rest] = existsSync(TIME) ? [TIME, '-v', ...node] : node;
  const start = performance.now();
  const child = spawnSync(cmd!, rest, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`aisle ${args.join(' ')} exited ${child.status}:\n${child.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  return { seconds, maxRssMiB: rss ? Number(rss[1]) / 1024 : null, stdout: child.stdout, stderr: child.stderr };
}

/** A new temporary AISLE_HOME. */
export function tempHome(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `aisle-bench-${label}-`));
}

/** A generated, ingested (not indexed) demo store of `products` products in `home`. */
export function ingestDemo(home: string, products: number): CliRun {
  return aisle(['demo', '--home', home, '--no-index', '--products', String(products)]);
}

/** The model directory, checked to hold an ONNX model (the tiny test encoder is committed under test/fixtures/models). */
export function ensureModel(modelDir: string): string {
  const dir = path.resolve(ROOT, modelDir);
  if (!existsSync(path.join(dir, 'onnx', 'model.onnx'))) throw new Error(`No ONNX model in ${dir}`);
  return dir;
}

#!/usr/bin/env node
// `npm run build` (and so `npm ci`, through `prepare`): dist/ compiled from scratch, so a deleted or renamed
// source leaves no stale module behind, then dist/BUILT stamped with the time the compile *started*: a source
// edited while tsc ran is newer than the stamp, and bin/entry-point.js runs the sources until the next build.
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from './entry-point.js';

/** Empties `<root>/dist`, runs `compile` (throws on failure: no stamp), then writes the stamp dated to the start. */
export function buildDist(root, compile) {
  const started = new Date();
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  compile();
  const stamp = path.join(root, BUILD_STAMP);
  writeFileSync(stamp, started.toISOString());
  utimesSync(stamp, started, started);
}

/** tsc -p tsconfig.build.json in `root`, its messages on this process's output. */
function compileWithTsc(root) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit ${result.status ?? result.signal}); dist/ is left without ${BUILD_STAMP}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    buildDist(root, () => compileWithTsc(root));
  } catch (err) {
    process.stderr.write(`build: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

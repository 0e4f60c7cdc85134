#!/usr/bin/env node
// Runs the compiled build (dist/, made by `npm run build`, which `npm ci` runs as `prepare`) when it is
// current, else the TypeScript sources through tsx: with AISLE_DEV=1, with no build, or after a source
// changed (bin/entry-point.js). AISLE_DEBUG=1 says which ran and why.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseEntry } from './entry-point.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = chooseEntry(root, process.env);
if (process.env.AISLE_DEBUG) process.stderr.write(`aisle: running ${entry.kind === 'dist' ? 'dist/' : `the TypeScript sources (${entry.why})`}\n`);
let main;
if (entry.kind === 'dist') {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), process.env);

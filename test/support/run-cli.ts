import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Where the CLI runs unless a test says otherwise: an empty folder, so a developer's ./.env never
 * reaches a test (just as `env` defaults to empty rather than the real environment).
 */
const QUIET_CWD = path.resolve('test/.cache/cli-cwd');

/** Runs the CLI in-process (same code path as bin/aisle.js) with captured streams; `cwd` is where .env is read. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = '', cwd = QUIET_CWD): Promise<CliResult> {
  mkdirSync(cwd, { recursive: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(argv, env, { stdin: Readable.from([stdin]), stdout, stderr }, cwd);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh, empty Aisle home in the OS temp folder. */
export function tempHome(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'aisle-test-'));
}

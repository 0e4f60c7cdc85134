import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';

export interface ServedChild {
  baseUrl: string;
  pid: number;
  /** CPU seconds (user + system) the server has used so far, all threads and its main thread; NaN without /proc. */
  cpuSeconds(): { all: number; main: number };
  stop(): Promise<void>;
}

/**
 * `aisle serve` in its own process on 127.0.0.1 and a free port, so the server gets a whole
 * event loop and the load driver does not share it. Resolves once it says it is serving. `root` is
 * the checkout to run, so another commit's server can be measured the same way (`git archive`).
 */
export function serveChild(args: readonly string[], env: NodeJS.ProcessEnv = {}, root = ROOT): Promise<ServedChild> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'aisle.js'), 'serve', '--host', '127.0.0.1', '--port', '0', ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Once serving, its request log is read and dropped: kept, it would grow with every request.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData).resume();
      resolve({ baseUrl: url, pid: child.pid!, cpuSeconds: () => ({ all: cpuSeconds(`/proc/${child.pid}/stat`), main: cpuSeconds(`/proc/${child.pid}/task/${child.pid}/stat`) }), stop: () => stop(child) });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`aisle serve exited ${code} before serving:\n${stderr}`)));
  });
}

/** Linux: utime and stime, fields 14 and 15 of a process's or thread's stat file, in clock ticks (100 a second). */
function cpuSeconds(file: string): number {
  if (!existsSync(file)) return NaN;
  const fields = readFileSync(file, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

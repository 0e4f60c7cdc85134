import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where and how a probe runs: `root` is the checkout whose bin/aisle.js (or `npm start`) runs. */
export interface ProbeContext {
  root: string;
  home: string;
}

/**
 * One probe's timing: `seconds` of wall clock, and `cpuSeconds` the processes used meanwhile (user +
 * system, all threads; NaN without /proc), which another program's load on a shared machine inflates far less.
 */
export interface Timing {
  seconds: number;
  cpuSeconds: number;
}

/** From spawning `node bin/aisle.js search QUERY` until it exits; throws with its stderr on failure. */
export async function coldSearch(c: ProbeContext, query: string): Promise<Timing> {
  const start = performance.now();
  const child = spawnAisle(c, ['search', query, '--home', c.home]);
  let cpuSeconds = NaN;
  // The last sample before the exit (within 10 ms of it): CPU time is no longer readable once the process is gone.
  const sampler = setInterval(() => (cpuSeconds = cpuSecondsOf(child.pid!) ?? cpuSeconds), 10);
  const { code, stderr } = await exited(child);
  clearInterval(sampler);
  if (code !== 0) throw new Error(`aisle search exited ${code}:\n${stderr}`);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds };
}

/** From spawning `aisle chat --jsonl` with one message on stdin until its reply line arrives. */
export async function firstChatReply(c: ProbeContext, conversation: string, text: string): Promise<Timing> {
  const start = performance.now();
  const child = spawnAisle(c, ['chat', '--jsonl', '--home', c.home]);
  child.stdin!.write(`${JSON.stringify({ conversation, user: 'startup-bench', text })}\n`);
  const done = exited(child);
  const line = await firstMatch(child, /^\{.*\}\n/m, done);
  const timing = { seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSecondsOf(child.pid!) ?? NaN };
  child.stdin!.end();
  await done;
  if (!line.includes('"replies"')) throw new Error(`aisle chat answered ${line}`);
  return timing;
}

/**
 * From spawning `npm start` (what README's quick start runs) on the home until /readyz answers 200;
 * then stops the server (SIGTERM to npm's process group) and waits for it to exit.
 */
export async function npmStartReady(c: ProbeContext): Promise<Timing> {
  const start = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--host', '127.0.0.1'], {
    cwd: c.root, env: { ...process.env, AISLE_HOME: c.home }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let gone: { code: number | null; stderr: string } | undefined;
  const done = exited(child).then((result) => (gone = result));
  try {
    const url = (await firstMatch(child, /on (http:\/\/127\.0\.0\.1:\d+)/, done)).match(/http:\S+/)![0];
    while ((await fetch(`${url}/readyz`).catch(() => undefined))?.status !== 200) {
      if (gone) throw new Error(`npm start exited ${gone.code} before it was ready:\n${gone.stderr}`);
      await sleep(20);
    }
    return { seconds: (performance.now() - start) / 1000, cpuSeconds: groupCpuSeconds(child.pid!) };
  } finally {
    stopGroup(child.pid!);
    await done;
  }
}

function spawnAisle(c: ProbeContext, args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(c.root, 'bin', 'aisle.js'), ...args], { cwd: c.root, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** CPU seconds (user + system, all threads) of the live processes in process group `pgid` (npm, its shell, the server). */
export function groupCpuSeconds(pgid: number): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  let seconds = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const fields = statFields(Number(pid));
    if (fields && Number(fields[2]) === pgid) seconds += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return seconds;
}

/** CPU seconds (user + system, all threads) of a live process; undefined once it is gone or without /proc. */
function cpuSecondsOf(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields && (Number(fields[11]) + Number(fields[12])) / 100;
}

/** /proc/PID/stat after the command name: state, ppid, pgrp, … utime and stime (in 1/100 s) at 11 and 12. */
function statFields(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  } catch {
    return undefined;
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/** The first stdout text matching `pattern`; rejects with stderr if the process exits first. */
function firstMatch(child: ChildProcess, pattern: RegExp, done: Promise<{ code: number | null; stderr: string }>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[0]);
    });
    void done.then(({ code, stderr }) => reject(new Error(`exited ${code} before answering:\n${stderr}`)));
  });
}

/** SIGTERM to a process group that may have exited already. */
function stopGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

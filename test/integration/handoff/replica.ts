import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';

/** One `aisle serve` process; `url` once it listens. */
export async function startReplica(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['bin/aisle.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, AISLE_DEV: '1', AISLE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      const m = /on (http:\/\/\S+)/.exec(c.toString());
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`aisle serve exited ${code}: ${stderr}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { url, child, stop };
}

type Frame = { type: string; [key: string]: unknown };

/** A widget's socket: every frame kept, `next(match)` waits for the first unread one that matches. */
export async function openShopper(url: string, hello: { conversation?: string; shopper?: string; after?: number } = {}) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/aisle/ws`, { origin: url });
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  let read = 0;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.match(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'hello', after: 0, ...hello }));
  let n = 0;
  const shopper = {
    ws, frames,
    /** The first frame from the unread ones on that matches; waits for it when none has come yet. */
    next(match: (f: Frame) => boolean): Promise<Frame> {
      const found = frames.slice(read).find(match);
      if (found) {
        read = frames.indexOf(found) + 1;
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiters.push({ match, resolve: (f) => { read = frames.indexOf(f) + 1; resolve(f); } }));
    },
    say(text: string) {
      ws.send(JSON.stringify({ type: 'message', id: `msg-${Date.now()}-${n++}`, text }));
    },
    close: () => ws.close(),
  };
  return shopper;
}

/** An entries frame with an entry whose text matches. */
export const entryWith = (pattern: RegExp) => (f: Frame) =>
  f.type === 'entries' && (f.entries as { body: { text?: string } }[]).some((e) => pattern.test(e.body?.text ?? ''));

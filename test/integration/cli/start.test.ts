import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempHome } from '../../support/run-cli.ts';

/** What `npm start` runs, as a real process: an empty home gets the demo store, then the server answers. */
describe('aisle start (npm start)', () => {
  const home = tempHome();
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('builds the demo store on first start, serves search, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/aisle.js', 'start', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, AISLE_HOME: home, AISLE_MODEL: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        const m = /on (http:\/\/\S+)/.exec(c.toString());
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('building the demo store');
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', products: 20_000, search: 'lexical' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, index: { ok: true } } });
    // The server's log: JSON lines on stderr, after the demo build's progress.
    const logged = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(logged.find((l) => l.msg === 'listening')).toMatchObject({ level: 'info', products: 20_000 });
    const found = await (await fetch(`${url}/api/search?q=${encodeURIComponent('waterproof hiking boots')}&k=5`)).json();
    expect(found.results.map((r: { category: string }) => r.category).join(' ')).toMatch(/Boots/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});

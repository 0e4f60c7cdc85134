import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchStack } from '../../../src/cli/services.ts';
import { loadConfig } from '../../../src/config.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

describe('HTTP API', () => {
  const home = tempHome();
  let server: RunningServer;
  let base: string;
  let closeStack: () => Promise<void>;

  beforeAll(async () => {
    const built = await runCli(['demo', '--products', '300', '--home', home, '--model', TINY_MODEL_DIR]);
    expect(built.code, built.stderr).toBe(0);
    const config = loadConfig({}, { home, model: TINY_MODEL_DIR }, process.cwd(), process.cwd());
    const stack = await openSearchStack(config);
    closeStack = stack.close;
    server = await listen(createApp({ search: stack.search, manifest: stack.manifest }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await closeStack?.();
    rmSync(home, { recursive: true, force: true });
  });

  it('reports health with the catalog and index it serves', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', products: 300, search: 'hybrid', catalogVersion: 1 });
  });

  it('searches with filters parsed from the words', async () => {
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent('something under $30')}&k=4`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.filters).toEqual({ priceMax: 30 });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(4);
    for (const hit of body.results) expect(hit.price).toBeLessThanOrEqual(30);
  });

  it('answers bad requests with 400 and a message that says what to do', async () => {
    const missing = await fetch(`${base}/api/search`);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('q is required') });
    const badK = await fetch(`${base}/api/search?q=sofa&k=5000`);
    expect(badK.status).toBe(400);
    const long = await fetch(`${base}/api/search?q=${'a'.repeat(600)}`);
    expect((await long.json()).error.message).toContain('longer than 500');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${base}/api/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});

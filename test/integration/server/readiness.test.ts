import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProbe, indexProbe } from '../../../src/cli/serve-stack.ts';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import { activateIndex, indexesDir, MANIFEST_FORMAT, type IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openPostgresConversationStore } from '../../../src/storage/postgres-conversation-store.ts';
import { captureLog } from '../../support/log-capture.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const manifest: IndexManifest = {
  format: MANIFEST_FORMAT, buildId: 'build-1', builtAt: new Date(0).toISOString(), catalogId: 'test', catalogVersion: 1, productCount: 3,
  metric: 'cosine', embedder: null, hnsw: null, lexical: { documents: 3, terms: 9 }, files: {},
};
const search = { size: 3, mode: 'lexical' } as unknown as ProductSearch;

/** A TCP hop to the test PostgreSQL that can be cut, so the database becomes unreachable under a running server. */
async function startCuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    cut: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
  };
}

describe('GET /readyz and /healthz', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'aisle-ready-'));
  const { newSchema, dropAll } = testSchemas();
  const { log, lines } = captureLog();
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
  let store: ConversationStore;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const build = path.join(indexesDir(home), 'build-1');
    mkdirSync(build, { recursive: true });
    activateIndex(home, build, manifest);
    proxy = await startCuttableProxy(new URL(TEST_PG_URL));
    store = await openPostgresConversationStore(proxy.url, { schema: newSchema() });
    const app = createApp({ search, manifest, log, readiness: [databaseProbe(store), indexProbe(home, search, manifest)] });
    server = await listen(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await store?.close().catch(() => {});
    await dropAll();
    rmSync(home, { recursive: true, force: true });
  });

  it('is ready while the database answers and the index is in place', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: { ok: true }, index: { ok: true } } });
  });

  it('says 503 and which part failed once PostgreSQL is unreachable, while /healthz stays ok', async () => {
    await proxy.cut();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('database'), requestId: expect.any(String) },
      checks: { database: { ok: false }, index: { ok: true } },
    });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1'); // where the database lives is for the log
    const logged = lines.find((l) => l.msg === 'not ready');
    expect(logged?.checks.database.message).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+ is not reachable/);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe('ok');
  });

  it('names the index when its build is gone from disk', async () => {
    rmSync(indexesDir(home), { recursive: true, force: true });
    const body = await (await fetch(`${base}/readyz`)).json();
    expect(body.checks.index).toEqual({ ok: false });
    expect(body.error.message).toMatch(/database, index failed/);
  });
});

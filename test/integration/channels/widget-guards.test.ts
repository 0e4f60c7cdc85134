import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWidgetService, type WidgetService } from '../../../src/channels/widget-service.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp, type AppDeps } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const SECRET = 'a-test-secret-of-at-least-32-characters!';

/** Opens a socket; resolves with it once open, or rejects with the HTTP status and body of a refused upgrade. */
function connect(base: string, origin = base): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/aisle/ws`, { headers: { origin } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(new Error(`HTTP ${res.statusCode}: ${body}`)));
    });
    ws.once('error', reject);
  });
}

function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/aisle/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A token signed with the right secret around any payload text. */
function signedPayload(json: string): string {
  const payload = Buffer.from(json).toString('base64url');
  return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
}

describe('the widget endpoint guards', () => {
  let dir: string;
  let widgetLog: WidgetLog;
  let server: RunningServer | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-widget-guards-'));
    widgetLog = openSqliteWidgetLog(path.join(dir, 'conversations.db'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(async () => {
    await widgetLog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A server over a real widget service (or `service`); returns its base URL. */
  async function start(o: { rateLimits?: AppDeps['rateLimits']; socketsPerIp?: number; origins?: string[]; service?: WidgetService } = {}) {
    const service = o.service ?? createWidgetService({ engine: createEchoEngine(), log: widgetLog, secret: SECRET });
    const app = createApp({ ...searchDeps, rateLimits: o.rateLimits, widget: { service, origins: new Set(o.origins ?? []), socketsPerIp: o.socketsPerIp } });
    server = await listen(app, 0, '127.0.0.1');
    return `http://127.0.0.1:${server.port}`;
  }

  it('caps the sockets one address holds open, with a 429 that says why', async () => {
    const base = await start({ socketsPerIp: 2 });
    const first = await connect(base);
    await connect(base);
    await expect(connect(base)).rejects.toThrow(/HTTP 429: Too many open chat connections from this address \(at most 2\)/);
    first.ws.close();
    await first.closed;
    await expect.poll(async () => connect(base).then(() => 'open', (err: Error) => err.message)).toBe('open');
  });

  it('closes a socket that keeps sending invalid frames (1008), even with the rate limits off', async () => {
    const base = await start();
    const c = await connect(base);
    const errors: string[] = [];
    c.ws.on('message', (data) => errors.push(JSON.parse(data.toString()).code));
    for (let i = 0; i < 12; i++) c.ws.send(i % 2 ? '{"type":"nonsense"}' : 'not json');
    expect(await c.closed).toEqual({ code: 1008, reason: 'too many invalid frames' });
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['BAD_INPUT']));
  });

  it('counts invalid frames against the address: once spent, no new socket and no HTTP message', async () => {
    const base = await start({ rateLimits: { perIp: 4, perConversation: 100 } });
    const c = await connect(base);
    for (let i = 0; i < 6; i++) c.ws.send('not json');
    expect((await c.closed).code).toBe(1008);
    await expect(connect(base)).rejects.toThrow(/HTTP 429: Too many messages from this address; try again in \d+ s/);
    const res = await post(base, { message: { type: 'message', id: 'msg-after001', text: 'hello' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts oversized frames against the address too', async () => {
    const base = await start({ rateLimits: { perIp: 2, perConversation: 100 } });
    for (let i = 0; i < 2; i++) {
      const c = await connect(base);
      c.ws.send('x'.repeat(20_000));
      expect((await c.closed).code).toBe(1009);
    }
    await expect(connect(base)).rejects.toThrow('HTTP 429');
  });

  it('over HTTP, limits an address before checking its token or looking anything up', async () => {
    const calls = { open: 0 };
    const real = createWidgetService({ engine: createEchoEngine(), log: widgetLog, secret: SECRET });
    const service: WidgetService = { ...real, open: (hello) => (calls.open++, real.open(hello)) };
    const base = await start({ rateLimits: { perIp: 3, perConversation: 100 }, service });
    const forged = { 'x-aisle-token': signedPayload('{"sub":"c","exp":1}').replace(/.$/, 'A') };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(base, { message: { type: 'message', id: `msg-forge00${i}`, text: 'hi' } }, forged)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(calls.open).toBe(3);
  });

  it('refuses a signed token whose payload is JSON null or not an object with 401, not 500', async () => {
    const base = await start();
    for (const json of ['null', '7', '[]', '"customer-42"']) {
      const res = await post(base, { message: { type: 'message', id: 'msg-null0001', text: 'hi' } }, { 'x-aisle-token': signedPayload(json) });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('malformed') });
    }
    const c = await connect(base);
    c.ws.send(JSON.stringify({ type: 'hello', token: signedPayload('null'), after: 0 }));
    expect((await c.closed).code).toBe(4401);
  });

  it('compares whole origins: Aisle\'s own scheme and port, the listed ones however written', async () => {
    const base = await start({ origins: ['https://shop.example'] });
    const port = new URL(base).port;
    (await connect(base, `http://127.0.0.1:${port}`)).ws.close(); // the demo storefront on Aisle itself
    await expect(connect(base, `https://127.0.0.1:${port}`)).rejects.toThrow('HTTP 403'); // same host, another scheme
    await expect(connect(base, 'http://shop.example')).rejects.toThrow('HTTP 403');
    await expect(connect(base, 'https://shop.example:8443')).rejects.toThrow('HTTP 403');
    (await connect(base, 'https://shop.example:443')).ws.close();
    const res = await fetch(`${base}/aisle/messages?after=0`, { headers: { origin: `https://127.0.0.1:${port}` } });
    expect(res.status).toBe(403);
    expect((await fetch(`${base}/aisle/messages?after=0`, { headers: { origin: base } })).status).toBe(200);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { signShopperToken } from '../../../src/channels/widget-token.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const SECRET = 'a-test-secret-of-at-least-32-characters!';
type Frame = Record<string, any>;

/** A ws client that queues what arrives, so a test can await the next frame of a type. */
async function connect(base: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/aisle/ws`, { headers: { origin: base, ...headers } });
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  let read = 0;
  const next = async (type: string): Promise<Frame> => {
    for (;;) {
      while (read < frames.length) {
        const f = frames[read++]!;
        if (f.type === type) return f;
      }
      await new Promise<void>((resolve, reject) => {
        waiters.push(resolve);
        setTimeout(() => reject(new Error(`no "${type}" frame; got ${JSON.stringify(frames)}`)), 5000);
      });
    }
  };
  return { ws, frames, next, closed, send: (f: Frame) => ws.send(JSON.stringify(f)) };
}

/** Every entry a client saw, by seq, across frames. */
function entriesOf(frames: Frame[]): Frame[] {
  return frames.filter((f) => f.type === 'entries').flatMap((f) => f.entries);
}

describe('the widget endpoint (/aisle/ws and /aisle/messages)', () => {
  const engine = createEchoEngine();
  let dir: string;
  let widgetLog: WidgetLog;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-widget-'));
    widgetLog = openSqliteWidgetLog(path.join(dir, 'conversations.db'));
    const service = createWidgetService({ engine, log: widgetLog, secret: SECRET });
    const app = createApp({ ...searchDeps, rateLimits: { perIp: 40, perConversation: 5 }, widget: { service, origins: new Set(['https://shop.example']) } });
    server = await listen(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await widgetLog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the launcher and the panel as small scripts', async () => {
    for (const file of ['widget.js', 'widget-panel.js']) {
      const res = await fetch(`${base}/aisle/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/javascript');
    }
  });

  it('takes a turn: welcome, ack, the shopper message, typing, and the reply as numbered entries', async () => {
    const c = await connect(base);
    c.send({ type: 'hello', after: 0 });
    const welcome = await c.next('welcome');
    expect(welcome.conversation).toMatch(/^[\w-]{8,}$/);
    expect(welcome.signedIn).toBe(false);
    expect((await c.next('entries')).replay).toBe(true);
    c.send({ type: 'message', id: 'msg-00000001', text: 'sofas' });
    expect(await c.next('ack')).toEqual({ type: 'ack', id: 'msg-00000001', seq: 1 });
    expect((await c.next('entries')).entries[0]).toMatchObject({ seq: 1, role: 'shopper', clientId: 'msg-00000001', body: { text: 'sofas' } });
    expect(await c.next('typing')).toEqual({ type: 'typing', on: true });
    const reply = (await c.next('entries')).entries[0];
    expect(reply).toMatchObject({ seq: 2, role: 'aisle', body: { text: 'echo: sofas', suggestions: ['Only in stock', 'Under $1000'] } });
    expect(reply.body.products.map((p: Frame) => p.id)).toEqual(['sofa-harbor', 'sofa-dune']);
    // The address goes with the turn: the order desk limits failed verifications per address.
    expect(engine.turns.at(-1)).toEqual({ conversation: `widget:${welcome.conversation}`, user: `anon:${welcome.shopper}`, channel: 'widget', text: 'sofas', ip: expect.stringMatching(/127\.0\.0\.1$/) });
    c.ws.close();
  });

  it('replays what a reconnecting widget missed, once, and answers a message sent again only once', async () => {
    const first = await connect(base);
    first.send({ type: 'hello', after: 0 });
    const { conversation, shopper } = await first.next('welcome');
    first.send({ type: 'message', id: 'msg-r0000001', text: 'one' });
    await first.next('ack');
    const seenBeforeDrop = Math.max(...entriesOf(first.frames).map((e) => e.seq), 0);
    first.ws.terminate(); // the connection drops while the reply is on its way
    const turns = engine.turns.length;

    const second = await connect(base);
    second.send({ type: 'hello', conversation, shopper, after: seenBeforeDrop });
    expect((await second.next('welcome')).conversation).toBe(conversation);
    // The message whose ack may have been lost goes again: same seq, not answered twice.
    second.send({ type: 'message', id: 'msg-r0000001', text: 'one' });
    expect((await second.next('ack')).seq).toBe(1);
    second.send({ type: 'message', id: 'msg-r0000002', text: 'two' });
    await second.next('ack');
    await expect.poll(() => entriesOf(second.frames).filter((e) => e.role === 'aisle').length).toBe(seenBeforeDrop >= 2 ? 1 : 2);
    const seqs = [...entriesOf(first.frames), ...entriesOf(second.frames)].map((e) => e.seq).filter((s) => s <= 4);
    expect(seqs.sort()).toEqual([1, 2, 3, 4]); // every entry seen exactly once across the two connections
    expect(engine.turns.length - turns).toBe(1);
    second.ws.close();

    const reload = await connect(base);
    reload.send({ type: 'hello', conversation, shopper, after: 0 });
    const history = (await reload.next('entries')).entries.map((e: Frame) => [e.seq, e.role, e.body.text]);
    expect(history).toEqual([[1, 'shopper', 'one'], [2, 'aisle', 'echo: one'], [3, 'shopper', 'two'], [4, 'aisle', 'echo: two']]);
    reload.ws.close();
  });

  it('never resumes another shopper\'s conversation', async () => {
    const c = await connect(base);
    c.send({ type: 'hello', after: 0 });
    const { conversation } = await c.next('welcome');
    c.send({ type: 'message', id: 'msg-o0000001', text: 'mine' });
    await c.next('ack');
    c.ws.close();
    const other = await connect(base);
    other.send({ type: 'hello', conversation, shopper: 'someone-else-1', after: 0 });
    expect((await other.next('welcome')).conversation).not.toBe(conversation);
    expect((await other.next('entries')).entries).toEqual([]);
    other.ws.close();
  });

  it('refuses a page from an origin the store did not allow, and takes one it did', async () => {
    await expect(connect(base, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    const allowed = await connect(base, { origin: 'https://shop.example' });
    allowed.ws.close();
    const res = await fetch(`${base}/aisle/messages?after=0`, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('FORBIDDEN');
  });

  it('closes a socket that sends an oversized frame, and refuses an oversized POST', async () => {
    const c = await connect(base);
    c.send({ type: 'hello', after: 0 });
    await c.next('welcome');
    c.send({ type: 'message', id: 'msg-big00001', text: 'x'.repeat(20_000) });
    expect((await c.closed).code).toBe(1009);
    const res = await fetch(`${base}/aisle/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: { type: 'message', id: 'msg-big00002', text: 'x'.repeat(20_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('limits messages per connection', async () => {
    const c = await connect(base);
    c.send({ type: 'hello', after: 0 });
    await c.next('welcome');
    for (let i = 0; i < 7; i++) c.send({ type: 'message', id: `msg-rate000${i}`, text: `hi ${i}` });
    const error = await c.next('error');
    expect(error).toMatchObject({ code: 'RATE_LIMITED', id: 'msg-rate0005' });
    await expect.poll(() => c.frames.filter((f) => f.type === 'ack').length).toBe(5);
    await expect.poll(() => entriesOf(c.frames).filter((e) => e.role === 'aisle').length).toBe(5);
    expect(c.frames.filter((f) => f.type === 'error')).toHaveLength(2);
    c.ws.close();
  });

  it('speaks the same protocol over HTTP: POST a message, GET what came after', async () => {
    const post = await fetch(`${base}/aisle/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
      body: JSON.stringify({ after: 0, message: { type: 'message', id: 'msg-http0001', text: 'lamps' } }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const body = await post.json();
    expect(body.ack).toEqual({ id: 'msg-http0001', seq: 1 });
    expect(body.entries.map((e: Frame) => e.body.text)).toEqual(['lamps', 'echo: lamps']);
    expect(engine.turns.at(-1)).toMatchObject({ text: 'lamps', ip: expect.stringMatching(/127\.0\.0\.1$/) });
    const poll = await (await fetch(`${base}/aisle/messages?conversation=${body.conversation}&shopper=${body.shopper}&after=1`)).json();
    expect(poll.entries.map((e: Frame) => e.seq)).toEqual([2]);
  });

  it('knows a signed-in shopper by a store-signed token, and refuses a forged or expired one', async () => {
    const token = signShopperToken(SECRET, 'customer-42', Math.floor(Date.now() / 1000) + 600);
    const c = await connect(base);
    c.send({ type: 'hello', token, after: 0 });
    expect((await c.next('welcome')).signedIn).toBe(true);
    c.send({ type: 'message', id: 'msg-sign0001', text: 'hello' });
    await c.next('ack');
    await expect.poll(() => engine.turns.at(-1)?.user).toBe('shop:customer-42');
    c.ws.close();
    for (const bad of [signShopperToken('another-secret-of-at-least-32-chars!!', 'customer-42', Math.floor(Date.now() / 1000) + 600),
      signShopperToken(SECRET, 'customer-42', Math.floor(Date.now() / 1000) - 1)]) {
      const refused = await connect(base);
      refused.send({ type: 'hello', token: bad, after: 0 });
      expect((await refused.next('error')).code).toBe('UNAUTHORIZED');
      expect((await refused.closed).code).toBe(4401);
    }
  });
});

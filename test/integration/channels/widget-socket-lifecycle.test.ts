import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../../src/channels/widget-protocol.ts';
import type { WidgetService } from '../../../src/channels/widget-service.ts';
import { AppError } from '../../../src/errors.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A service whose hello is slow (a database round trip) and which counts the live subscriptions. */
function countingService(o: { openMs?: number; replayFails?: number } = {}) {
  let replayFails = o.replayFails ?? 0;
  const counts = { live: 0 };
  const service: WidgetService = {
    open: async (hello) => {
      await sleep(o.openMs ?? 0);
      return { conversation: hello.conversation ?? 'conversation-1', shopper: 'shopper-1', user: 'anon:shopper-1', signedIn: false };
    },
    replay: async () => {
      if (replayFails-- > 0) throw new AppError('UNAVAILABLE', 'the log did not answer');
      return [];
    },
    send: async () => ({ seq: 1, answer: async () => [] }),
    report: async (_session, events) => ({ recorded: 0, ignored: events.length }),
    subscribe: () => {
      counts.live++;
      return () => void counts.live--;
    },
  };
  return { service, counts };
}

describe('a widget socket lets go of its conversation when it ends', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function open(service: WidgetService, o: { pingMs?: number; autoPong?: boolean } = {}) {
    server ??= await listen(createApp({ ...searchDeps, widget: { service, origins: new Set(), pingMs: o.pingMs } }), 0, '127.0.0.1');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/aisle/ws`, { autoPong: o.autoPong ?? true });
    const frames: { type: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    return { ws, frames, closed, hello: () => ws.send(JSON.stringify({ type: 'hello', after: 0 })) };
  }

  it('closed while its hello is being checked', async () => {
    const { service, counts } = countingService({ openMs: 150 });
    const c = await open(service);
    c.hello();
    await sleep(20);
    c.ws.close();
    await c.closed;
    await sleep(300);
    expect(counts.live).toBe(0);
  });

  it('after a hello whose replay failed, then a second hello', async () => {
    const { service, counts } = countingService({ replayFails: 1 });
    const c = await open(service);
    c.hello();
    await expect.poll(() => c.frames.some((f) => f.type === 'error')).toBe(true);
    c.hello();
    await expect.poll(() => c.frames.some((f) => f.type === 'welcome')).toBe(true);
    expect(counts.live).toBe(1);
    c.ws.close();
    await c.closed;
    await expect.poll(() => counts.live).toBe(0);
  });

  it('when it no longer answers pings (a peer gone without closing)', async () => {
    const { service } = countingService();
    const gone = await open(service, { pingMs: 60, autoPong: false });
    const alive = await open(service, { pingMs: 60 });
    await expect.poll(() => gone.ws.readyState, { timeout: 2000 }).toBe(WebSocket.CLOSED);
    await sleep(200);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    alive.ws.close();
  });
});

/** A service whose turns take `answerMs` and say when each one finished; nothing else is slow. */
function slowTurns(answerMs: number) {
  const done: string[] = [];
  const listeners = new Set<(frame: ServerFrame) => void>();
  let seq = 0;
  // Only what a socket calls; cast, so the stand-in need not follow every later addition to the service.
  const service: Partial<WidgetService> = {
    open: async () => ({ conversation: 'conversation-1', shopper: 'shopper-1', user: 'anon:shopper-1', signedIn: false }),
    replay: async () => [],
    send: async (_session, message) => ({
      seq: ++seq,
      answer: async () => {
        await sleep(answerMs);
        const entry = { seq: ++seq, role: 'aisle' as const, body: { text: `answered ${message.text}` }, at: new Date().toISOString() };
        for (const l of listeners) l({ type: 'entries', entries: [entry] as never });
        done.push(message.id);
        return [];
      },
    }),
    subscribe: (_conversation, listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { service: service as WidgetService, done };
}

describe('stopping the server with widget sockets open', () => {
  it('lets an accepted turn finish and reach the shopper, then tells the socket to go (1001)', async () => {
    const { service, done } = slowTurns(300);
    const server = await listen(createApp({ ...searchDeps, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/aisle/ws`);
    const frames: { type: string; entries?: { body: { text: string } }[] }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'hello', after: 0 }));
    await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
    ws.send(JSON.stringify({ type: 'message', id: 'msg-stop0001', text: 'lamps' }));
    await expect.poll(() => frames.some((f) => f.type === 'ack')).toBe(true);
    await server.close();
    expect(done).toEqual(['msg-stop0001']); // the turn was answered before the server let go
    expect(frames.flatMap((f) => f.entries ?? []).map((e) => e.body.text)).toContain('answered lamps');
    expect(await closed).toBe(1001);
  });

  it('leaves a message sent while stopping unacknowledged, so the widget sends it again after reconnecting', async () => {
    const { service, done } = slowTurns(300);
    const server = await listen(createApp({ ...searchDeps, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/aisle/ws`);
    const frames: { type: string; id?: string; code?: string }[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'hello', after: 0 }));
    await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
    ws.send(JSON.stringify({ type: 'message', id: 'msg-stop0001', text: 'one' }));
    await expect.poll(() => frames.some((f) => f.type === 'ack')).toBe(true);
    const stopping = server.close();
    ws.send(JSON.stringify({ type: 'message', id: 'msg-stop0002', text: 'two' }));
    await stopping;
    expect(frames.filter((f) => f.type === 'ack').map((f) => f.id)).toEqual(['msg-stop0001']);
    expect(frames.find((f) => f.type === 'error')).toMatchObject({ code: 'UNAVAILABLE' });
    expect(frames.find((f) => f.type === 'error')?.id).toBeUndefined(); // not marked failed: it stays pending
    expect(done).toEqual(['msg-stop0001']);
  });

  it('does not wait for a peer that never answers the closing handshake', { timeout: 15_000 }, async () => {
    const { service } = slowTurns(0);
    const server = await listen(createApp({ ...searchDeps, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    const raw = net.connect(server.port, '127.0.0.1');
    let received = Buffer.alloc(0);
    raw.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    const ended = new Promise((resolve) => raw.once('close', resolve));
    raw.write('GET /aisle/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    await expect.poll(() => received.toString('latin1')).toContain('101 Switching Protocols');
    // ws alone waits 30 s for the peer's close frame; this peer never sends one.
    await server.close();
    await ended;
    const frame = received.subarray(received.indexOf('\r\n\r\n') + 4);
    expect(frame[0]).toBe(0x88); // a close frame
    expect(frame.readUInt16BE(2)).toBe(1001); // going away
  });
});

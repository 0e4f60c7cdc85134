import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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

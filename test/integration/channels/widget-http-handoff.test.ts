import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { handoffState } from '../../../src/cli/serve-stack.ts';
import { openHandoffStore, type HandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };

/** The HTTP fallback (no WebSocket) shows the same handoff states the socket's `handoff` frames do. */
describe('the widget over HTTP during a handoff', () => {
  let dir: string;
  let widgetLog: WidgetLog;
  let store: HandoffStore;
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-widget-http-handoff-'));
    widgetLog = openSqliteWidgetLog(path.join(dir, 'conversations.db'));
    store = await openHandoffStore(`sqlite:${path.join(dir, 'conversations.db')}`, dir);
    await store.agents.add({ email: 'sam@shop.test', name: 'Sam', role: 'agent', passwordHash: 'x' });
    const service = createWidgetService({ engine: createEchoEngine(), log: widgetLog, secret: 'a-test-secret-of-at-least-32-characters!',
      handoffState: (conversation) => handoffState(store, conversation) });
    server = await listen(createApp({ ...searchDeps, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await widgetLog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each POST and poll with the state: in line with the place, the agent\'s name, back to the assistant', async () => {
    const posted = await (await fetch(`${base}/aisle/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ after: 0, message: { type: 'message', id: 'msg-handoff01', text: 'hello' } }),
    })).json();
    expect(posted.handoff).toEqual({ state: 'assistant' });
    const poll = async () => (await (await fetch(`${base}/aisle/messages?conversation=${posted.conversation}&shopper=${posted.shopper}&after=2`)).json()).handoff;
    const { handoff } = await store.queue.open({ conversation: `widget:${posted.conversation}`, user: `anon:${posted.shopper}`, channel: 'widget',
      reason: 'requested', summary: 's', headline: 'h', context: { shown: [], cart: [] } });
    expect(await poll()).toEqual({ state: 'waiting', position: 1 });
    await store.queue.transition(handoff.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
    expect(await poll()).toEqual({ state: 'agent', agent: 'Sam' });
    await store.queue.transition(handoff.id, { from: ['assigned'], to: 'resolved' });
    expect(await poll()).toEqual({ state: 'assistant' });
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { signShopperToken } from '../../../src/channels/widget-token.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { openTestChat } from '../../support/chat-home.ts';
import { runCli } from '../../support/run-cli.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
type Frame = Record<string, any>;

/** A widget socket that queues frames, so a test can await the next of a type. */
async function connect(base: string) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/aisle/ws`, { headers: { origin: base } });
  const frames: Frame[] = [];
  let wake = () => {};
  ws.on('message', (data) => {
    frames.push(JSON.parse(data.toString()));
    wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
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
        wake = resolve;
        setTimeout(() => reject(new Error(`no "${type}" frame; got ${JSON.stringify(frames)}`)), 10_000);
      });
    }
  };
  return { ws, next, send: (f: Frame) => ws.send(JSON.stringify(f)) };
}

/** The real engine behind the widget endpoint: what it records, what the browser may add, and the merge at sign-in. */
describe('behaviour events through the widget', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let widgetLog: WidgetLog;
  let server: RunningServer;
  let base: string;
  let n = 0;

  beforeAll(async () => {
    chat = await openTestChat();
    widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    const { engine, events, conversations, search, manifest } = chat.stack;
    const service = createWidgetService({ engine, log: widgetLog, secret: SECRET, events, conversations });
    server = await listen(createApp({ search, manifest, widget: { service, origins: new Set() } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await widgetLog?.close();
    await chat?.close();
  });

  /** Says hello (with `hello`'s ids), searches, and returns the ids and the products shown. */
  async function search(hello: Frame = {}) {
    const c = await connect(base);
    c.send({ type: 'hello', after: 0, ...hello });
    const welcome = await c.next('welcome');
    c.send({ type: 'message', id: `msg-search-${++n}`, text: 'show me sofas' });
    let reply: Frame | undefined;
    while (!reply) reply = (await c.next('entries')).entries.find((e: Frame) => e.role === 'aisle');
    const shown: string[] = reply.body.products.map((p: Frame) => p.id);
    expect(shown.length).toBeGreaterThan(1);
    return { c, welcome, shown, user: `anon:${welcome.shopper}`, conversation: `widget:${welcome.conversation}` };
  }

  it('records the impressions of a search turn, and a reported click with the query and position it was shown at', async () => {
    const { c, shown, user, conversation } = await search();
    const impressions = (await chat.stack.events.read({ user, kinds: ['impression'] })).reverse();
    expect(impressions.map((e) => [e.product, e.position, e.channel, e.conversation])).toEqual(shown.map((id, i) => [id, i + 1, 'widget', conversation]));
    expect(impressions[0]!.query).toMatch(/sofa/);

    c.send({ type: 'events', events: [{ id: 'click-000001', kind: 'click', product: shown[1] }] });
    expect(await c.next('noted')).toEqual({ type: 'noted', recorded: 1, ignored: 0 });
    const [click] = await chat.stack.events.read({ user, kinds: ['click'] });
    expect(click).toMatchObject({ product: shown[1], position: 2, query: impressions[1]!.query, channel: 'widget', conversation, key: 'click-000001' });

    // Sent again (same id), a product never shown here, and a repeat in one batch: ignored.
    c.send({ type: 'events', events: [{ id: 'click-000001', kind: 'click', product: shown[1] }, { id: 'click-000002', kind: 'click', product: 'forged-product' },
      { id: 'click-000003', kind: 'click', product: shown[0] }, { id: 'click-000003', kind: 'click', product: shown[0] }] });
    expect(await c.next('noted')).toEqual({ type: 'noted', recorded: 1, ignored: 3 });
    expect((await chat.stack.events.read({ user, kinds: ['click'] })).map((e) => e.product)).toEqual([shown[0], shown[1]]);
    c.ws.close();
  });

  it('refuses a report naming a user or written for another conversation, and records nothing for it', async () => {
    const { c, shown, user } = await search();
    const victim = await search();
    c.send({ type: 'events', user: victim.user, events: [{ id: 'click-u00001', kind: 'click', product: shown[0] }] });
    expect(await c.next('error')).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('user') });
    c.send({ type: 'events', events: [{ id: 'click-u00002', kind: 'click', product: shown[0], user: victim.user }] });
    expect(await c.next('error')).toMatchObject({ code: 'BAD_INPUT' });
    // Over HTTP, naming the victim's conversation: not this shopper's, so a new one, where nothing was shown.
    const res = await fetch(`${base}/aisle/events`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: victim.welcome.conversation, shopper: `attacker-${n}x`, events: [{ id: 'click-h00001', kind: 'click', product: victim.shown[0] }] }) });
    expect(await res.json()).toEqual({ recorded: 0, ignored: 1 });
    const named = await fetch(`${base}/aisle/events`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shopper: victim.welcome.shopper, user: 'shop:someone', events: [{ id: 'click-h00002', kind: 'click', product: victim.shown[0] }] }) });
    expect(named.status).toBe(400);
    expect(await chat.stack.events.read({ kinds: ['click'], user })).toEqual([]);
    expect(await chat.stack.events.read({ kinds: ['click'], user: victim.user })).toEqual([]);
    c.ws.close();
    victim.c.ws.close();
  });

  it('takes a click over HTTP when the socket is down', async () => {
    const { c, welcome, shown, user } = await search();
    c.ws.close();
    const res = await fetch(`${base}/aisle/events`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: welcome.conversation, shopper: welcome.shopper, events: [{ id: 'click-h00003', kind: 'click', product: shown[2] ?? shown[0] }] }) });
    expect(await res.json()).toEqual({ recorded: 1, ignored: 0 });
    expect(await chat.stack.events.read({ user, kinds: ['click'] })).toHaveLength(1);
  });

  it('merges the anonymous shopper into the signed-in one at sign-in, once, and forgets them all together', async () => {
    const { c, welcome, shown, user: anon, conversation } = await search();
    c.send({ type: 'events', events: [{ id: 'click-m00001', kind: 'click', product: shown[0] }] });
    await c.next('noted');
    c.ws.close();
    const before = await chat.stack.conversations.profile(anon);
    expect(before?.turns).toBe(1);

    const sub = `customer-${n}`;
    const token = signShopperToken(SECRET, sub, Math.floor(Date.now() / 1000) + 600);
    const signed = await connect(base);
    signed.send({ type: 'hello', conversation: welcome.conversation, shopper: welcome.shopper, token, after: 0 });
    const hello = await signed.next('welcome');
    expect(hello).toMatchObject({ conversation: welcome.conversation, signedIn: true }); // the same conversation carries on
    expect((await signed.next('entries')).entries.length).toBeGreaterThanOrEqual(2);
    const user = `shop:${sub}`;
    expect(await chat.stack.conversations.profile(anon)).toBeUndefined();
    expect(await chat.stack.conversations.profile(user)).toMatchObject({ turns: 1 });
    expect(await chat.stack.events.read({ user: anon })).toEqual([]);
    expect((await chat.stack.events.read({ user })).map((e) => e.kind)).toContain('click');
    expect(await widgetLog.owner(welcome.conversation)).toBe(user);
    expect(await chat.stack.conversations.conversation(conversation)).toMatchObject({ user });

    // Signed in, in the merged conversation: the engine's next turn counts on the merged profile.
    signed.send({ type: 'message', id: `msg-signed-${n}`, text: 'cheaper' });
    let reply: Frame | undefined;
    while (!reply) reply = (await signed.next('entries')).entries.find((e: Frame) => e.role === 'aisle');
    expect(await chat.stack.conversations.profile(user)).toMatchObject({ turns: 2 });
    signed.ws.close();
    // Signing in again from the same browser finds nothing left to merge.
    const again = await connect(base);
    again.send({ type: 'hello', conversation: welcome.conversation, shopper: welcome.shopper, token, after: 0 });
    expect(await again.next('welcome')).toMatchObject({ conversation: welcome.conversation, signedIn: true });
    expect(await chat.stack.conversations.profile(user)).toMatchObject({ turns: 2 });
    expect(await chat.stack.conversations.profile(anon)).toBeUndefined();
    again.ws.close();

    const forgot = await runCli(['users', 'forget', user, '--json', '--home', chat.home]);
    expect(forgot.code, forgot.stderr).toBe(0);
    const deleted = JSON.parse(forgot.stdout).deleted;
    expect(deleted).toMatchObject({ profiles: 1, conversations: 1 });
    expect(deleted.events).toBeGreaterThan(shown.length); // impressions of both turns and the click
    expect(deleted.turns).toBeGreaterThanOrEqual(2 + 4); // two logged turns, and the widget's messages and replies
    expect(await chat.stack.events.read({ user })).toEqual([]);
    expect(await widgetLog.after(welcome.conversation, 0, 100)).toEqual([]);
    expect(await widgetLog.owner(welcome.conversation)).toBeNull();
  });
});

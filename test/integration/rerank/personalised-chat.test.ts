import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnInput } from '../../../src/conversation/turn.ts';
import { openModelStore } from '../../../src/rerank/model-store.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import type { NewEvent } from '../../../src/storage/event-log.ts';
import { copyChatHome, openTestChat } from '../../support/chat-home.ts';
import { runCli } from '../../support/run-cli.ts';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { signShopperToken } from '../../../src/channels/widget-token.ts';
import { openSqliteWidgetLog } from '../../../src/storage/sqlite-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { installTinyReranker } from '../../support/tiny-reranker.ts';

/**
 * Issue 13's "done when": two shoppers with different histories get different first three results for the same
 * words, in the engine (what `aisle chat`, the widget, Slack and Teams run), the widget's HTTP endpoint,
 * GET /api/search and `aisle search --user`, with the tiny deterministic ONNX reranker (history similarity)
 * active in the home and the history in the real event log.
 */
const QUERY = 'running shoes';
const SECRET = 'a-test-secret-of-at-least-32-characters!';
const TRAIL = ['P001001', 'P000469', 'P001212', 'P001239', 'P000399', 'P001295']; // trail boots, a hydration pack, trail runners
const ROAD = ['P001183', 'P001211', 'P000483', 'P000497', 'P000007', 'P000665']; // road runners, mesh trainers

describe('personalised results for two shoppers', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let server: RunningServer;
  let widgetLog: WidgetLog;
  beforeAll(async () => {
    const home = copyChatHome();
    openModelStore(home).switchTo(installTinyReranker(home));
    chat = await openTestChat(home, { AISLE_RERANK_CONTROL_SHARE: '0' });
    const at = Date.now() - 3_600_000;
    const history = (user: string, products: string[]): NewEvent[] => products.flatMap((product, i) => [
      { user, product, kind: 'detail_view', channel: 'widget', at: new Date(at + i * 60_000) },
      { user, product, kind: i % 2 ? 'purchase' : 'click', channel: 'widget', at: new Date(at + i * 60_000 + 1000) },
    ]);
    await chat.stack.events.append([...history('shop:trail', TRAIL), ...history('shop:road', ROAD)]);
    widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    const { engine, events, conversations, search, manifest } = chat.stack;
    const widget = { service: createWidgetService({ engine, log: widgetLog, secret: SECRET, events, conversations }), origins: new Set<string>() };
    server = await listen(createApp({ search, manifest, widget, shopperSecret: SECRET }), 0, '127.0.0.1');
  });
  afterAll(async () => { await server?.close(); await widgetLog?.close(); await chat?.close(); });

  async function chatTop3(user: string): Promise<string[]> {
    const turn: TurnInput = { conversation: chat.newConversation(), user, channel: 'cli', text: QUERY };
    const reply = await chat.engine.handle(turn);
    return reply.replies.flatMap((r) => r.products ?? []).map((p) => p.id).slice(0, 3);
  }
  /** The shopper's sign-in token, as the store's backend signs it (`sub` without the `shop:` of the event log). */
  const tokenOf = (sub: string, secret = SECRET, exp = Math.floor(Date.now() / 1000) + 600) => signShopperToken(secret, sub, exp);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  async function apiSearch(query: string, sub?: string): Promise<{ results: { id: string; components: { personal?: number } }[] }> {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/search?q=${encodeURIComponent(QUERY)}&k=10${query}`, { headers: sub ? bearer(tokenOf(sub)) : {} });
    expect(res.status).toBe(200);
    return res.json() as never;
  }

  it('shows each shopper their kind of shoe first in the chat', async () => {
    const [trail, road, newcomer] = [await chatTop3('shop:trail'), await chatTop3('shop:road'), await chatTop3('shop:new')];
    expect(trail).toHaveLength(3);
    expect(trail).not.toEqual(road);
    // A shopper with no history sees the plain order; each history changes it.
    expect(trail).not.toEqual(newcomer);
    expect(road).not.toEqual(newcomer);
    const titles = (ids: string[]) => ids.map((id) => chat.stack.search.product(id)!.title).join(' | ');
    expect(titles(trail)).toMatch(/trail/i);
    expect(titles(road)).not.toMatch(/trail/i);
  });

  it('does the same through /api/search, scores each hit, and personalise=false gives the plain order', async () => {
    const trail = await apiSearch('', 'trail');
    const road = await apiSearch('', 'road');
    const plain = await apiSearch('');
    expect(trail.results.slice(0, 3).map((r) => r.id)).not.toEqual(road.results.slice(0, 3).map((r) => r.id));
    expect(trail.results.every((r) => typeof r.components.personal === 'number')).toBe(true);
    expect(plain.results.every((r) => r.components.personal === undefined)).toBe(true);
    // user= beside the token may name the same shopper, by its sub or its event-log id.
    expect((await apiSearch('&user=trail', 'trail')).results).toEqual(trail.results);
    expect((await apiSearch('&user=shop%3Atrail', 'trail')).results).toEqual(trail.results);
    const off = await apiSearch('&personalise=false', 'trail');
    expect(off.results.map((r) => r.id)).toEqual(plain.results.map((r) => r.id));
    // Switching personalisation off needs no token: nobody's history is read.
    const offUnsigned = await apiSearch('&user=shop%3Atrail&personalise=false');
    expect(offUnsigned.results.map((r) => r.id)).toEqual(plain.results.map((r) => r.id));
    const cold = await apiSearch('', 'nobody');
    expect(cold.results.map((r) => r.id)).toEqual(plain.results.map((r) => r.id));
  });

  it('never takes user= on trust: no token is refused, and so are a forged, an expired and another shopper\'s token', async () => {
    const url = `http://127.0.0.1:${server.port}/api/search?q=${encodeURIComponent(QUERY)}&k=10`;
    const refused = async (query: string, headers: Record<string, string>, status: number, message: RegExp) => {
      const res = await fetch(url + query, { headers });
      const body = await res.json() as { error: { code: string; message: string }; results?: unknown };
      expect(res.status).toBe(status);
      expect(body.results).toBeUndefined();
      expect(body.error.message).toMatch(message);
    };
    await refused('&user=shop%3Atrail', {}, 401, /not taken on trust.*AISLE_WIDGET_SECRET.*Authorization: Bearer/);
    // A proxy's Basic credentials are not a shopper token.
    await refused('&user=shop%3Atrail', { authorization: 'Basic dXNlcjpwYXNz' }, 401, /not taken on trust/);
    await refused('', bearer(tokenOf('trail', 'another-secret-of-at-least-32-characters')), 401, /refused \(bad signature\)/);
    await refused('', bearer(tokenOf('trail', SECRET, Math.floor(Date.now() / 1000) - 1)), 401, /refused \(expired\)/);
    await refused('', bearer('not-a-token'), 401, /refused \(malformed\)/);
    await refused('&user=shop%3Aroad', bearer(tokenOf('trail')), 403, /another shopper/);
  });

  it('refuses personalisation over HTTP with 400 where no AISLE_WIDGET_SECRET is set', async () => {
    const bare = await listen(createApp({ search: chat.stack.search, manifest: chat.stack.manifest }), 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${bare.port}/api/search?q=${encodeURIComponent(QUERY)}&k=10`;
      for (const [query, headers] of [['&user=shop%3Atrail', {}], ['', bearer(tokenOf('trail'))]] as const) {
        const res = await fetch(url + query, { headers });
        expect(res.status).toBe(400);
        expect((await res.json() as { error: { message: string } }).error.message).toMatch(/Personalised search over HTTP needs AISLE_WIDGET_SECRET/);
      }
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('never overrides a hard filter: a budget holds whatever the history likes', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/search?q=${encodeURIComponent('running shoes under $80')}&k=20`, { headers: bearer(tokenOf('trail')) });
    const body = await res.json() as { filters: { priceMax?: number }; results: { id: string; price: number; components: { personal?: number } }[] };
    expect(body.filters.priceMax).toBe(80);
    expect(body.results.length).toBeGreaterThan(3);
    expect(body.results.every((r) => r.price <= 80 && r.components.personal !== undefined)).toBe(true);
    expect(body.results.map((r) => r.id)).not.toContain('P001001'); // the $135 trail boots the shopper bought
  });

  it('does the same in the widget, for signed-in shoppers (HTTP fallback of /aisle/ws)', async () => {
    const widgetTop3 = async (sub: string) => {
      const token = signShopperToken(SECRET, sub, Math.floor(Date.now() / 1000) + 600);
      const res = await fetch(`http://127.0.0.1:${server.port}/aisle/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-aisle-token': token },
        body: JSON.stringify({ after: 0, message: { type: 'message', id: `msg-${sub}-0001`, text: QUERY } }),
      });
      expect(res.status).toBe(200);
      const body = await res.json() as { entries: { role: string; body: { products?: { id: string }[] } }[] };
      return body.entries.find((e) => e.role === 'aisle')!.body.products!.slice(0, 3).map((p) => p.id);
    };
    const [trail, road] = [await widgetTop3('trail'), await widgetTop3('road')];
    expect(trail).toEqual(await chatTop3('shop:trail'));
    expect(trail).not.toEqual(road);
  });

  it('does the same in aisle search --user', async () => {
    const top3 = async (...extra: string[]) => {
      const run = await runCli(['search', QUERY, '--json', '--home', chat.home, ...extra], { AISLE_RERANK_CONTROL_SHARE: '0' });
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as { results: { id: string }[] }).results.slice(0, 3).map((r) => r.id);
    };
    const [trail, road, plain] = [await top3('--user', 'shop:trail'), await top3('--user', 'shop:road'), await top3()];
    expect(trail).toEqual((await apiSearch('', 'trail')).results.slice(0, 3).map((r) => r.id));
    expect(trail).not.toEqual(road);
    expect(plain).toEqual((await apiSearch('')).results.slice(0, 3).map((r) => r.id));
  });
});

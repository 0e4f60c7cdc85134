import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { postMessage, startConnector, type ConnectorStandIn } from '../../support/connector-stand-in.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';
import { openTestChat } from '../../support/chat-home.ts';
import { createShelf } from '../../../src/storefront/shelf.ts';
import { generatedPngPath } from '../../../src/storefront/product-views.ts';
import { pngSize } from '../../../src/storefront/png.ts';
import { rmSync } from 'node:fs';
import { openServeStack } from '../../../src/cli/serve-stack.ts';
import { loadConfig } from '../../../src/config.ts';
import { NO_PUBLIC_URL_WARNING } from '../../../src/channels/public-links.ts';
import { copyChatHome } from '../../support/chat-home.ts';
import { captureLog } from '../../support/log-capture.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const AAD = '6a1b2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b';
/** The one Aisle profile of this Teams user, whichever chat or channel they write in. */
const PROFILE = `teams:${TENANT}:${AAD}`;
const BOT = { id: '28:00000000-0000-0000-0000-00000000a151', name: 'Aisle' };
const ADA = { id: '29:1bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvstKp8tKLl', name: 'Ada Lovelace', aadObjectId: AAD };

type Scope = 'personal' | 'groupChat' | 'channel';
const CONVERSATIONS: Record<Scope, string> = {
  personal: 'a:1Xpersonal-chat-with-ada',
  groupChat: '19:group-chat-id@thread.v2',
  channel: '19:general-channel-id@thread.tacv2;messageid=1700000000000',
};

let sent = 0;
/** An activity as Teams posts it: channelId msteams, a 29: sender with its Entra object id, the tenant on the conversation and in channelData. */
function teamsActivity(serviceUrl: string, scope: Scope, fields: Record<string, unknown>) {
  return {
    id: `teams-in-${++sent}`, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl, locale: 'en-US',
    from: ADA, recipient: BOT,
    conversation: { id: CONVERSATIONS[scope], conversationType: scope, tenantId: TENANT, ...(scope === 'personal' ? {} : { isGroup: true }) },
    channelData: { tenant: { id: TENANT }, ...(scope === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general-channel-id@thread.tacv2' } } : {}) },
    ...fields,
  };
}

describe('POST /api/messages from Microsoft Teams', () => {
  const engine = createEchoEngine();
  let connector: ConnectorStandIn;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    connector = await startConnector();
    server = await listen(createApp({ ...searchDeps, messages: { engine, auth: { environment: 'development' }, links: { baseUrl: 'https://shop.example' } } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const post = (scope: Scope, fields: Record<string, unknown>) => postMessage(base, teamsActivity(connector.url, scope, fields));
  const repliesIn = (scope: Scope) => connector.sentTo(CONVERSATIONS[scope]).map((p) => p.activity).filter((a) => a.type === 'message');

  it('answers a 1:1 chat with product cards Teams can draw, as the Teams user', async () => {
    expect((await post('personal', { type: 'message', text: 'sofas', textFormat: 'plain' })).status).toBe(200);
    expect(engine.turns.at(-1)).toEqual({ conversation: CONVERSATIONS.personal, user: PROFILE, channel: 'msteams', text: 'sofas' });
    const reply = repliesIn('personal')[0]!;
    expect(reply).toMatchObject({ text: 'echo: sofas', attachmentLayout: 'carousel', recipient: { id: ADA.id }, conversation: { id: CONVERSATIONS.personal } });
    expect(reply.attachments.map((a: any) => a.content.version)).toEqual(['1.5', '1.5']);
    expect(reply.attachments[0].content.actions.map((a: any) => a.type)).toEqual(['Action.Execute', 'Action.Execute', 'Action.OpenUrl']);
  });

  it('reads a channel message without the @mention and keeps the same profile there and in a group chat', async () => {
    const mention = { type: 'mention', mentioned: BOT, text: '<at>Aisle</at>' };
    expect((await post('channel', { type: 'message', text: '<at>Aisle</at> sofas', entities: [mention] })).status).toBe(200);
    expect(engine.turns.at(-1)).toEqual({ conversation: CONVERSATIONS.channel, user: PROFILE, channel: 'msteams', text: 'sofas' });
    expect((await post('groupChat', { type: 'message', text: '<at>Aisle</at> hello', entities: [mention] })).status).toBe(200);
    expect(engine.turns.at(-1)).toMatchObject({ conversation: CONVERSATIONS.groupChat, user: PROFILE, text: 'hello' });
  });

  it('runs an Action.Execute press and answers the invoke as Universal Actions expect (200, a message response)', async () => {
    const res = await post('channel', {
      type: 'invoke', name: 'adaptiveCard/action', replyToId: '1700000000001',
      value: { action: { type: 'Action.Execute', verb: 'aisle', data: { type: 'add_to_cart', productId: 'sofa-dune' } }, trigger: 'manual' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done.' });
    expect(engine.turns.at(-1)).toEqual({ conversation: CONVERSATIONS.channel, user: PROFILE, channel: 'msteams', action: { type: 'add_to_cart', productId: 'sofa-dune' } });
    expect(repliesIn('channel').at(-1)!.text).toBe('echo action: {"type":"add_to_cart","productId":"sofa-dune"}');
  });

  it('answers a press of a card it no longer understands (unknown data or verb) in words, in the invoke response and the chat', async () => {
    const turns = engine.turns.length;
    const res = await post('personal', {
      type: 'invoke', name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'aisle', data: { type: 'old_button', sku: 'x' } }, trigger: 'manual' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining("can't use any more") });
    const otherVerb = await post('personal', {
      type: 'invoke', name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'checkout', data: { type: 'details', productId: 'sofa-dune' } }, trigger: 'manual' },
    });
    expect(otherVerb.status).toBe(200);
    expect(await otherVerb.json()).toMatchObject({ statusCode: 200, value: expect.stringContaining("can't use any more") });
    expect(engine.turns.length).toBe(turns);
  });

  it('runs an Action.Submit press from an older Teams client (a message whose value is the data, with Teams\' own msteams field)', async () => {
    expect((await post('personal', { type: 'message', value: { type: 'details', productId: 'sofa-harbor', msteams: { type: 'messageBack' } } })).status).toBe(200);
    expect(engine.turns.at(-1)).toEqual({ conversation: CONVERSATIONS.personal, user: PROFILE, channel: 'msteams', action: { type: 'details', productId: 'sofa-harbor' } });
  });

  it('greets the user who installs the app in a 1:1 chat, and nobody when someone joins a team', async () => {
    const before = engine.turns.length;
    expect((await post('channel', { type: 'conversationUpdate', membersAdded: [{ id: '29:newcomer', aadObjectId: 'f0f0f0f0-0000-0000-0000-000000000000' }] })).status).toBe(200);
    expect(engine.turns.length).toBe(before);
    expect((await post('personal', { type: 'conversationUpdate', membersAdded: [BOT] })).status).toBe(200);
    expect(engine.turns.at(-1)).toEqual({ conversation: CONVERSATIONS.personal, user: PROFILE, channel: 'msteams', text: 'hello' });
  });

  it('refuses a caller who names a Teams profile as its own id (400), from any channel', async () => {
    const forged = await postMessage(base, { ...teamsActivity(connector.url, 'personal', { type: 'message', text: 'my orders' }), channelId: 'webchat', from: { id: PROFILE } });
    expect(forged.status).toBe(400);
    expect((await forged.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('teams:') });
  });
});

/** The real engine and the demo storefront behind /api/messages, this server being the public URL Teams fetches from. */
describe('Teams cards from the real engine over the demo catalog', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let connector: ConnectorStandIn;
  let server: RunningServer;
  let base: string;
  const links: { baseUrl?: string; pageFor: (id: string) => string; imageFor: (id: string) => string } = {
    pageFor: (id) => `/products/${encodeURIComponent(id)}`, imageFor: generatedPngPath,
  };

  beforeAll(async () => {
    chat = await openTestChat();
    connector = await startConnector();
    const { search, manifest, products } = chat.stack;
    const app = createApp({ search, manifest, storefront: { shelf: createShelf(products), search }, messages: { engine: chat.engine, auth: { environment: 'development' }, links } });
    server = await listen(app, 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await chat?.close();
  });

  async function searchCards(conversation: string) {
    const activity = { ...teamsActivity(connector.url, 'personal', { type: 'message', text: 'show me sofas' }), conversation: { id: conversation, conversationType: 'personal', tenantId: TENANT } };
    expect((await postMessage(base, activity)).status).toBe(200);
    const carousel = connector.sentTo(conversation).map((p) => p.activity).find((a) => a.attachmentLayout === 'carousel');
    expect(carousel, 'a carousel of product cards').toBeDefined();
    return carousel!;
  }
  const urlsOf = (card: any): string[] => [
    ...card.content.body.filter((e: any) => e.type === 'Image').map((e: any) => e.url),
    ...card.content.actions.filter((a: any) => a.type === 'Action.OpenUrl').map((a: any) => a.url),
  ];

  it('gives every card a PNG picture and a store link under the public URL, and the picture loads as a PNG', async () => {
    links.baseUrl = base;
    const carousel = await searchCards('a:teams-public-url');
    expect(carousel.attachments.length).toBeGreaterThan(0);
    expect(carousel.attachments.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(carousel).length * 2).toBeLessThanOrEqual(28 * 1024);
    for (const card of carousel.attachments) {
      const [picture, page] = urlsOf(card);
      expect(picture).toMatch(new RegExp(`^${base}/images/[^/]+\\.png$`));
      expect(page).toMatch(new RegExp(`^${base}/products/`));
    }
    const res = await fetch(urlsOf(carousel.attachments[0])[0]!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 400, height: 400 });
    expect((await fetch(urlsOf(carousel.attachments[0])[1]!, { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('sends no relative link when no public URL is configured: cards go out without picture and store link', async () => {
    links.baseUrl = undefined;
    const carousel = await searchCards('a:teams-no-public-url');
    expect(carousel.attachments.length).toBeGreaterThan(0);
    for (const card of carousel.attachments) expect(urlsOf(card)).toEqual([]);
    expect(JSON.stringify(carousel)).not.toMatch(/"url":"\//);
  });
});

/** What `aisle serve` wires: the public URL from AISLE_PUBLIC_URL, the storefront's PNG pictures, the warning without it. */
describe("aisle serve's /api/messages and AISLE_PUBLIC_URL", () => {
  const home = copyChatHome();
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  async function serveTurn(env: Record<string, string>) {
    const captured = captureLog('info');
    const stack = await openServeStack(loadConfig({ AISLE_WIDGET: 'off', ...env }, { home }, process.cwd(), process.cwd()), captured.log);
    const connector = await startConnector();
    const server = await listen(stack.app, 0, '127.0.0.1');
    try {
      const activity = { ...teamsActivity(connector.url, 'personal', { type: 'message', text: 'show me sofas' }), conversation: { id: 'a:serve', conversationType: 'personal', tenantId: TENANT } };
      expect((await postMessage(`http://127.0.0.1:${server.port}`, activity)).status).toBe(200);
      const carousel = connector.sentTo('a:serve').map((p) => p.activity).find((a) => a.attachmentLayout === 'carousel');
      expect(carousel, 'a carousel of product cards').toBeDefined();
      return { carousel: carousel!, warnings: captured.lines.filter((l) => l.msg === NO_PUBLIC_URL_WARNING) };
    } finally {
      await server.close();
      await connector.close();
      await stack.close();
    }
  }

  it('builds card links on AISLE_PUBLIC_URL, and warns once at start when it is unset', async () => {
    const configured = await serveTurn({ AISLE_PUBLIC_URL: 'https://aisle.example.com' });
    expect(configured.warnings).toEqual([]);
    const card = configured.carousel.attachments[0].content;
    const id = card.actions[0].data.productId as string;
    expect(card.body[0]).toMatchObject({ type: 'Image', url: `https://aisle.example.com/images/${encodeURIComponent(id)}.png` });
    expect(card.actions.at(-1)).toEqual({ type: 'Action.OpenUrl', title: 'View in store', url: `https://aisle.example.com/products/${encodeURIComponent(id)}` });

    const unset = await serveTurn({});
    expect(unset.warnings).toHaveLength(1);
    expect(unset.warnings[0]!.level).toBe('warn');
    expect(JSON.stringify(unset.carousel)).not.toMatch(/"url":/);
  });
});

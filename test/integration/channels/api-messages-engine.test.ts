import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredProduct } from '../../../src/domain.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { openTestChat } from '../../support/chat-home.ts';
import { postMessage, startConnector, webChatActivity, type ConnectorStandIn, type Posted } from '../../support/connector-stand-in.ts';

/** The real conversation engine behind /api/messages, answering a Web Chat shopper through a stand-in Bot Connector. */
describe('POST /api/messages with the real engine', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let connector: ConnectorStandIn;
  let server: RunningServer;
  let base: string;
  let sent = 0;

  beforeAll(async () => {
    chat = await openTestChat();
    connector = await startConnector();
    const { search, manifest } = chat.stack;
    server = await listen(createApp({ search, manifest, messages: { engine: chat.engine, auth: { environment: 'development' } } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await chat?.close();
  });

  const product = (id: string): StoredProduct => chat.stack.search.product(id)!;
  /**
   * Posts one activity (each with its own id, as a channel sends them) and returns what the bot posted
   * into the conversation while handling it: the adapter answers the request only after the turn's replies went out.
   */
  async function post(conversation: string, fields: Record<string, unknown>): Promise<{ status: number; body: unknown; replies: Posted[] }> {
    const before = connector.sentTo(conversation).length;
    const res = await postMessage(base, webChatActivity(connector.url, conversation, { id: `${conversation}-in-${++sent}`, ...fields }));
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body, replies: connector.sentTo(conversation).slice(before) };
  }
  /** The message activities of a turn, after checking the shopper saw "typing…" first. */
  function messagesOf(replies: Posted[]): Record<string, any>[] {
    expect(replies[0]?.activity.type).toBe('typing');
    const messages = replies.map((r) => r.activity).filter((a) => a.type === 'message');
    expect(messages.length).toBeGreaterThan(0);
    return messages;
  }
  /** Product id (from the card's buttons) and title of each Adaptive Card in a turn's carousel. */
  function cardsOf(messages: Record<string, any>[]): { id: string; title: string }[] {
    const carousel = messages.find((m) => m.attachmentLayout === 'carousel');
    expect(carousel, 'a carousel of product cards').toBeDefined();
    return carousel!.attachments.map((a: any) => {
      expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const id: string = a.content.actions.find((x: any) => x.type === 'Action.Execute').data.productId;
      const title: string = a.content.body.find((e: any) => e.type === 'TextBlock' && e.weight === 'Bolder').text;
      return { id, title };
    });
  }

  it('searches, narrows, adds to the cart and hands over, all through the Bot Connector', async () => {
    const conversation = chat.newConversation();

    const search = await post(conversation, { type: 'message', text: 'show me sofas' });
    expect(search.status).toBe(200);
    const first = cardsOf(messagesOf(search.replies));
    expect(first.length).toBeGreaterThan(0);
    for (const card of first) {
      expect(product(card.id), `${card.id} is in the catalog`).toBeDefined();
      expect(product(card.id).title).toBe(card.title);
      expect(product(card.id).category).toContain('Sofas');
    }
    const prices = first.map((c) => product(c.id).price!).sort((a, b) => a - b);
    const median = prices.length % 2 ? prices[prices.length >> 1]! : (prices[prices.length / 2 - 1]! + prices[prices.length / 2]!) / 2;

    const cheaper = await post(conversation, { type: 'message', text: 'cheaper' });
    expect(cheaper.status).toBe(200);
    const second = cardsOf(messagesOf(cheaper.replies));
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((c) => product(c.id).price! <= median), `all at or below the median ${median}`).toBe(true);

    const pick = [...second.map((c) => product(c.id)), ...(await chat.stack.store.all())]
      .find((p) => p.availability === 'in_stock' && p.sizes.length <= 1)!;
    expect(pick).toBeDefined();
    const press = await post(conversation, {
      type: 'invoke', name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'aisle', data: { type: 'add_to_cart', productId: pick.id } }, trigger: 'manual' },
    });
    expect(press.status).toBe(200);
    expect(press.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done.' });
    const carted = messagesOf(press.replies).flatMap((m) => m.channelData?.aisle?.actions ?? []);
    expect(carted).toContainEqual(expect.objectContaining({ type: 'add_to_cart', productId: pick.id, quantity: 1 }));

    const human = await post(conversation, { type: 'message', text: 'talk to a human' });
    expect(human.status).toBe(200);
    const handoff = messagesOf(human.replies).map((m) => m.channelData?.aisle?.handoff).find(Boolean);
    // The person who picks it up sees what the shopper was looking for.
    expect(handoff).toMatchObject({ reason: 'requested', summary: expect.stringContaining('show me sofas') });
  });

  it('greets a shopper who joins the conversation', async () => {
    const conversation = chat.newConversation();
    const members = [{ id: 'aisle-bot', name: 'Aisle' }, { id: 'user-1', name: 'Shopper' }];
    const joined = await post(conversation, { type: 'conversationUpdate', membersAdded: members });
    expect(joined.status).toBe(200);
    const [greeting] = messagesOf(joined.replies);
    expect(greeting!.text).toMatch(/^Hi!/);
    expect(greeting!.suggestedActions.actions.length).toBeGreaterThan(0);
  });
});

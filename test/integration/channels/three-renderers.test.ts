import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderActivities } from '../../../src/channels/activity-renderer.ts';
import { parseTurnAction } from '../../../src/channels/adaptive-cards.ts';
import { renderSlackMessage, turnOfSlackAction } from '../../../src/channels/slack-renderer.ts';
import { renderWidgetReply } from '../../../src/channels/widget-renderer.ts';
import type { Reply, TurnAction } from '../../../src/conversation/reply.ts';
import type { TurnInput } from '../../../src/conversation/turn.ts';
import { openTestChat } from '../../support/chat-home.ts';

/** What a shopper can see and do with one reply, whatever draws it. */
interface Carried {
  products: string[];
  /** The card buttons each product carries, as the turns they send back (the widget draws the same two on every tile). */
  buttons: TurnAction[];
  compared: string[];
  cart: { type: string; productId: string; quantity: number }[];
  suggestions: string[];
  handoff: boolean;
  /** Sources as the shopper can open them: absolute addresses (a relative one resolved against Aisle's public URL). */
  citations: { title: string; url: string }[];
  /** The thumbs, as the turns they send back. */
  thumbs: TurnAction[];
}

/** AISLE_PUBLIC_URL for Slack and Activities; the widget resolves a path against its data-aisle-url, the same origin. */
const BASE = 'https://aisle.example';
const isThumb = (a: TurnAction) => a.type === 'feedback';

function fromWidget(reply: Reply): Carried {
  const w = renderWidgetReply(reply);
  const products = (w.products ?? []).map((p) => p.id);
  return {
    products,
    buttons: products.flatMap((productId) => [{ type: 'details', productId }, { type: 'add_to_cart', productId }] as TurnAction[]),
    compared: w.comparison?.products.map((p) => p.title) ?? [],
    cart: (w.cart ?? []).map((a) => ({ type: a.type, productId: a.productId, quantity: a.quantity })),
    suggestions: w.suggestions ?? [],
    handoff: w.handoff !== undefined,
    citations: (w.citations ?? []).map((c) => ({ title: c.title, url: new URL(c.url!, BASE).href })),
    // The panel draws two thumbs, Helpful then Not helpful, each sending this action.
    thumbs: w.feedback ? [true, false].map((helpful) => ({ type: 'feedback', answer: w.feedback!.answer, helpful })) : [],
  };
}

function fromSlack(reply: Reply): Carried {
  const m = renderSlackMessage(reply, { baseUrl: BASE }) as unknown as { blocks: any[]; metadata?: { event_payload: { cart?: any[]; handoff_reason?: string } } };
  const turns = m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements).map((e: any) => turnOfSlackAction(e.action_id, e.value)!);
  const actions = turns.flatMap((t) => ('action' in t ? [t.action] : []));
  const buttons = actions.filter((a) => !isThumb(a));
  const sources = m.blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements).flatMap((e: any) => [...e.text.matchAll(/^Source: <([^|>]+)\|([^>]*)>$/g)]);
  return {
    products: [...new Set(buttons.flatMap((a) => ('productId' in a ? [a.productId] : [])))],
    buttons,
    compared: m.blocks.filter((b) => b.type === 'section' && b.fields).flatMap((b) => (b.text ? [slackUnescape(b.text.text.match(/^\*(.*)\* · /)[1])] : [])),
    cart: (m.metadata?.event_payload.cart ?? []).map((a) => ({ type: a.type, productId: a.product_id, quantity: a.quantity })),
    suggestions: turns.flatMap((t) => ('text' in t ? [t.text] : [])),
    handoff: m.metadata?.event_payload.handoff_reason !== undefined,
    citations: sources.map((x: RegExpMatchArray) => ({ title: slackUnescape(x[2]!), url: x[1]! })),
    thumbs: actions.filter(isThumb),
  };
}

/** Text as Slack shows it: its three escapes undone. */
const slackUnescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function fromActivity(reply: Reply): Carried {
  const [a] = renderActivities([reply], { links: { baseUrl: BASE } }) as any[];
  const cards = (a.attachments ?? []).map((x: any) => x.content);
  const actions: TurnAction[] = cards.flatMap((c: any) => (c.actions ?? []).flatMap((b: any) => parseTurnAction(b.data) ?? []));
  const buttons = actions.filter((b) => !isThumb(b));
  // "Source: [Title](url)" lines after the text, the title's Markdown escapes undone.
  const sources = [...(a.text as string).matchAll(/^Source: \[((?:\\.|[^\]\\])*)\]\(([^)]+)\)$/gm)];
  const table = cards.flatMap((c: any) => c.body).find((e: any) => e.type === 'Table');
  return {
    products: [...new Set(buttons.flatMap((b) => ('productId' in b ? [b.productId] : [])))],
    buttons,
    compared: table ? table.rows[0].cells.slice(1).map((cell: any) => cell.items[0].text) : [],
    cart: (a.channelData?.aisle?.actions ?? []).map((x: any) => ({ type: x.type, productId: x.productId, quantity: x.quantity })),
    suggestions: (a.suggestedActions?.actions ?? []).map((x: any) => x.value),
    handoff: a.channelData?.aisle?.handoff !== undefined,
    citations: sources.map((x) => ({ title: x[1]!.replace(/\\(.)/g, '$1'), url: x[2]! })),
    thumbs: actions.filter(isThumb),
  };
}

/** Part 5 of issue 11: one scripted conversation through the real engine, drawn by the widget, Slack and Activity renderers. */
describe('one conversation engine, three renderers', () => {
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  beforeAll(async () => { chat = await openTestChat(); });
  afterAll(async () => { await chat?.close(); });

  it('carries the same products, card actions, cart changes, suggestions, handoff, sources and thumbs in the widget, Slack and Activities', async () => {
    const conversation = chat.newConversation();
    const turn = async (input: Omit<TurnInput, 'conversation' | 'user'>) => (await chat.engine.handle({ conversation, user: 'u-three', channel: 'test', ...input })).replies;
    const replies: Reply[] = [];
    const search = await turn({ text: 'show me sofas' });
    replies.push(...search, ...await turn({ text: 'cheaper' }), ...await turn({ text: 'compare the first two' }));
    const shown = replies.flatMap((r) => r.products ?? []).map((p) => chat.stack.search.product(p.id)!);
    const pick = shown.find((p) => p.availability === 'in_stock' && p.sizes.length <= 1);
    expect(pick, 'an in-stock sofa in one size').toBeDefined();
    replies.push(...await turn({ action: { type: 'add_to_cart', productId: pick!.id } }), ...await turn({ text: 'talk to a person' }));
    // Issue 12: a help-centre answer, in a conversation of its own (the one above is with a person now).
    const help = (await chat.engine.handle({ conversation: chat.newConversation(), user: 'u-three', channel: 'test', text: 'how long do refunds take to reach my card?' })).replies;
    replies.push(...help);

    // The script exercised every kind of content.
    expect(replies.some((r) => r.products?.length)).toBe(true);
    expect(replies.some((r) => r.comparison)).toBe(true);
    expect(replies.some((r) => r.suggestions?.length)).toBe(true);
    expect(replies.some((r) => r.actions?.some((a) => a.type === 'add_to_cart' && a.productId === pick!.id))).toBe(true);
    expect(replies.some((r) => r.handoff)).toBe(true);
    expect(help.find((r) => r.citations?.length), 'a help answer with its source').toMatchObject({ citations: [{ title: 'Refunds', url: '/help/refunds' }], feedback: {} });

    for (const reply of replies) {
      const widget = fromWidget(reply);
      expect(widget.products).toEqual((reply.products ?? []).map((p) => p.id));
      expect(widget.suggestions).toEqual(reply.suggestions ?? []);
      expect(widget.citations).toEqual((reply.citations ?? []).map((c) => ({ title: c.title, url: `${BASE}${c.url}` })));
      expect(widget.thumbs).toHaveLength(reply.feedback ? 2 : 0);
      expect(fromSlack(reply), `Slack draws "${reply.text}" as the widget does`).toEqual(widget);
      expect(fromActivity(reply), `Activities carry "${reply.text}" as the widget does`).toEqual(widget);
    }
  });
});

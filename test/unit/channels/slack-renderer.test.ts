import { describe, expect, it } from 'vitest';
import { aisleIds, plainText, turnOfAction, turnOfMessage } from '../../../src/channels/slack-inbound.ts';
import { SLACK_LIMITS, clip, renderSlackMessage, turnOfSlackAction } from '../../../src/channels/slack-renderer.ts';
import type { ProductCard } from '../../../src/conversation/reply.ts';
import { ECHO_SOFAS } from '../../support/echo-engine.ts';

type Block = Record<string, any>;
/** The message as loose JSON, as Slack reads it. */
const render = (...args: Parameters<typeof renderSlackMessage>) => renderSlackMessage(...args) as unknown as { text: string; blocks: Block[]; metadata?: Block };
const buttonsOf = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);

describe('renderSlackMessage', () => {
  it('draws each product as a section with its picture and Details / Add to cart buttons carrying its id', () => {
    const { text, blocks } = render({ text: 'Two sofas', products: ECHO_SOFAS, suggestions: ['Cheaper'] }, {
      baseUrl: 'https://shop.example/', pageFor: (id) => `/products/${id}`,
    });
    expect(text).toBe('Two sofas');
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Two sofas' } });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*<https://shop.example/p/sofa-harbor|Harbor Linen Sofa>*\nAcme Home\n$899.00 · ★ 4.5 (128) · In stock' },
      accessory: { type: 'image', image_url: 'https://shop.example/img/harbor.jpg', alt_text: 'Harbor Linen Sofa' },
    });
    expect(buttonsOf([blocks[2]!]).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Details', 'aisle:details:sofa-harbor', 'sofa-harbor'], ['Add to cart', 'aisle:add_to_cart:sofa-harbor', 'sofa-harbor'],
    ]);
    // No catalog picture, and a relative page made absolute from the public address.
    expect(blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*<https://shop.example/products/sofa-dune|Dune Velvet Sofa>*\n$1,249.50 · Backorder' } });
    expect(buttonsOf([blocks.at(-1)!]).map((b) => [b.text.text, b.action_id, b.value])).toEqual([['Cheaper', 'aisle:say:0', 'Cheaper']]);
  });

  it('reads its buttons back as the turns they stand for', () => {
    const { blocks } = render({ text: 'x', products: ECHO_SOFAS, suggestions: ['Under $1000'] });
    expect(buttonsOf(blocks).map((b) => turnOfSlackAction(b.action_id, b.value))).toEqual([
      { action: { type: 'details', productId: 'sofa-harbor' } }, { action: { type: 'add_to_cart', productId: 'sofa-harbor' } },
      { action: { type: 'details', productId: 'sofa-dune' } }, { action: { type: 'add_to_cart', productId: 'sofa-dune' } },
      { text: 'Under $1000' },
    ]);
    expect(turnOfSlackAction('someone-else:details', 'x')).toBeUndefined();
  });

  it('never lets catalog text become a link or mention, and draws no SVG or javascript: picture', () => {
    const evil: ProductCard = { ...ECHO_SOFAS[1]!, title: '<!channel> <https://evil.example|click> & co', imageUrl: '/images/x.svg', url: 'javascript:alert(1)' };
    const { text, blocks } = render({ text: 'a <b> & c', products: [evil] }, { baseUrl: 'https://shop.example' });
    expect(text).toBe('a &lt;b&gt; &amp; c');
    expect(blocks[1]!.text.text).toBe('*&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; co*\n$1,249.50 · Backorder');
    expect(blocks[1]!.accessory).toBeUndefined();
  });

  it('draws a comparison as fields, one section a product, ten fields at most', () => {
    const rows = Array.from({ length: 13 }, (_, i) => ({ label: `Row ${i}`, values: [`a${i}`, i === 0 ? null : `b${i}`] }));
    const { blocks } = render({ text: 'Side by side', comparison: { products: ECHO_SOFAS, rows } });
    const sections = blocks.slice(1);
    expect(sections.map((s) => s.fields.length)).toEqual([10, 3, 10, 3]);
    expect(sections[0]!.text.text).toBe('*Harbor Linen Sofa* · $899.00');
    expect(sections[0]!.fields[0]).toEqual({ type: 'mrkdwn', text: '*Row 0*\na0' });
    expect(sections[2]!.fields[0].text).toBe('*Row 0*\n—');
    expect(sections[1]!.text).toBeUndefined();
  });

  it('keeps within Slack\'s limits: 50 blocks, 3000-character text, 75-character buttons, 25 buttons to a block', () => {
    const many: ProductCard[] = Array.from({ length: 40 }, (_, i) => ({ ...ECHO_SOFAS[0]!, id: `p${i}`, title: `Sofa ${i} ${'x'.repeat(600)}` }));
    const suggestions = Array.from({ length: 30 }, (_, i) => `${i} ${'long words '.repeat(10)}`);
    const { text, blocks } = render({ text: 'y'.repeat(5000), products: many, suggestions, actions: [{ type: 'add_to_cart', productId: 'p1', quantity: 1 }] });
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(Array.from(text).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    for (const b of blocks) {
      if (b.text) expect(Array.from(b.text.text as string).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === 'actions') expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
    }
    for (const button of buttonsOf(blocks)) expect(Array.from(button.text.text as string).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
    // All 30 chips and the cart note kept; products cut to fit, with a line saying how many more there are.
    expect(buttonsOf(blocks).filter((b) => b.action_id.startsWith('aisle:say:'))).toHaveLength(30);
    const shown = buttonsOf(blocks).filter((b) => b.action_id.startsWith('aisle:details:')).length;
    expect(shown).toBeGreaterThan(10);
    expect(JSON.stringify(blocks)).toContain(`${40 - shown} more not shown here.`);
    expect(JSON.stringify(blocks)).toContain('Added 1 × `p1`');
  });

  it('never sends an empty message: an action-only reply says what happens, and carries the cart change as metadata', () => {
    const carted = render({ text: '', actions: [{ type: 'add_to_cart', productId: 'p1', quantity: 1, variantSku: 'p1-L' }] });
    expect(carted.text).toBe('Adding that to your cart.');
    expect(carted.metadata).toEqual({ event_type: 'aisle_reply', event_payload: { cart: [{ type: 'add_to_cart', product_id: 'p1', quantity: 1, variant_sku: 'p1-L' }] } });
    expect(render({ text: 'hi' }).metadata).toBeUndefined();
    expect(render({ text: '', handoff: { reason: 'requested', summary: 's' } }).blocks.at(-1)).toMatchObject({ type: 'context' });
  });

  it('clips by code points, never splitting a surrogate pair', () => {
    expect(clip('🛋️🛋️🛋️', 3)).toBe('🛋️…');
    expect(clip('short', 75)).toBe('short');
  });
});

describe('Slack events as turns', () => {
  it('reads a DM and a mention, drops mentions and unescapes, and ignores bots, edits and other channels', () => {
    const dm = turnOfMessage({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'sofas &lt; $900 &amp; <https://x.example|this>', ts: '1.1' }, 'T1');
    expect(dm).toEqual({ place: { team: 'T1', channel: 'D1', user: 'U1', threadTs: '1.1', direct: true }, input: { text: 'sofas < $900 & this' } });
    expect(aisleIds(dm!.place)).toEqual({ conversation: 'slack:T1:D1', user: 'slack:T1:U1' });
    const mention = turnOfMessage({ type: 'app_mention', channel: 'C1', user: 'U2', text: '<@UBOT> lamps', ts: '2.2', thread_ts: '1.0' }, 'T1');
    expect(mention?.place).toEqual({ team: 'T1', channel: 'C1', user: 'U2', threadTs: '1.0', direct: false });
    expect(aisleIds(mention!.place)).toEqual({ conversation: 'slack:T1:C1:1.0:U2', user: 'slack:T1:U2' });
    expect(turnOfMessage({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', bot_id: 'B1', text: 'hi', ts: '1' }, 'T1')).toBeUndefined();
    expect(turnOfMessage({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D1', ts: '1' }, 'T1')).toBeUndefined();
    expect(turnOfMessage({ type: 'message', channel_type: 'channel', channel: 'C1', user: 'U1', text: 'hi', ts: '1' }, 'T1')).toBeUndefined();
    expect(turnOfMessage({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT>', ts: '1' }, 'T1')).toBeUndefined();
  });

  it('reads a button press in the thread of the message that carries it', () => {
    const turn = turnOfAction({
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1' }, channel: { id: 'D1' },
      message: { ts: '5.5', thread_ts: '1.1' }, actions: [{ action_id: 'aisle:add_to_cart:p1', value: 'p1' }],
    });
    expect(turn).toEqual({ place: { team: 'T1', channel: 'D1', user: 'U1', threadTs: '1.1', direct: true }, input: { action: { type: 'add_to_cart', productId: 'p1' } } });
  });

  it('writes links as their label and drops user, channel and @here mentions', () => {
    expect(plainText('<@U123|aisle> hi <!here> <#C1|general> <mailto:a@b.example|mail me>')).toBe('hi mail me');
  });
});

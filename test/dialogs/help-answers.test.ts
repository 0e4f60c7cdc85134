import { describe, expect, it } from 'vitest';
import { createHelpCentre } from '../../src/support/help-centre.ts';
import { createHelpDesk } from '../../src/support/help-desk.ts';
import { parseMarkdownArticle } from '../../src/support/markdown-article.ts';
import { standInChat, textOf } from './stand-in-chat.ts';

const ARTICLES = [
  ['refunds', '# Refunds\n\n## When will I get my refund?\n\nA refund is issued within 3 business days of the return arriving. A refund to PayPal takes 3 to 5 business days.\n'],
  ['gift-cards', '# Gift cards\n\n## Do gift cards expire?\n\nGift cards never expire.\n'],
].map(([id, text]) => parseMarkdownArticle(text!, id!, `${id}.md`, '/help/'));

/**
 * Words alone rank (no encoder). Two articles give BM25 little weight, so the bars are scaled down to this
 * help centre, as a store calibrating on its own questions would: unsure below 4, worth asking from 1.
 */
const BARS = { confident: { lexical: 4, semantic: 2 }, clarify: { lexical: 1, semantic: 2 } };
function helpChat() {
  return standInChat(undefined, { support: createHelpDesk(createHelpCentre(ARTICLES), BARS) });
}

describe('help-centre answers in the conversation', () => {
  it('asks which article is meant when unsure, and answers the title picked from that article, whatever the classifier reads', async () => {
    const chat = helpChat();
    const unsure = await chat.say('when do i see the money for my paypal refund', 'return_policy');
    expect(unsure[0]!.suggestions).toEqual(['Refunds', 'Gift cards', 'Talk to a person']);
    expect(chat.state.pending).toEqual({ kind: 'help-topic', options: ['Refunds', 'Gift cards'] });
    // The chip's words read as a product search to the classifier: the pending question wins.
    const picked = await chat.say('Refunds', 'product_search');
    expect(picked[0]).toMatchObject({ citations: [{ title: 'Refunds', url: '/help/refunds' }], feedback: { answer: 'refunds#1' } });
    expect(textOf(picked)).toMatch(/^A refund is issued within 3 business days/);
  });

  it('a thumbs down offers a person, and "yes" hands over', async () => {
    const chat = helpChat();
    await chat.say('do gift cards expire', 'out_of_scope');
    await chat.say('Gift cards', 'not_sure');
    const down = await chat.press({ type: 'feedback', answer: 'gift-cards#1', helpful: false });
    expect(textOf(down)).toMatch(/shall I connect you/);
    const yes = await chat.say('yes', 'not_sure');
    expect(yes.some((r) => r.handoff)).toBe(true);
  });

  it('a thumbs up is thanked and changes nothing else', async () => {
    const chat = helpChat();
    const before = chat.state;
    const up = await chat.press({ type: 'feedback', answer: 'refunds#1', helpful: true });
    expect(textOf(up)).toMatch(/Glad that helped/);
    expect(chat.state).toEqual(before);
  });

  it('offers a person, not a list of articles, when the closest ones are far off or the topic is one order or a complaint', async () => {
    const far = helpChat();
    expect(textOf(await far.say('do you do gift wrapping?', 'not_sure'))).toMatch(/person from our team/);
    const order = helpChat();
    const where = await order.say('when do i see the money for my paypal refund', 'refund_status');
    expect(where[0]!.suggestions).not.toContain('Refunds');
    expect(order.state.pending?.kind).not.toBe('help-topic');
    const angry = helpChat();
    const complaint = await angry.say('this refund business is ridiculous', 'complaint');
    expect(complaint[0]!.suggestions).not.toContain('Refunds');
    expect(textOf(complaint)).toMatch(/sorry to hear that.*shall I connect you/);
  });
});

describe('a shopper losing patience', () => {
  it('gets the answer to what they asked, then an apology and the offer of a person; "yes" hands over with the reason', async () => {
    const chat = helpChat();
    const replies = await chat.say('this is useless, do gift cards expire or not', 'return_policy', undefined, 0.9, { frustrated: true });
    expect(textOf(replies)).toMatch(/sorry this has been frustrating.*connect you with a person/s);
    expect(chat.state.pending).toEqual({ kind: 'confirm-handoff', reason: 'frustration' });
    const yes = await chat.say('yes', 'not_sure');
    expect(yes.find((r) => r.handoff)?.handoff?.reason).toBe('frustration');
  });

  it('is not offered a person twice when the reply already offers one', async () => {
    const chat = helpChat();
    const replies = await chat.say('get me a human, this is useless', 'human_agent', undefined, 0.3, { frustrated: true });
    expect(textOf(replies).match(/connect you/g)).toHaveLength(1);
  });
});

describe('topics the store has a person handle (AISLE_HUMAN_ONLY_TOPICS)', () => {
  it('hands a complaint over at once, with the topic as the reason, and answers other topics as before', async () => {
    const chat = standInChat(undefined, { support: createHelpDesk(createHelpCentre(ARTICLES), BARS), humanOnly: ['complaint'] });
    const replies = await chat.say('I want to complain about my last delivery', 'complaint');
    expect(replies.find((r) => r.handoff)?.handoff?.reason).toBe('support_topic');
    expect(textOf(replies)).toMatch(/passing you to them now/);
    const other = standInChat(undefined, { support: createHelpDesk(createHelpCentre(ARTICLES), BARS), humanOnly: ['complaint'] });
    expect((await other.say('Refunds', 'refund_status')).some((r) => r.handoff)).toBe(false);
  });
});


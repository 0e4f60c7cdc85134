import { describe, expect, it } from 'vitest';
import { handedOver, shownIds, standInChat, textOf } from './stand-in-chat.ts';

// The intents are what the intent model gave on the dev conversations (bench/dev/README-conversations.md):
// wrong topics that the words and the conversation so far put right.
describe('support: topics read against the words and the conversation', () => {
  it('a bare order code is an order look-up, with or without the bot asking for it', async () => {
    expect(textOf(await standInChat().say('A10234', 'not_sure', {}, 0.23))).toMatch(/where an order is.*order A10234/);
    const chat = standInChat();
    expect(textOf(await chat.say("where's my order", 'order_status'))).toMatch(/order number/);
    // Mixed letters and digits count once an order topic is open; the model read this one as a refund.
    expect(textOf(await chat.say('A1B2C3', 'request_refund', {}, 0.97))).toMatch(/where an order is.*order A1B2C3/);
  });

  it('a code after "cancel my order" continues the cancellation', async () => {
    const chat = standInChat();
    await chat.say('I want to cancel my order', 'cancel_order');
    expect(textOf(await chat.say('5521', 'request_refund', {}, 0.6))).toMatch(/cancel an order, order 5521/);
  });

  it('"I don\'t have the number" is no "no" to a person: it offers another way', async () => {
    const chat = standInChat();
    await chat.say('where is my package', 'order_status');
    const replies = await chat.say("I don't have the number", 'contact_support', {}, 0.64);
    expect(textOf(replies)).toMatch(/find your order from your name or e-mail/);
    expect(chat.state.pending?.kind).toBe('confirm-handoff');
    expect(handedOver(await chat.say('yes', 'not_sure'))).toBe(true);
  });

  it.each([
    ['I got a damaged item', 'place_order'],
    ['they arrived broken', 'complaint'],
    ['one of the glasses was shattered', 'out_of_scope'],
    ['my lamp arrived broken', 'product_search'],
  ] as const)('"%s" (read as %s) goes to returns, not a search', async (text, intent) => {
    const chat = standInChat();
    const replies = await chat.say(text, intent, undefined, 0.5);
    expect(textOf(replies)).toMatch(/return or exchange a purchase/);
    expect(chat.searches).toHaveLength(0);
  });

  it('wanting a new one is still a search', async () => {
    const chat = standInChat();
    await chat.say('I need a new lamp, mine is broken', 'product_search');
    expect(chat.searches.length).toBeGreaterThan(0);
  });

  it.each([
    ['do you do gift wrapping?', 'payment_methods', 0.27],
    ['do you do gift wrapping?', 'not_sure', 0.27],
    ['do you offer assembly', 'delivery_options', 0.49],
    ['is there a warranty', 'out_of_scope', 0.39],
  ] as const)('"%s" (read as %s) gets an honest "I don\'t know" and a person, not a search or a wrong topic', async (text, intent, confidence) => {
    const chat = standInChat();
    const replies = await chat.say(text, intent, {}, confidence);
    expect(textOf(replies)).toMatch(/don't have that information.*connect you/);
    expect(shownIds(replies)).toHaveLength(0);
  });

  it('"do you do …" about something the store sells is not a service question', async () => {
    const chat = standInChat();
    await chat.say('do you do velvet sofas', 'not_sure', {}, 0.3, { catalogWords: true });
    expect(chat.searches.length).toBeGreaterThan(0);
  });

  it('a follow-up with no topic words stays on the refund, not delivery', async () => {
    const chat = standInChat();
    await chat.say('I asked for a refund two weeks ago and nothing', 'refund_status');
    const replies = await chat.say('how long is it supposed to take', 'delivery_period', {}, 0.97);
    expect(textOf(replies)).toMatch(/where a refund is/);
    expect(textOf(replies)).not.toMatch(/delivery/);
  });

  it('a confident reading with its own words is kept, and a search ends the topic', async () => {
    const chat = standInChat();
    await chat.say('I asked for a refund', 'request_refund');
    expect(textOf(await chat.say('how long does shipping take', 'delivery_period'))).toMatch(/how long delivery takes/);
    await chat.say('blue sofas', 'product_search');
    expect(chat.state.supportTopic).toBeUndefined();
  });
});

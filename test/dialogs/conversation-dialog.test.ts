import { describe, expect, it } from 'vitest';
import { handedOver, product, shownIds, standInChat, textOf, type Says } from './stand-in-chat.ts';

describe('conversation: greetings, help, handoff, fallback, interruptions', () => {
  it.each([
    ['hi there', 'greeting', /What are you looking for/],
    ['what can you do?', 'help', /find products/],
    ['thanks, that is all', 'thanks_goodbye', /Thanks for stopping by/],
    ['what is the weather like in Paris tomorrow', 'out_of_scope', /outside what I can help with/],
  ] as const)('"%s" read as %s', async (text, intent, reply) => {
    const replies = await standInChat().say(text, intent);
    expect(textOf(replies)).toMatch(reply);
    expect(handedOver(replies)).toBe(false);
  });

  it('hands over to a person on request, with a summary of the conversation', async () => {
    const chat = standInChat();
    await chat.say('a blue linen sofa under $900', 'product_search');
    const replies = await chat.say('I want to talk to a real person', 'human_agent');
    expect(handedOver(replies)).toBe(true);
    const handoff = replies.find((r) => r.handoff)!.handoff!;
    expect(handoff.reason).toBe('requested');
    expect(handoff.summary).toContain('blue linen sofa under $900');
  });

  it('offers a person after two misunderstandings and hands over on the third', async () => {
    const chat = standInChat();
    const ranking = [{ intent: 'product_search' as const, probability: 0.2 }];
    const turns = await chat.play(['zxqv plonk', 'wibble frotz', 'qqq zzzk'].map((text): Says => [text, 'not_sure', {}, 0.2, { ranking }]));
    expect(turns[0]![0]!.handoff).toBeUndefined();
    expect(turns[1]![0]!.suggestions).toContain('Talk to a person');
    expect(turns[2]![0]!.handoff?.reason).toBe('repeated_misunderstanding');
  });

  it('answers help in the middle of a clarifying question and keeps the question open', async () => {
    const chat = standInChat();
    const question = (await chat.say('show me what you have', 'product_search')).at(-1)!;
    expect(question.text).toMatch(/\?/);
    const picked = question.suggestions![0]!;
    expect(textOf(await chat.say('help', 'help'))).toMatch(/find products/);
    expect(chat.state.pending?.kind).toBe('facet');
    // Read as nothing in particular: only the open question makes sense of the bare value.
    const answered = await chat.say(picked, 'not_sure', {}, 0.3);
    // Answered as the question's facet: every product carries the value picked.
    const fits = (id: string) => { const p = product(id); return [p.category.at(-1), p.brand, ...p.colors, ...p.materials].includes(picked); };
    expect(shownIds(answered).length).toBeGreaterThan(0);
    expect(shownIds(answered).every(fits)).toBe(true);
  });

  it('"never mind" drops the search, so a follow-up no longer refines it', async () => {
    const chat = standInChat();
    expect(shownIds(await chat.say('desk lamps', 'product_search')).length).toBeGreaterThan(0);
    await chat.say('never mind, start over', 'cancel_flow');
    expect(textOf(await chat.say('show more', 'show_more'))).toMatch(/nothing to show more of/);
  });

  it('says plainly that a support topic is not covered yet, keeping the order number', async () => {
    // The order number is read from the words by the real slot reader.
    const replies = await standInChat().say('where is my order #10432?', 'order_status');
    expect(textOf(replies)).toContain('order 10432');
    expect(replies[0]!.suggestions).toContain('Talk to a person');
  });
});

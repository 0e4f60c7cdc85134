import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainDialog } from '../../dialogs/main-dialog.ts';
import { createDialogServices } from '../../src/conversation/dialog-services.ts';
import { emptyProfile } from '../../src/conversation/conversation-store.ts';
import { openTestChat } from '../support/chat-home.ts';
import { conversationWith, productsOf, textOf } from '../support/transcript.ts';

let chat: Awaited<ReturnType<typeof openTestChat>>;
beforeAll(async () => { chat = await openTestChat(); });
afterAll(async () => { await chat?.close(); });

describe('conversation: greetings, help, handoff, fallback, interruptions', () => {
  it.each([
    ['hi there', 'greeting', /What are you looking for/],
    ['what can you do?', 'help', /find products/],
    ['thanks, that is all', 'thanks_goodbye', /Thanks for stopping by/],
    ['what is the weather like in Paris tomorrow', 'out_of_scope', /outside what I can help with/],
  ])('"%s" → %s', async (text, intent, reply) => {
    const result = await conversationWith(chat).say(text);
    expect(result.intent).toBe(intent);
    expect(textOf(result)).toMatch(reply);
    expect(result.handoff).toBe(false);
  });

  it('hands over to a person on request, with a summary of the conversation', async () => {
    const c = conversationWith(chat);
    await c.say('a blue linen sofa under $900');
    const result = await c.say('I want to talk to a real person');
    expect(result.intent).toBe('human_agent');
    expect(result.handoff).toBe(true);
    const handoff = result.replies.find((r) => r.handoff)!.handoff!;
    expect(handoff.reason).toBe('requested');
    expect(handoff.summary).toContain('blue linen sofa under $900');
  });

  it('offers a person after two misunderstandings and hands over on the third', async () => {
    // The dialog alone, fed "not sure" three times: the policy, whatever the classifier makes of noise.
    const notSure = { intent: 'not_sure' as const, confidence: 0.2, ranking: [{ intent: 'product_search' as const, probability: 0.2 }], slots: {} };
    const services = createDialogServices(chat.stack.search, new Set());
    let state = mainDialog.initial();
    const replies = [];
    for (const text of ['zxqv plonk', 'wibble frotz', 'qqq zzzk']) {
      const step = await mainDialog.step(state, { kind: 'text', text, understanding: notSure }, services, emptyProfile('u'));
      replies.push(step.replies[0]!);
      state = step.state;
    }
    expect(replies[0]!.handoff).toBeUndefined();
    expect(replies[1]!.suggestions).toContain('Talk to a person');
    expect(replies[2]!.handoff?.reason).toBe('repeated_misunderstanding');
  });

  it('confirms a hesitant request for a person before handing over', async () => {
    const unsure = { intent: 'human_agent' as const, confidence: 0.35, ranking: [], slots: {} };
    const services = createDialogServices(chat.stack.search, new Set());
    const asked = await mainDialog.step(mainDialog.initial(), { kind: 'text', text: 'hmm someone?', understanding: unsure }, services, emptyProfile('u'));
    expect(asked.replies[0]!.handoff).toBeUndefined();
    expect(asked.replies[0]!.suggestions).toEqual(['Yes, connect me', 'No thanks']);
    const yes = await mainDialog.step(asked.state, { kind: 'text', text: 'Yes, connect me', understanding: { ...unsure, intent: 'not_sure' } }, services, emptyProfile('u'));
    expect(yes.replies[0]!.handoff?.reason).toBe('requested');
  });

  it('does not hand over when the shopper declines the offer, even politely', async () => {
    const unsure = { intent: 'human_agent' as const, confidence: 0.35, ranking: [], slots: {} };
    const services = createDialogServices(chat.stack.search, new Set());
    const asked = await mainDialog.step(mainDialog.initial(), { kind: 'text', text: 'someone?', understanding: unsure }, services, emptyProfile('u'));
    const declined = await mainDialog.step(asked.state, { kind: 'text', text: 'ok, no thanks', understanding: { ...unsure, intent: 'not_sure' } }, services, emptyProfile('u'));
    expect(declined.replies[0]!.handoff).toBeUndefined();
    expect(declined.state.pending).toBeUndefined();
  });

  it('answers help in the middle of a clarifying question and keeps the question open', async () => {
    const c = conversationWith(chat);
    const broad = await c.say('something blue');
    const question = broad.replies.at(-1)!;
    expect(question.text).toMatch(/\?/);
    const picked = question.suggestions![0]!;
    expect((await c.say('help')).intent).toBe('help');
    const answered = await c.say(picked);
    // Answered as the question's facet: every product carries the value picked.
    const fits = (id: string) => { const p = chat.stack.search.product(id)!; return [p.category.at(-1), p.brand, ...p.colors, ...p.materials].includes(picked); };
    expect(productsOf(answered).length).toBeGreaterThan(0);
    expect(productsOf(answered).every((p) => fits(p.id))).toBe(true);
  });

  it('"never mind" drops the search, so a follow-up no longer refines it', async () => {
    const c = conversationWith(chat);
    await c.say('desk lamps');
    const reset = await c.say('never mind, start over');
    expect(reset.intent).toBe('cancel_flow');
    const more = await c.say('show more');
    expect(textOf(more)).toMatch(/nothing to show more of/);
  });

  it('says plainly that a support topic is not covered yet, keeping the order number', async () => {
    const result = await conversationWith(chat).say('where is my order #10432?');
    expect(result.intent).toBe('order_status');
    expect(result.slots.orderNumbers).toEqual(['10432']);
    expect(textOf(result)).toContain('order 10432');
    expect(result.replies[0]!.suggestions).toContain('Talk to a person');
  });

  it('refuses an oversized message with a clear reply, and rejects a turn without text', async () => {
    const c = conversationWith(chat);
    const long = await c.say('sofa '.repeat(500));
    expect(textOf(long)).toMatch(/2499 characters long; I can read up to 2000/);
    await expect(chat.engine.handle({ conversation: c.conversation, user: 'u', text: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

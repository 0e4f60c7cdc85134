import { describe, expect, it } from 'vitest';
import { mainDialog } from '../../dialogs/main-dialog.ts';
import type { MainState } from '../../dialogs/state.ts';
import { handedOver, shownIds, standInChat, textOf, type Says } from './stand-in-chat.ts';

/** What the classifier may make of a bare "yes" or "no": anything, confidently or not. */
const READINGS: [Says[1], number][] = [['not_sure', 0.2], ['human_agent', 0.3], ['greeting', 0.6], ['thanks_goodbye', 0.55], ['cancel_flow', 0.4], ['product_search', 0.5]];
const YES = ['yes', 'yes please', 'sure thing', 'ok do it', 'yeah go ahead', 'Yes, connect me'];
const NO = ['no', "nah I'm good", 'not now', 'No thanks', 'ok, no thanks'];

async function asked(): Promise<ReturnType<typeof standInChat>> {
  const chat = standInChat();
  const replies = await chat.say('hmm someone?', 'human_agent', {}, 0.35);
  expect(textOf(replies)).toMatch(/Would you like me to connect you with a person/);
  expect(handedOver(replies)).toBe(false);
  expect(replies[0]!.suggestions).toEqual(['Yes, connect me', 'No thanks']);
  return chat;
}

describe('a yes or no answers the question the bot asked', () => {
  it.each(YES.flatMap((text) => READINGS.map(([intent, confidence]) => [text, intent, confidence] as const)))(
    'after "Shall I connect you?", "%s" read as %s connects', async (text, intent, confidence) => {
      const chat = await asked();
      const replies = await chat.say(text, intent, {}, confidence);
      expect(handedOver(replies)).toBe(true);
      expect(replies[0]!.handoff!.reason).toBe('requested');
    });

  it.each(NO.flatMap((text) => READINGS.map(([intent, confidence]) => [text, intent, confidence] as const)))(
    'after "Shall I connect you?", "%s" read as %s declines', async (text, intent, confidence) => {
      const chat = await asked();
      const replies = await chat.say(text, intent, {}, confidence);
      expect(handedOver(replies)).toBe(false);
      expect(textOf(replies)).toMatch(/What can I help you with/);
      expect(chat.state.pending).toBeUndefined();
    });

  it('a longer message that is not an answer is routed as usual and drops the question', async () => {
    const chat = await asked();
    const replies = await chat.say('actually show me some lamps please', 'product_search');
    expect(shownIds(replies).length).toBeGreaterThan(0);
    expect(chat.state.pending).toBeUndefined();
  });

  it('after two misunderstandings, "yes" to the offer of a person connects instead of asking again', async () => {
    const chat = standInChat();
    await chat.play([['zxqv plonk', 'not_sure', {}, 0.2], ['wibble frotz', 'not_sure', {}, 0.2]]);
    const replies = await chat.say('yes', 'human_agent', {}, 0.3);
    expect(handedOver(replies)).toBe(true);
    expect(replies[0]!.handoff!.reason).toBe('repeated_misunderstanding');
  });

  it('after two misunderstandings, "no" to the offer lets the shopper try again instead of handing over', async () => {
    const chat = standInChat();
    await chat.play([['zxqv plonk', 'not_sure', {}, 0.2], ['wibble frotz', 'not_sure', {}, 0.2]]);
    const declined = await chat.say('no', 'not_sure', {}, 0.2);
    expect(handedOver(declined)).toBe(false);
    expect(chat.state.misunderstood).toBe(0);
    expect(handedOver(await chat.say('qqq zzzk', 'not_sure', {}, 0.2))).toBe(false);
  });

  it('"yes please" to "shall I connect you?" after a support topic connects, for that topic', async () => {
    const chat = standInChat();
    expect(textOf(await chat.say('where is my order 10432?', 'order_status', { orderNumbers: ['10432'] }))).toMatch(/shall I connect you\?/);
    const replies = await chat.say('yes please', 'not_sure', {}, 0.2);
    expect(replies[0]!.handoff?.reason).toBe('support_topic');
  });

  it('"yes" to "Want me to find something similar?" shows in-stock products of the same kind', async () => {
    const chat = standInChat();
    await chat.say('lamps', 'product_search');
    expect(textOf(await chat.say('add the arc lamp', 'add_to_cart', { productIds: ['lamp-arc'] }))).toMatch(/out of stock.*find something similar\?/);
    const similar = await chat.say('yes', 'greeting', {}, 0.4);
    expect(shownIds(similar).sort()).toEqual(['lamp-brass', 'lamp-ceramic']);
  });

  it('"no" to "Want me to find something similar?" searches nothing', async () => {
    const chat = standInChat();
    await chat.play([['lamps', 'product_search'], ['add the arc lamp', 'add_to_cart', { productIds: ['lamp-arc'] }]]);
    const declined = await chat.say('nah', 'not_sure', {}, 0.2);
    expect(chat.searches).toHaveLength(1);
    expect(shownIds(declined)).toEqual([]);
    expect(chat.state.pending).toBeUndefined();
  });

  it('"no" to "Any brand in mind?" keeps the results; "yes" asks which', async () => {
    const state: MainState = {
      ...mainDialog.initial(), search: { text: 'lamps', filters: {}, page: 0, clarified: true }, shown: ['lamp-brass', 'lamp-ceramic'],
      pending: { kind: 'facet', facet: 'brands', options: ['Lumo', 'Kiln'] },
    };
    const yes = standInChat(state);
    expect(textOf(await yes.say('yes', 'not_sure', {}, 0.2))).toMatch(/^Which one\? Lumo, Kiln/);
    expect(yes.state.pending?.kind).toBe('facet');
    for (const text of ['no', 'not really', 'any is fine']) {
      const no = standInChat(state);
      const replies = await no.say(text, 'not_sure', {}, 0.2);
      expect(textOf(replies), text).toMatch(/no preference/);
      expect(no.state.pending, text).toBeUndefined();
      expect(no.state.shown, text).toEqual(state.shown);
    }
  });
});

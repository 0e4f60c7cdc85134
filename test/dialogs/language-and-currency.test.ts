import { describe, expect, it } from 'vitest';
import { handedOver, shownIds, standInChat, textOf } from './stand-in-chat.ts';

describe('a message in another language', () => {
  it('gets a short English reply that offers a person, never an action on the words', async () => {
    const chat = standInChat();
    const replies = await chat.say('hola, busco un sofá azul', 'not_sure', {}, 0, { language: 'es' });
    expect(textOf(replies)).toMatch(/only chat in English/);
    expect(shownIds(replies)).toEqual([]);
    expect(chat.searches).toHaveLength(0);
    // "yes" to the offer connects.
    expect(handedOver(await chat.say('yes', 'not_sure', {}, 0.3))).toBe(true);
  });

  it('"no thanks" to the offer lets the shopper carry on in English', async () => {
    const chat = standInChat();
    await chat.say('我想买一个沙发', 'not_sure', {}, 0, { language: 'zh' });
    const replies = await chat.say('no thanks', 'thanks_goodbye');
    expect(handedOver(replies)).toBe(false);
    expect(shownIds(await chat.say('sofas', 'product_search')).length).toBeGreaterThan(0);
  });
});

describe('a budget in a currency the store does not price in', () => {
  it('is said back rather than applied as dollars', async () => {
    const chat = standInChat();
    const replies = await chat.say('a sofa under £500', 'product_search');
    expect(textOf(replies)).toMatch(/Prices here are in USD, so I didn't apply the budget you gave in GBP/);
    // Every sofa shows, the $1,200 one too: £500 was not read as $500.
    expect(chat.searches[0]!.filters.priceMax).toBeUndefined();
    expect(shownIds(replies)).toContain('sofa-harbor');
  });
});

describe('unsure between two readings', () => {
  it('asks which one, in the shopper\'s words, instead of guessing', async () => {
    const chat = standInChat();
    const ranking = [{ intent: 'order_status' as const, probability: 0.22 }, { intent: 'start_return' as const, probability: 0.2 }];
    const replies = await chat.say('about the thing i got last week', 'not_sure', {}, 0.22, { ranking });
    expect(textOf(replies)).toBe("Sorry, I'm not sure what you mean. Do you want to track an order, or start a return?");
    expect(replies[0]!.suggestions).toEqual(['Track an order', 'Start a return', 'Help']);
  });
});

describe('unsure with no reading worth offering', () => {
  it('never offers small talk as a guess; asks again with the usual starting points', async () => {
    const chat = standInChat();
    const ranking = [{ intent: 'greeting' as const, probability: 0.2 }, { intent: 'cancel_flow' as const, probability: 0.18 }];
    const replies = await chat.say('hoover', 'not_sure', {}, 0.2, { ranking });
    expect(textOf(replies)).toBe("Sorry, I'm not sure what you mean. Could you say it another way?");
    expect(replies[0]!.suggestions).toEqual(['Find a product', 'Track my order', 'Return policy', 'Talk to a person', 'Help']);
  });
});

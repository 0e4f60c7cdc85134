import { describe, expect, it } from 'vitest';
import { cartActions, product, shownIds, standInChat, textOf } from './stand-in-chat.ts';

// The intents are what the intent model gave on the dev conversations: the shape of the message, read
// against what is on screen, decides instead.
describe('short follow-ups told by their shape', () => {
  it('"forget the colour" (read as start over) drops the colour and keeps the rest of the search', async () => {
    const chat = standInChat();
    await chat.say('black hoodies', 'product_search');
    expect(chat.state.search?.filters.colors).toEqual(['Black']);
    const replies = await chat.say('forget the colour', 'cancel_flow');
    expect(chat.state.search?.filters.colors).toEqual([]);
    expect(shownIds(replies).some((id) => !product(id).colors.includes('Black'))).toBe(true);
    expect(shownIds(replies).every((id) => product(id).category.includes('Hoodies'))).toBe(true);
  });

  it('"3 pairs of the second" (read as a comparison) adds three of the second product', async () => {
    const chat = standInChat();
    const second = shownIds(await chat.say('lamps', 'product_search'))[1]!;
    const replies = await chat.say('3 pairs of the second', 'compare_products');
    expect(cartActions(replies)).toContainEqual(expect.objectContaining({ productId: second, quantity: 3 }));
  });

  it('reads the same count whichever way the intent model took it', async () => {
    const chat = standInChat();
    const second = shownIds(await chat.say('lamps', 'product_search'))[1]!;
    const replies = await chat.say('add 3 boxes of the second', 'add_to_cart');
    expect(cartActions(replies)).toContainEqual(expect.objectContaining({ productId: second, quantity: 3 }));
  });

  it('a bare number that is a size the results come in (read as show more) narrows to that size', async () => {
    const chat = standInChat();
    await chat.say("kids' hoodies", 'product_search');
    const replies = await chat.say('10', 'show_more');
    expect(textOf(replies)).toMatch(/size 10/);
    expect(shownIds(replies)).toEqual(['hoodie-kids-zip']);
  });

  it('a bare number no product on screen comes in is left to the intent', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    expect(textOf(await chat.say('9', 'show_more'))).not.toMatch(/size 9/);
  });
});

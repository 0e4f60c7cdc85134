import { describe, expect, it } from 'vitest';
import { cartActions, product, shownIds, standInChat, textOf } from './stand-in-chat.ts';

const cheapest = (ids: string[]) => [...ids].sort((a, b) => product(a).price! - product(b).price!)[0]!;

describe('"the cheapest one", "the blue one", "the last one": picked from what is on screen', () => {
  it('after a comparison, "add the cheapest one" adds the cheapest compared product, not the one talked about before', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('show me sofas', 'product_search'));
    await chat.say('tell me about the second one', 'product_question', { ordinals: { positions: [2] } });
    const compared = shownIds(await chat.say('compare 1, 3 and 4', 'compare_products', { ordinals: { positions: [1, 3, 4] } }));
    expect(compared).toEqual([shown[0], shown[2], shown[3]]);
    // The store is laid out so that the answer differs from the product discussed and from the cheapest in the list.
    expect(cheapest(compared)).not.toBe(cheapest(shown));
    expect(cheapest(compared)).not.toBe(shown[1]);
    const added = await chat.say('add the cheapest one', 'add_to_cart');
    expect(cartActions(added)).toEqual([{ type: 'add_to_cart', productId: cheapest(compared), quantity: 1 }]);
  });

  it('after a comparison, "the last one" is the last product compared', async () => {
    const chat = standInChat();
    await chat.say('show me sofas', 'product_search');
    const compared = shownIds(await chat.say('compare 1 and 3', 'compare_products', { ordinals: { positions: [1, 3] } }));
    const added = await chat.say('add the last one', 'add_to_cart', { ordinals: { last: 1 } });
    expect(cartActions(added).map((a) => a.productId)).toEqual([compared[1]]);
  });

  it('"the most expensive" and "the top rated one" answer questions about the right product', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('show me sofas', 'product_search'));
    const priciest = [...shown].sort((a, b) => product(b).price! - product(a).price!)[0]!;
    const best = [...shown].sort((a, b) => product(b).rating! - product(a).rating!)[0]!;
    expect(shownIds(await chat.say('how big is the most expensive', 'product_question'))).toEqual([priciest]);
    expect(shownIds(await chat.say('is the top rated one in stock?', 'product_question'))).toEqual([best]);
    expect(chat.state.focus).toBe(best);
  });

  it('"the blue one" is the one whose colour is blue, and the colour is not read as the question', async () => {
    const chat = standInChat();
    await chat.say('show me sofas', 'product_search');
    const answer = await chat.say('is the blue one in stock?', 'product_question', { filters: { colors: ['Blue'] } });
    expect(shownIds(answer)).toEqual(['sofa-harbor']);
    expect(textOf(answer)).not.toMatch(/comes in/);
    const added = await chat.say('add the blue one', 'add_to_cart', { filters: { colors: ['Blue'] } });
    expect(cartActions(added).map((a) => a.productId)).toEqual(['sofa-harbor']);
  });

  it('a colour nothing on screen has asks which one rather than taking the product talked about', async () => {
    const chat = standInChat();
    await chat.play([['show me sofas', 'product_search'], ['tell me about the second one', 'product_question', { ordinals: { positions: [2] } }]]);
    const asked = await chat.say('add the purple one', 'add_to_cart', { filters: { colors: ['purple'] } });
    expect(cartActions(asked)).toEqual([]);
    expect(textOf(asked)).toMatch(/Which one do you mean/);
  });

  it('"compare the cheapest and the most expensive" compares those two', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('show me sofas', 'product_search'));
    const byPrice = [...shown].sort((a, b) => product(a).price! - product(b).price!);
    const compared = await chat.say('compare the cheapest and the most expensive', 'compare_products');
    expect(shownIds(compared)).toEqual([byPrice[0], byPrice.at(-1)]);
  });

  it('"the cheapest" answers "Which one do you mean?"', async () => {
    const chat = standInChat();
    const shown = shownIds(await chat.say('show me sofas', 'product_search'));
    expect(textOf(await chat.say('add it to my cart', 'add_to_cart'))).toMatch(/Which one do you mean/);
    const added = await chat.say('the cheapest', 'not_sure');
    expect(cartActions(added).map((a) => a.productId)).toEqual([cheapest(shown)]);
  });
});

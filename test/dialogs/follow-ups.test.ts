import { describe, expect, it } from 'vitest';
import { cartActions, handedOver, product, shownIds, standInChat, textOf } from './stand-in-chat.ts';

const prices = (ids: string[]) => ids.map((id) => product(id).price!);

describe('"the cheapest", "top rated": an order for the current results', () => {
  it('orders the search\'s results by price, with no price cap and whatever the model made of the words', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('whats the cheapest', 'out_of_scope');
    expect(textOf(replies)).toMatch(/cheapest first/);
    const shown = shownIds(replies);
    expect(shown[0]).toBe('sofa-fog');
    expect(prices(shown)).toEqual([...prices(shown)].sort((a, b) => a - b));
    expect(chat.searches.at(-1)!.filters.priceMax).toBeUndefined();
  });

  it('"top rated" is an order, not the category Tops; the order holds for "show more" and further refinements', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('top rated', 'refine_results');
    expect(chat.state.search?.order).toBe('rating');
    expect(chat.searches.at(-1)!.filters.categories ?? []).not.toContain('Tops');
    expect(shownIds(replies)[0]).toBe('sofa-moss');
    expect(textOf(await chat.say('in linen', 'refine_results'))).toMatch(/best rated first/);
  });

  it('"cheapest" with nothing searched asks what to look for', async () => {
    const chat = standInChat();
    expect(textOf(await chat.say('cheapest?', 'refine_results'))).toMatch(/no search to narrow down yet/);
  });
});

describe('comparatives pick among what is on screen', () => {
  it('"which one has better reviews?" after a comparison answers about that one; "add the cheaper one" adds the other', async () => {
    const chat = standInChat();
    await chat.play([['sofas', 'product_search'], ['compare the first two', 'compare_products']]);
    const [a, b] = chat.state.shown.map(product);
    const better = a!.rating! > b!.rating! ? a! : b!;
    const cheaper = a!.price! < b!.price! ? a! : b!;
    expect(shownIds(await chat.say('which one has better reviews?', 'compare_products'))).toEqual([better.id]);
    expect(cartActions(await chat.say('add the cheaper one', 'add_to_cart')).map((x) => x.productId)).toEqual([cheaper.id]);
  });
});

describe('cart requests beyond one add', () => {
  it('adds several products picked by position, removes one by position, totals, and empties the cart', async () => {
    const chat = standInChat();
    await chat.say('lamps', 'product_search');
    const [first, , third] = chat.state.shown;
    const added = await chat.say('add the first and third', 'add_to_cart');
    expect(cartActions(added).map((a) => a.productId)).toEqual([first, third].filter((id) => product(id!).availability !== 'out_of_stock'));
    await chat.say('mugs', 'product_search');
    await chat.say('add it', 'add_to_cart');
    expect(textOf(await chat.say('how much is my total', 'product_question'))).toMatch(/Total: \$/);
    // A position means the screen when that product is in the cart (the mug), else the cart's own lines.
    expect(cartActions(await chat.say('remove the first one', 'add_to_cart'))).toEqual([{ type: 'remove_from_cart', productId: 'mug-stoneware', quantity: 1 }]);
    await chat.say('sofas', 'product_search');
    const firstLine = chat.state.cart![0]!.productId;
    const removed = await chat.say('remove the first one', 'add_to_cart');
    expect(cartActions(removed).map((a) => a.productId)).toEqual([firstLine]);
    expect(textOf(removed)).toMatch(/^Removed /);
    await chat.play([['mugs', 'product_search'], ['add it', 'add_to_cart'], ['lamps', 'product_search'], ['add the second', 'add_to_cart']]);
    const cleared = await chat.say('clear my cart', 'add_to_cart');
    expect(cartActions(cleared).every((a) => a.type === 'remove_from_cart')).toBe(true);
    expect(chat.state.cart).toEqual([]);
  });

  it('a size the search is filtered to is the size added, without asking again', async () => {
    const chat = standInChat();
    await chat.say("men's hoodie in XL", 'product_search');
    const replies = await chat.say('add the first one', 'add_to_cart');
    expect(textOf(replies)).toMatch(/\(size XL\)/);
  });
});

describe('follow-ups that are not refinements', () => {
  it('"show me the first one" read as a refinement describes the first product', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const first = chat.state.shown[0];
    expect(shownIds(await chat.say('show me the first one', 'refine_results'))).toEqual([first]);
    expect(chat.searches).toHaveLength(1);
  });

  it('words the store has no facet for are searched, and said back when they change nothing', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('for 4 people', 'refine_results');
    expect(chat.searches).toHaveLength(2);
    expect(chat.searches[1]!.text).toMatch(/people/);
    expect(textOf(replies)).not.toMatch(/not sure how to narrow/);
  });
});

describe('a yes that goes on to ask for something else', () => {
  it('"ok. wool socks" after "shall I connect you?" is a search, not a yes', async () => {
    const chat = standInChat();
    await chat.say('how much is shipping', 'delivery_options');
    const replies = await chat.say('ok. dog beds', 'product_search');
    expect(handedOver(replies)).toBe(false);
    expect(shownIds(replies).length).toBeGreaterThan(0);
    expect(handedOver(await chat.say('how much is shipping', 'delivery_options'))).toBe(false);
    expect(handedOver(await chat.say('yes please', 'not_sure'))).toBe(true);
  });
});

describe('a conversation in another language', () => {
  it('reads a follow-up with no English in it as more of that language, and lets English back in', async () => {
    const chat = standInChat();
    await chat.say('busco zapatillas para correr', 'not_sure', {}, 0, { language: 'es' });
    for (const [text, intent] of [['más baratas', 'cancel_flow'], ['gracias', 'show_more']] as const) {
      const replies = await chat.say(text, intent, {}, 0.6, { noEnglish: true });
      expect(textOf(replies)).toMatch(/only chat in English/);
      expect(chat.searches).toHaveLength(0);
    }
    expect(shownIds(await chat.say('sofas', 'product_search')).length).toBeGreaterThan(0);
    // Once the shopper writes English again, a foreign-looking word is not read as Spanish.
    expect(textOf(await chat.say('danke', 'thanks_goodbye', {}, 0.6, { noEnglish: true }))).toMatch(/Thanks for stopping by/);
  });
});

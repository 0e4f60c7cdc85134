import { describe, expect, it } from 'vitest';
import { product, shownIds, standInChat, textOf } from './stand-in-chat.ts';

describe('refinements: what they build on', () => {
  it('"cheaper" with no search and nothing on screen asks what to look for, searching nothing', async () => {
    const chat = standInChat();
    const replies = await chat.say('cheaper', 'refine_results');
    expect(textOf(replies)).toMatch(/What are you looking for\?/);
    expect(replies[0]!.suggestions).toEqual(['Find a product', 'Track my order', 'Return policy', 'Talk to a person']);
    expect(chat.searches).toEqual([]);
  });

  it('a refinement that names something to find still searches when there is no search yet', async () => {
    const chat = standInChat();
    const replies = await chat.say('cheaper lamps', 'refine_results');
    expect(shownIds(replies).length).toBeGreaterThan(0);
  });

  it('"cheaper" after a Details press narrows products of that kind below its price', async () => {
    const chat = standInChat();
    await chat.press({ type: 'details', productId: 'sofa-onyx' });
    const replies = await chat.say('cheaper', 'refine_results');
    expect(shownIds(replies).length).toBeGreaterThan(0);
    expect(shownIds(replies).every((id) => product(id).category.includes('Sofas') && product(id).price! < 900)).toBe(true);
  });

  it('"what about for kids" after men\'s hoodies in XL drops the adult size and the men\'s word', async () => {
    const chat = standInChat();
    const adult = await chat.say("men's hoodies in XL", 'product_search');
    expect(textOf(adult)).toMatch(/size XL/);
    const kids = await chat.say('what about for kids', 'refine_results');
    expect(textOf(kids)).not.toMatch(/Nothing matches|size XL/);
    expect(shownIds(kids).slice(0, 2).sort()).toEqual(['hoodie-kids-dino', 'hoodie-kids-zip']);
    expect(chat.state.search!.text).not.toMatch(/men|XL/i);
  });

  it('"for women" after men\'s hoodies replaces the men\'s word', async () => {
    const chat = standInChat();
    await chat.say("men's hoodies", 'product_search');
    const women = await chat.say('for women', 'refine_results');
    expect(shownIds(women)[0]).toBe('hoodie-women');
    expect(chat.state.search!.text).not.toMatch(/\bmen/i);
  });

  it('a colour relaxed because nothing matched stays relaxed when the budget changes', async () => {
    const chat = standInChat();
    const first = await chat.say('blue sofas under $700', 'product_search');
    expect(textOf(first)).toMatch(/left out the colour/);
    const more = await chat.say('what about under $1500', 'refine_results', { filters: { priceMax: 1500 } });
    expect(shownIds(more).length).toBeGreaterThan(1);
    expect(shownIds(more).some((id) => !product(id).colors.includes('Blue'))).toBe(true);
    expect(textOf(more)).not.toMatch(/in Blue/i);
    // Said again, the colour applies.
    const blue = await chat.say('in blue', 'refine_results', { filters: { colors: ['Blue'] } });
    expect(shownIds(blue)).toEqual(['sofa-harbor']);
  });

  it('"cheaper" after a relaxed colour does not bring the colour back', async () => {
    const chat = standInChat();
    expect(textOf(await chat.say('blue velvet sofa', 'product_search'))).toMatch(/left out the colour/);
    const cheaper = await chat.say('cheaper', 'refine_results');
    expect(textOf(cheaper)).not.toMatch(/in Blue/i);
    expect(chat.searches.at(-1)!.filters.colors ?? []).toEqual([]);
  });
});

describe('a price wish with no figure', () => {
  it('"sofas, nothing crazy expensive" shows the cheaper half, and that budget holds', async () => {
    const chat = standInChat();
    const replies = await chat.say('sofas, nothing crazy expensive', 'product_search');
    const prices = shownIds(replies).map((id) => product(id).price!);
    expect(prices.length).toBeGreaterThan(0);
    expect(Math.max(...prices)).toBeLessThanOrEqual(650);
    expect(textOf(replies)).toMatch(/under \$650/);
    expect(chat.state.search?.filters.priceMax).toBe(650);
  });
});

describe('a number no product record can check', () => {
  it('"for 4 people" under sofas that do not say their seats is said plainly, with the closest matches', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('for 4 people', 'refine_results');
    expect(textOf(replies)).toMatch(/None of these says whether it is for 4 people/);
    expect(shownIds(replies).length).toBeGreaterThan(0);
  });

  it('"in blue for 4 people" says the colour narrowed them beside the note on the people', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('in blue for 4 people', 'refine_results');
    expect(textOf(replies)).toMatch(/None of these says whether it is for 4 people/);
    expect(textOf(replies)).toMatch(/blue/i);
    expect(shownIds(replies).every((id) => product(id).colors.some((c) => /blue/i.test(c)))).toBe(true);
  });
});

describe('a price said in a refinement', () => {
  it('"under $900" narrows by price and leaves no word of the price in the search ("sofas under")', async () => {
    const chat = standInChat();
    await chat.say('sofas', 'product_search');
    const replies = await chat.say('under $900', 'refine_results');
    expect(chat.state.search?.filters.priceMax).toBe(900);
    expect(chat.state.search?.text).not.toMatch(/under/);
    expect(textOf(replies)).not.toMatch(/"[^"]*under"/);
  });
});

import { describe, expect, it } from 'vitest';
import { product, shownIds, standInChat } from './stand-in-chat.ts';

const median = (ids: string[]) => {
  const prices = ids.map((id) => product(id).price!).sort((a, b) => a - b);
  return prices[prices.length >> 1]!;
};

describe('product search dialog', () => {
  it('finds products, then narrows them with follow-ups read against the search', async () => {
    const chat = standInChat();
    const [search, cheaper, inStock] = (await chat.play([
      ['show me sofas', 'product_search'],
      ['cheaper', 'refine_results'],
      ['only in stock', 'refine_results'],
    ])).map(shownIds);
    expect(search!.length).toBeGreaterThan(0);
    expect(search!.every((id) => product(id).category.includes('Sofas'))).toBe(true);
    const cap = median(search!);
    expect(cheaper!.length).toBeGreaterThan(0);
    expect(cheaper!.every((id) => product(id).price! <= cap && product(id).category.includes('Sofas'))).toBe(true);
    // One of the cheaper sofas is sold out, so "only in stock" has something to drop.
    expect(cheaper!.some((id) => product(id).availability !== 'in_stock')).toBe(true);
    expect(inStock!.length).toBeGreaterThan(0);
    expect(inStock!.every((id) => product(id).availability === 'in_stock' && product(id).price! <= cap)).toBe(true);
  });

  it('turns "not leather" into an exclusion kept by later refinements', async () => {
    const chat = standInChat();
    await chat.say('armchairs', 'product_search');
    const notLeather = await chat.say('not leather', 'refine_results');
    expect(chat.searches.at(-1)!.filters.exclude?.materials).toEqual(['Leather']);
    const cheaper = await chat.say('cheaper', 'refine_results');
    for (const replies of [notLeather, cheaper]) {
      expect(shownIds(replies).length).toBeGreaterThan(0);
      expect(shownIds(replies).every((id) => !product(id).materials.includes('Leather'))).toBe(true);
    }
    // The leather armchair is cheap enough to come back under "cheaper" had the exclusion been lost.
    expect(product('armchair-saddle').price!).toBeLessThan(chat.searches.at(-1)!.filters.priceMax!);
  });

  it('pages with "show more" without repeating products', async () => {
    const chat = standInChat();
    const a = shownIds(await chat.say('furniture', 'product_search'));
    const b = shownIds(await chat.say('show more', 'show_more'));
    expect(b.length).toBeGreaterThan(0);
    expect(b.filter((id) => a.includes(id))).toEqual([]);
  });

  it('a new topic resets the search instead of refining it', async () => {
    const chat = standInChat();
    await chat.say('blue sofas under $900', 'product_search');
    const dogBeds = shownIds(await chat.say('now show me dog beds', 'product_search'));
    expect(dogBeds.length).toBeGreaterThan(0);
    expect(dogBeds.every((id) => product(id).price === undefined || product(id).category.join(' ').match(/Dog|Pet|Bed/))).toBe(true);
    expect(chat.searches.at(-1)!.filters.priceMax).toBeUndefined();
  });

  it('asks a clarifying question about the facet that best splits a broad query, and uses the answer', async () => {
    const chat = standInChat();
    const question = (await chat.say('show me what you have', 'product_search')).at(-1)!;
    expect(question.text).toMatch(/\?/);
    expect(question.suggestions?.length).toBeGreaterThanOrEqual(2);
    const picked = question.suggestions![0]!;
    // Read as nothing in particular: only the open question makes sense of the bare value.
    const narrowed = shownIds(await chat.say(picked, 'not_sure', {}, 0.3));
    expect(narrowed.length).toBeGreaterThan(0);
    const fits = (id: string) => { const p = product(id); return [p.category.at(-1), p.brand, ...p.colors, ...p.materials].includes(picked); };
    expect(narrowed.every(fits)).toBe(true);
  });

  it('offers ideas for a need in the shopper\'s words instead of repeating the message back', async () => {
    const chat = standInChat();
    const [need, question] = await chat.say('something leather or velvet to lounge in', 'product_search', {}, 0.9, { need: true });
    expect(need!.text).toMatch(/^Here are a few things from the store that could help/);
    expect(need!.text).not.toContain('lounge in');
    // Several kinds answer it: the shopper is asked which, with the kinds shown first as the choices.
    const kinds = [...new Set(shownIds([need!]).map((id) => product(id).category.at(-1)))];
    expect(kinds.length).toBeGreaterThan(1);
    expect(question).toMatchObject({ text: expect.stringContaining('What kind are you after?'), suggestions: kinds });
    const [plain] = await standInChat().say('sofas', 'product_search');
    expect(plain!.text).toContain('Here is what I found for "sofas"');
  });

  it("says plainly when the store has no word for the thing asked for, rather than guessing", async () => {
    const [none] = await standInChat().say('tampons', 'product_search');
    expect(none!.text).toContain('This store doesn\'t seem to sell "tampons"');
    expect(shownIds([none!])).toEqual([]);
    const [rest] = await standInChat().say('brass lamp faucet', 'product_search');
    expect(rest!.text).toMatch(/^Nothing here goes by "faucet", so these match the rest of what you asked/);
    expect(shownIds([rest!]).length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { product, shownIds, standInChat, textOf } from './stand-in-chat.ts';

const leaf = (id: string) => product(id).category.at(-1);

describe('a follow-up naming another kind of product starts a search for it', () => {
  it('"what about armchairs" after linen sofas shows armchairs, keeping the material, not sofas filtered by the word', async () => {
    const chat = standInChat();
    await chat.say('linen sofas', 'product_search');
    const replies = await chat.say('what about armchairs', 'refine_results');
    expect(shownIds(replies).map(leaf)).toEqual(['Armchairs']);
    expect(shownIds(replies)).toEqual(['armchair-wingback']);
    expect(chat.state.search?.text).not.toMatch(/sofa/);
  });

  it('read as a new search, a cued switch keeps a budget within the department; without a cue ("nvm show me sofas") it starts afresh', async () => {
    const chat = standInChat();
    await chat.say('sofas under 1000', 'product_search');
    const switched = await chat.say('what about armchairs then', 'product_search');
    expect(shownIds(switched).map(leaf)).toEqual(expect.arrayContaining(['Armchairs']));
    expect(chat.searches.at(-1)!.filters.priceMax).toBe(1000);
    await chat.say('lamps under 100', 'product_search');
    await chat.say('nvm show me sofas', 'product_search');
    expect(chat.searches.at(-1)!.filters.priceMax).toBeUndefined();
  });

  it('keeps who it is for and drops sizes of the old kind', async () => {
    const chat = standInChat();
    await chat.say('kids hoodies size 8', 'product_search');
    await chat.say('what about dog beds', 'refine_results');
    expect(chat.searches.at(-1)!.filters.sizes ?? []).toEqual([]);
    expect(chat.state.shown.map(leaf)).toEqual(['Dog Beds', 'Dog Beds']);
  });

  it('"for kids" after hoodies is no switch: the kind stays', async () => {
    const chat = standInChat();
    await chat.say('hoodies', 'product_search');
    await chat.say('what about for kids', 'refine_results');
    expect(chat.state.shown.map(leaf).every((c) => c === 'Hoodies')).toBe(true);
  });
});

describe('a kind ruled out by name', () => {
  it('"not a sofa" under blue sofas and mugs leaves the sofas out, and "sofa" is not searched for', async () => {
    const chat = standInChat();
    await chat.say('blue', 'product_search');
    expect(chat.state.shown.map(leaf)).toEqual(expect.arrayContaining(['Sofas', 'Mugs']));
    const replies = await chat.say('not a sofa, I have one', 'refine_results');
    expect(shownIds(replies).map(leaf)).toEqual(['Mugs']);
    expect(textOf(replies)).toMatch(/not Sofas/);
  });
});

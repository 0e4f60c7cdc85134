import { beforeAll, describe, expect, it } from 'vitest';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { compileFilters, matchesFilters, productFacets } from '../../../src/search/filters.ts';
import { buildLexicalIndex } from '../../../src/index/lexical-index.ts';
import { createProductSearch } from '../../../src/search/product-search.ts';
import { type ProductSearch, type SearchResult } from '../../../src/search/search.ts';
import { embeddingText, lexicalDocument } from '../../../src/search/product-text.ts';
import { createExactIndex } from '../../../src/index/exact-index.ts';
import { CATALOG, DIMENSIONS, fakeEmbedder } from './catalog-fixture.ts';

let hybrid: ProductSearch;
let lexicalOnly: ProductSearch;

beforeAll(async () => {
  const embedder = fakeEmbedder();
  const vectors = createExactIndex(DIMENSIONS);
  const embedded = await embedder.embed(CATALOG.map(embeddingText));
  vectors.upsert(CATALOG.map((p, i) => ({ id: p.id, vector: embedded[i]! })));
  const base = { products: CATALOG, lexical: buildLexicalIndex(CATALOG.map(lexicalDocument)), vocabulary: buildFacetVocabulary(CATALOG) };
  hybrid = createProductSearch({ ...base, semantic: { embedder, vectors } });
  lexicalOnly = createProductSearch(base);
});

const ids = (result: SearchResult) => result.results.map((h) => h.product.id);

/** Every result satisfies the filters the search reports it applied. */
function expectAllMatch(result: SearchResult): void {
  const compiled = compileFilters(result.filters);
  for (const hit of result.results) expect(matchesFilters(productFacets(hit.product), compiled), hit.product.id).toBe(true);
}

describe('createProductSearch', () => {
  it('applies the filters said in the query to every result', async () => {
    const result = await hybrid.search('a blue linen sofa under $900', { k: 10 });
    expect(result.filters).toMatchObject({ colors: ['Blue'], materials: ['Linen'], categories: ['Sofas'], priceMax: 900 });
    expect(ids(result)).toEqual(['sofa-linen-blue']);
    expectAllMatch(result);
  });

  it.each(['leather sofa not black', 'headphones under $100', 'size 10 sneakers', 'oak chair in stock', 'gray lamp', 'xl shirt'])(
    'never returns a product that breaks the filters of "%s"',
    async (query) => {
      for (const search of [hybrid, lexicalOnly]) {
        const result = await search.search(query, { k: 10 });
        expect(result.results.length).toBeGreaterThan(0);
        expectAllMatch(result);
      }
    },
  );

  it('excludes what the shopper ruled out', async () => {
    const result = await hybrid.search('sofa not leather', { k: 20 });
    expect(ids(result)).not.toContain('sofa-leather-brown');
    expect(ids(result)).not.toContain('sofa-faux-black');
    expect(ids(result)).toContain('sofa-linen-blue');
  });

  it('finds the product despite a typo', async () => {
    const result = await lexicalOnly.search('wireless hedphones', { k: 3 });
    expect(ids(result)[0]).toBe('hp-wireless');
  });

  it('gives up the least telling facet first, and says so, when keeping all would match nothing', async () => {
    // Boucle is a sofa material, but not Nordhaus's: the material goes before the brand.
    const result = await hybrid.search('nordhaus boucle sofa', { k: 5 });
    expect(result.relaxed).toEqual(['materials']);
    expect(result.results.length).toBeGreaterThan(0);
    expect(ids(result).every((id) => id.startsWith('sofa-'))).toBe(true);
  });

  it('keeps the budget while relaxing, and drops the category last', async () => {
    const result = await hybrid.search('blue boucle sofa under $1000', { k: 5 });
    expect(result.relaxed).toEqual(['colors', 'materials']);
    expect(ids(result)).toEqual(expect.arrayContaining(['sofa-linen-blue', 'sofa-faux-black', 'sofa-velvet-green']));
    expect(result.results.every((h) => h.product.price! <= 1000)).toBe(true);
    const lastResort = await hybrid.search('velvet sofa under $100', { k: 5 });
    expect(lastResort.relaxed).toEqual(['materials', 'categories']);
    expect(lastResort.results.length).toBeGreaterThan(0);
    expect(lastResort.results.every((h) => h.product.price! <= 100)).toBe(true);
  });

  it('does not relax when the category has matches, and answers nothing when even relaxing fails', async () => {
    expect((await hybrid.search('linen sofa', { k: 5 })).relaxed).toEqual([]);
    const none = await hybrid.search('glass sofa under $5', { k: 5 });
    expect(none).toMatchObject({ relaxed: [], results: [] });
  });

  it.each(['under $20', 'anything under $20', 'show me something under $20'])(
    'with nothing to rank by ("%s") lists the best-reviewed matches first',
    async (query) => {
      // rating × log(1 + reviews): batteries 4.7×ln 3001 > stoneware 4.8×ln 901 > glass 4.2×ln 51 > cups 3.5×ln 9.
      const expected = ['batteries', 'mug-stoneware', 'mug-glass', 'mug-set'];
      expect(ids(await hybrid.search(query, { k: 10 }))).toEqual(expected);
      expect(ids(await lexicalOnly.search(query, { k: 10 }))).toEqual(expected);
    },
  );

  it('searches lexically when asked, or when no embedder is configured', async () => {
    expect(lexicalOnly.mode).toBe('lexical');
    const forced = await hybrid.search('linen sofa', { k: 5, mode: 'lexical' });
    const plain = await lexicalOnly.search('linen sofa', { k: 5 });
    expect(forced.mode).toBe('lexical');
    expect(ids(forced)).toEqual(ids(plain));
    for (const hit of forced.results) expect(hit.components.semantic).toBeUndefined();
  });

  it('fuses both retrievers in hybrid mode and explains each score', async () => {
    expect(hybrid.mode).toBe('hybrid');
    const result = await hybrid.search('linen sofa', { k: 5 });
    expect(result.mode).toBe('hybrid');
    expect(ids(result).slice(0, 2).sort()).toEqual(['sofa-linen-blue', 'sofa-linen-grey']);
    const top = result.results[0]!;
    expect(top.components).toMatchObject({ lexicalRank: expect.any(Number), semanticRank: expect.any(Number) });
    expect(top.components.semantic).toBeGreaterThan(0);
  });

  it('returns at most k results, best first', async () => {
    const result = await hybrid.search('chair', { k: 3 });
    expect(result.results).toHaveLength(3);
    const scores = result.results.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("merges the caller's filters over the ones parsed from the text", async () => {
    const added = await hybrid.search('blue sofa', { k: 10, filters: { inStock: true } });
    expect(added.filters).toMatchObject({ colors: ['Blue'], categories: ['Sofas'], inStock: true });
    expectAllMatch(added);

    const overridden = await hybrid.search('sofa under $900', { k: 10, filters: { priceMax: 600 } });
    expect(overridden.filters.priceMax).toBe(600);
    expect(ids(overridden)).toEqual(['sofa-faux-black']);
  });

  it("keeps both the text's and the caller's exclusions", async () => {
    const result = await hybrid.search('sofa not leather', { k: 10, filters: { exclude: { colors: ['Green'] } } });
    expect(result.filters.exclude).toEqual({ materials: ['Leather'], colors: ['Green'] });
    expect(ids(result)).not.toContain('sofa-leather-brown');
    expectAllMatch(result);
  });

  it('looks products up by id', () => {
    expect(hybrid.size).toBe(CATALOG.length);
    expect(hybrid.product('chair-oak')?.title).toBe('Oak dining chair');
    expect(hybrid.product('missing')).toBeUndefined();
  });
});

describe('who the products are for', () => {
  const item = (id: string, title: string, gender: string, sizes: string[]) => ({ ...CATALOG[0]!, id, title, category: ['Apparel', 'Hoodies'], attributes: { gender }, sizes, colors: ['Grey'], materials: ['Cotton'], description: '' });
  const products = [
    item('h-men', "Men's fleece hoodie", 'men', ['M', 'L']),
    item('h-women', "Women's cropped hoodie", 'women', ['S', 'M']),
    item('h-kids', "Kids' zip hoodie", 'kids', ['8', '10']),
    item('h-unisex', 'Everyday hoodie', 'unisex', ['M']),
  ];
  const search = createProductSearch({ products, lexical: buildLexicalIndex(products.map(lexicalDocument)), vocabulary: buildFacetVocabulary(products) });

  it('"men\'s", "for my son": only products for that audience, or for anyone', async () => {
    expect(ids(await search.search("men's hoodie size M", { k: 10 })).sort()).toEqual(['h-men', 'h-unisex']);
    expect(ids(await search.search('a hoodie for my son', { k: 10 })).sort()).toEqual(['h-kids', 'h-unisex']);
  });

  it('gives up a size that nothing made for that audience has, saying so, and keeps the audience', async () => {
    const result = await search.search("women's hoodie size L", { k: 10 });
    expect(result.relaxed).toEqual(['sizes']);
    expect(ids(result).sort()).toEqual(['h-unisex', 'h-women']);
  });
});

describe('the category step', () => {
  const item = (id: string, title: string, leaf: string, description: string) =>
    ({ ...CATALOG[0]!, id, title, category: ['Kitchen', leaf], description, tags: [], colors: [], materials: [], sizes: [], attributes: {}, brand: undefined });
  // Many coffee makers talk about water and steel; one filter is named exactly.
  const store = [
    item('f1', 'Classic Steel Water Filter', 'Water Filters', 'Filters tap water.'),
    ...Array.from({ length: 6 }, (_, i) => item(`c${i}`, `Drip Coffee Maker ${i}`, 'Coffee Makers', 'Classic steel body. Heats water fast. A water filter keeps it clean.')),
    item('m1', 'Steel Travel Mug', 'Mugs', 'Keeps water or coffee hot.'),
  ];
  const search = createProductSearch({ products: store, lexical: buildLexicalIndex(store.map(lexicalDocument)), vocabulary: buildFacetVocabulary([]) });

  it('leaves the order alone when the best match names every word asked', async () => {
    expect(ids(await search.search('classic steel water filter', { k: 3 }))[0]).toBe('f1');
  });

  it('shows each close kind first for a need that names no product', async () => {
    const kinds = (await search.search('something for hot coffee and clean water', { k: 3 })).results.map((h) => h.product.category.at(-1));
    expect(new Set(kinds).size).toBeGreaterThan(1);
  });
});

describe('a kind named in passing', () => {
  const item = (id: string, title: string, leaf: string, description: string) =>
    ({ ...CATALOG[0]!, id, title, category: ['Home', leaf], description, tags: [], colors: [], materials: [], sizes: [], attributes: {}, brand: undefined });
  // "Gym" heads six titles of one category, so the words "the gym" name Baby Toys.
  const store = [
    ...Array.from({ length: 6 }, (_, i) => item(`g${i}`, `Soft Activity Gym ${i}`, 'Baby Toys', 'A play mat with hanging toys for tummy time.')),
    ...Array.from({ length: 3 }, (_, i) => item(`b${i}`, `Personal Blender ${i}`, 'Blenders', 'Blends fruit smoothies in seconds. Makes a smoothie to take with you in the morning.')),
  ];
  const search = createProductSearch({ products: store, lexical: buildLexicalIndex(store.map(lexicalDocument)), vocabulary: buildFacetVocabulary(store) });
  const kinds = (result: SearchResult) => result.results.map((h) => h.product.category.at(-1));

  it('is no filter when the whole message points at another kind', async () => {
    const result = await search.search('want to make smoothies before the gym in the morning', { k: 3 });
    expect(result.filters.categories).toBeUndefined();
    expect(kinds(result)[0]).toBe('Blenders');
  });

  it('stays a filter when it is the kind the message is about', async () => {
    const result = await search.search('an activity gym for tummy time', { k: 3 });
    expect(result.filters.categories).toEqual(['Baby Toys']);
    expect(new Set(kinds(result))).toEqual(new Set(['Baby Toys']));
  });
});

describe('work per search', () => {
  it('reads each filtered list once, however often the in-passing check and its retry ask for it', async () => {
    const lexical = buildLexicalIndex(CATALOG.map(lexicalDocument));
    const calls: string[] = [];
    const counting = { ...lexical, search: (query: string, k: number, accept?: (id: string) => boolean) => {
      calls.push(`${query} ${k} ${CATALOG.filter((p) => !accept || accept(p.id)).map((p) => p.id).join(',')}`);
      return lexical.search(query, k, accept);
    } };
    const search = createProductSearch({ products: CATALOG, lexical: counting, vocabulary: buildFacetVocabulary(CATALOG) });
    for (const text of ['something blue to drink coffee from', 'a glass lamp for my desk', 'red things for the dining room']) {
      calls.length = 0;
      await search.search(text, { k: 10 });
      expect(calls.length, text).toBeGreaterThan(0);
      expect(new Set(calls).size, text).toBe(calls.length);
    }
  });
});

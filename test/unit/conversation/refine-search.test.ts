import { describe, expect, it } from 'vitest';
import { refineSearch, type SearchQuery } from '../../../src/conversation/refine-search.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { parseQuery } from '../../../src/search/query-parser.ts';

function item(id: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, id), ...fields };
}

const vocabulary = buildFacetVocabulary([
  item('sofa', { category: ['Furniture', 'Sofas'], colors: ['Blue', 'Red'], materials: ['Leather', 'Linen'], brand: 'Nordhaus' }),
  item('chair', { category: ['Furniture', 'Chairs'], colors: ['Green'], materials: ['Velvet'], brand: 'Casa' }),
]);
const SHOWN_PRICES = [300, 100, 500, 200, 400]; // median 300
const SOFAS: SearchQuery = { text: 'sofas', filters: { categories: ['Sofas'] } };

/** A follow-up as the dialog reads it: the filters said in it come from the query parser. */
const refine = (previous: SearchQuery, text: string, prices = SHOWN_PRICES) =>
  refineSearch(previous, text, parseQuery(text, vocabulary).filters, prices);

describe('refineSearch', () => {
  it('"cheaper" caps the price just below the median of what was shown, keeping the rest', () => {
    const r = refine(SOFAS, 'cheaper');
    expect(r.filters).toEqual({ categories: ['Sofas'], priceMax: 299.99 });
    expect(r.text).toBe('sofas');
    expect(r.extraWords).toEqual([]);
    expect(refine(SOFAS, 'anything less expensive?', [100, 200]).filters.priceMax).toBe(149.99);
  });

  it('"more expensive" sets a floor just above the median', () => {
    expect(refine(SOFAS, 'show me more expensive ones').filters).toEqual({ categories: ['Sofas'], priceMin: 300.01 });
  });

  it('"cheaper" after a floor above the new cap drops the floor; a price said outright wins over the median', () => {
    expect(refine({ text: 'sofas', filters: { priceMin: 350 } }, 'cheaper').filters).toEqual({ priceMax: 299.99 });
    expect(refine(SOFAS, 'cheaper, under $150').filters.priceMax).toBe(150);
  });

  it('with nothing shown, "cheaper" has no median to cap at', () => {
    expect(refine(SOFAS, 'cheaper', []).filters).toEqual({ categories: ['Sofas'] });
  });

  it('"in red" replaces the colour asked before', () => {
    const blue: SearchQuery = { text: 'blue sofas', filters: { colors: ['Blue'], categories: ['Sofas'] } };
    const r = refine(blue, 'in red');
    expect(r.filters).toEqual({ colors: ['Red'], categories: ['Sofas'] });
    expect(r.extraWords).toEqual([]);
  });

  it('exclusions accumulate, and saying a value again lifts its exclusion', () => {
    const notLeather = refine(SOFAS, 'not leather');
    expect(notLeather.filters.exclude).toEqual({ materials: ['Leather'] });
    const notRed = refine(notLeather, 'no red either');
    expect(notRed.filters.exclude).toEqual({ materials: ['Leather'], colors: ['Red'] });
    const leatherThen = refine(notRed, 'ok, leather then');
    expect(leatherThen.filters.exclude).toEqual({ colors: ['Red'] });
    expect(leatherThen.filters.materials).toEqual(['Leather']);
    // The steering words ("not", "no", "either", "then") are not added to what is searched for.
    for (const r of [notLeather, notRed, leatherThen]) expect([r.text, r.extraWords]).toEqual(['sofas', []]);
  });

  it('ruling out a value asked for before drops it from the wishes', () => {
    const linen: SearchQuery = { text: 'linen sofas', filters: { materials: ['Linen'], categories: ['Sofas'] } };
    const r = refine(linen, 'actually no linen');
    expect(r.filters.materials).toBeUndefined();
    expect(r.filters.exclude).toEqual({ materials: ['Linen'] });
  });

  it('"for kids" adds the word as typed to the search text, and the audience as a filter', () => {
    const r = refine(SOFAS, 'what about for kids');
    expect(r.text).toBe('sofas kids');
    expect(r.extraWords).toEqual(['kid']);
    expect(r.filters).toEqual({ ...SOFAS.filters, audience: 'kids' });
  });

  it('does not repeat a word the search already has', () => {
    expect(refine(SOFAS, 'sofas for kids').text).toBe('sofas kids');
  });

  it('filler-only text changes nothing', () => {
    for (const text of ['ok show me other options please', 'anything else?', 'what about those ones', 'only in stock']) {
      const r = refine(SOFAS, text);
      expect(r.extraWords, text).toEqual([]);
      expect(r.text, text).toBe('sofas');
    }
    expect(refine(SOFAS, 'ok show me other options please').filters).toEqual(SOFAS.filters);
  });

  it('"for kids" after an adult size drops the size, leaving the facet open so the words cannot bring it back', () => {
    const xl: SearchQuery = { text: "men's hoodies in XL", filters: { sizes: ['XL'], categories: ['Hoodies'] } };
    const r = refine(xl, 'what about for kids');
    expect(r.filters).toEqual({ sizes: [], categories: ['Hoodies'], audience: 'kids' });
    expect(r.text).toBe('hoodies kids');
    expect(r.audience).toBe('kids');
  });

  it('"for women" after "men\'s" replaces the audience word, and the men\'s size', () => {
    const r = refine({ text: "men's sneakers size 10", filters: { sizes: ['10'] } }, 'for women');
    expect(r.text).toBe('sneakers women');
    expect(r.filters.sizes).toEqual([]);
  });

  it('a size said with the new audience is kept, and a size said with no audience still fits "for women"', () => {
    expect(refine({ text: 'hoodies in XL', filters: { sizes: ['XL'] } }, 'for women').filters.sizes).toEqual(['XL']);
    expect(refine({ text: "men's hoodies", filters: {} }, 'for kids size 8', SHOWN_PRICES).filters.sizes).toBeUndefined();
  });

  it('the same audience again changes nothing', () => {
    const r = refine({ text: "women's hoodies", filters: { sizes: ['M'], audience: 'women' } }, 'for women');
    expect([r.text, r.filters, r.audience]).toEqual(["women's hoodies", { sizes: ['M'], audience: 'women' }, undefined]);
  });

  it('a facet left open (relaxed) stays open through refinements, exclusions included', () => {
    const relaxed: SearchQuery = { text: 'blue velvet sofas', filters: { colors: [], materials: ['Velvet'], categories: ['Sofas'] } };
    expect(refine(relaxed, 'cheaper').filters.colors).toEqual([]);
    expect(refine(relaxed, 'not leather').filters.colors).toEqual([]);
    expect(refine(relaxed, 'in red').filters.colors).toEqual(['Red']);
  });
});

import { describe, expect, it } from 'vitest';
import { broadResultQuestion } from '../../../src/conversation/facet-split.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

/** `n` products of one kind (the last step of the category path), each with the given fields. */
function kind(category: string, n: number, fields: Partial<Product> = {}): Product[] {
  return Array.from({ length: n }, (_, i) => ({ ...emptyProduct(`${category}-${i}`, `${category} ${i}`), category: ['Home', category], colors: ['Black'], ...fields }));
}

// "something black": 13 results over six kinds, none holding half of them.
const BROAD = [...kind('Sofas', 4), ...kind('Lamps', 3), ...kind('Mugs', 2), ...kind('Rugs', 2), ...kind('Vases', 1), ...kind('Beds', 1)];
const BRANDS = 'Acme Birch Casa Dune Elm Fjord Grove Haven Iris Juniper'.split(' ');
/** Four uneven kinds, each product by its own brand. */
const BY_BRAND = [...kind('Sofas', 4), ...kind('Lamps', 2), ...kind('Mugs', 2), ...kind('Rugs', 2)].map((p, i) => ({ ...p, brand: BRANDS[i] }));

describe('broadResultQuestion', () => {
  it('asks what kind of product when the results spread over many, offering the commonest kinds first', () => {
    expect(broadResultQuestion(BROAD, {})).toEqual({
      facet: 'categories', question: 'What kind are you after?', options: ['Sofas', 'Lamps', 'Mugs', 'Rugs', 'Beds'],
    });
  });

  it('asks about the facet that splits the results most evenly', () => {
    // Ten brands, one product each, split the list better than four uneven kinds.
    expect(broadResultQuestion(BY_BRAND, {})).toEqual({ facet: 'brands', question: 'Any brand in mind?', options: BRANDS.slice(0, 5) });
  });

  it('does not ask about a facet the shopper already chose', () => {
    expect(broadResultQuestion(BY_BRAND, { brands: ['Acme'] })?.facet).toBe('categories');
  });

  it('shows a focused list as it is: one kind holds half or more', () => {
    const focused = [...kind('Sofas', 5), ...kind('Lamps', 2), ...kind('Mugs', 1), ...kind('Rugs', 1), ...kind('Vases', 1)];
    expect(broadResultQuestion(focused, {})).toBeUndefined();
  });

  it('shows a list of few kinds, or a short list, as it is', () => {
    expect(broadResultQuestion([...kind('Sofas', 4), ...kind('Lamps', 4), ...kind('Mugs', 4)], {})).toBeUndefined();
    const nineKinds = 'Sofas Lamps Mugs Rugs Vases Beds Desks Clocks Towels'.split(' ').flatMap((c) => kind(c, 1));
    expect(broadResultQuestion(nineKinds, {})).toBeUndefined();
    expect(broadResultQuestion([...nineKinds, ...kind('Mirrors', 1)], {})?.facet).toBe('categories');
  });

  it('does not ask again once the search is filtered by category', () => {
    expect(broadResultQuestion(BROAD, { categories: ['Home'] })).toBeUndefined();
  });
});

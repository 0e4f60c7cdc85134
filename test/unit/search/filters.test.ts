import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { compileFilters, hasFilters, matchesFilters, productFacets, type Filters } from '../../../src/search/filters.ts';

function item(id: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, id), availability: 'in_stock', ...fields };
}

const catalog = [
  item('navy-sofa', { price: 900, colors: ['Navy Blue'], materials: ['Linen'], category: ['Furniture', 'Living Room', 'Sofas'], brand: 'Nordhaus', sizes: ['3 Seat'] }),
  item('red-chair', { price: 150, colors: ['Red'], materials: ['Leather'], category: ['Furniture', 'Dining', 'Chairs'], brand: 'Lumen & Oak' }),
  item('faux-chair', { price: 120, colors: ['Black'], materials: ['Faux Leather'], category: ['Furniture', 'Dining', 'Chairs'] }),
  item('gray-lamp', { price: 40, colors: ['Gray'], materials: ['Glass'], category: ['Lighting', 'Lamps'], availability: 'out_of_stock' }),
  item('shirt', { price: 30, colors: ['Light Blue'], sizes: ['M', 'XL'], category: ['Apparel', 'Shirts'] }),
  item('quote-only', { colors: ['Blue'], category: ['Furniture', 'Sofas'] }),
];
const facets = catalog.map((p) => [p.id, productFacets(p)] as const);

/** Ids of the catalog products that pass the filters. */
function passing(filters: Filters): string[] {
  const compiled = compileFilters(filters);
  return facets.filter(([, f]) => matchesFilters(f, compiled)).map(([id]) => id);
}

describe('matchesFilters', () => {
  it('passes everything when no filter is set', () => {
    expect(passing({})).toHaveLength(catalog.length);
  });

  it('keeps prices within the bounds, inclusive', () => {
    expect(passing({ priceMax: 150 })).toEqual(['red-chair', 'faux-chair', 'gray-lamp', 'shirt']);
    expect(passing({ priceMin: 150, priceMax: 900 })).toEqual(['navy-sofa', 'red-chair']);
  });

  it('drops products without a price once a price bound is set', () => {
    expect(passing({ priceMin: 0 })).not.toContain('quote-only');
    expect(passing({ priceMax: 10_000 })).not.toContain('quote-only');
    expect(passing({ colors: ['Blue'] })).toContain('quote-only');
  });

  it('matches a colour word inside a longer colour name: "blue" finds Navy Blue and Light Blue', () => {
    expect(passing({ colors: ['blue'] })).toEqual(['navy-sofa', 'shirt', 'quote-only']);
    expect(passing({ colors: ['navy blue'] })).toEqual(['navy-sofa']);
  });

  it('folds grey and gray', () => {
    expect(passing({ colors: ['Grey'] })).toEqual(['gray-lamp']);
  });

  it('ORs values within a facet and ANDs across facets', () => {
    expect(passing({ colors: ['Red', 'Black'] })).toEqual(['red-chair', 'faux-chair']);
    expect(passing({ colors: ['Red', 'Black'], materials: ['Faux Leather'] })).toEqual(['faux-chair']);
  });

  it('matches a category at any depth of the path, singular or plural', () => {
    expect(passing({ categories: ['Furniture'] })).toEqual(['navy-sofa', 'red-chair', 'faux-chair', 'quote-only']);
    expect(passing({ categories: ['Dining'] })).toEqual(['red-chair', 'faux-chair']);
    expect(passing({ categories: ['sofa'] })).toEqual(['navy-sofa', 'quote-only']);
  });

  it('matches brands and sizes', () => {
    expect(passing({ brands: ['lumen and oak'] })).toEqual(['red-chair']);
    expect(passing({ sizes: ['xl'] })).toEqual(['shirt']);
  });

  it('removes excluded values, including where the word is part of the name', () => {
    expect(passing({ categories: ['Chairs'], exclude: { materials: ['Leather'] } })).toEqual([]);
    expect(passing({ categories: ['Chairs'], exclude: { colors: ['Red'] } })).toEqual(['faux-chair']);
    expect(passing({ categories: ['Chairs'], exclude: { brands: ['Lumen & Oak'] } })).toEqual(['faux-chair']);
  });

  it('keeps only products in stock when asked', () => {
    expect(passing({ inStock: true })).not.toContain('gray-lamp');
    expect(passing({ inStock: false })).toContain('gray-lamp');
  });
});

describe('hasFilters', () => {
  it('is false for no filters or only empty lists', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ colors: [], exclude: { brands: [] }, inStock: false })).toBe(false);
  });

  it.each<Filters>([{ priceMin: 0 }, { priceMax: 10 }, { inStock: true }, { categories: ['Sofas'] }, { exclude: { colors: ['Red'] } }])(
    'is true for %o',
    (filters) => {
      expect(hasFilters(filters)).toBe(true);
    },
  );
});

describe('measured sizes', () => {
  const facetsOf = (sizes: string[]) => productFacets({ ...emptyProduct('p', 'p'), sizes });
  it('match by number and unit, never by the bare number', () => {
    const inches = compileFilters({ sizes: ['65"'] });
    expect(matchesFilters(facetsOf(['65"']), inches)).toBe(true);
    expect(matchesFilters(facetsOf(['65 in']), inches)).toBe(true);
    expect(matchesFilters(facetsOf(['65 qt']), inches)).toBe(false);
  });

  it('still let a shoe size filter reach a size written with its system', () => {
    expect(matchesFilters(facetsOf(['US 10', 'US 11']), compileFilters({ sizes: ['10'] }))).toBe(true);
  });
});

describe('measured sizes written other ways', () => {
  const facetsOf = (sizes: string[]) => productFacets({ ...emptyProduct('p', 'p'), sizes });
  it('read "65-Inch" and "65 in." as 65 inches', () => {
    const inches = compileFilters({ sizes: ['65"'] });
    expect(matchesFilters(facetsOf(['65-Inch']), inches)).toBe(true);
    expect(matchesFilters(facetsOf(['65 in.']), inches)).toBe(true);
  });
});

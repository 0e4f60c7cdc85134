import { describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { createFacetIndex } from '../../../src/search/facet-index.ts';
import { compileFilters, matchesFilters, productFacets, type Filters } from '../../../src/search/filters.ts';

describe('facet index', () => {
  const products = generateDemoCatalog({ count: 1500, seed: 7 });
  const index = createFacetIndex(new Map(products.map((p) => [p.id, productFacets(p)])));

  it.each<[string, Filters]>([
    ['a category', { categories: ['Sofas'] }],
    ['a colour word and a price', { colors: ['blue'], priceMax: 200 }],
    ['materials, sizes and a department', { materials: ['cotton', 'linen'], sizes: ['M', 'L'], categories: ['Apparel'] }],
    ['a brand with exclusions', { brands: [products[3]!.brand!], exclude: { colors: ['black'] } }],
    ['no list facet at all', { priceMin: 50, inStock: true }],
  ])('finds exactly the products %s lets through, in catalog order', (_, filters) => {
    const compiled = compileFilters(filters);
    const expected = products.filter((p) => matchesFilters(productFacets(p), compiled)).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(index.matching(compiled)).toEqual(expected);
  });
});

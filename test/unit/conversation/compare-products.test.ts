import { describe, expect, it } from 'vitest';
import { compareProducts, comparisonSummary } from '../../../src/conversation/compare-products.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

function item(id: string, title: string, fields: Partial<Product>): Product {
  return { ...emptyProduct(id, title), availability: 'in_stock', currency: 'USD', ...fields };
}

const HARBOR = item('harbor', 'Harbor Sofa', {
  price: 849, brand: 'Nordhaus', rating: 4.6, reviewCount: 210, colors: ['Navy Blue', 'Grey'], materials: ['Linen'],
  category: ['Furniture', 'Sofas'], attributes: { Seats: '3' },
});
const DUNE = item('dune', 'Dune Sofa', {
  price: 1249.5, rating: 4.2, colors: ['Sand'], availability: 'backorder', category: ['Furniture', 'Sofas'], attributes: { Width: '210 cm' },
});

const row = (c: ReturnType<typeof compareProducts>, label: string) => c.rows.find((r) => r.label === label)?.values;

describe('compareProducts', () => {
  const comparison = compareProducts([HARBOR, DUNE]);

  it('puts the products side by side as cards, in the order given', () => {
    expect(comparison.products.map((p) => [p.id, p.title, p.price])).toEqual([['harbor', 'Harbor Sofa', 849], ['dune', 'Dune Sofa', 1249.5]]);
  });

  it('has one row per attribute with one value per product', () => {
    expect(row(comparison, 'Price')).toEqual(['$849.00', '$1,249.50']);
    expect(row(comparison, 'Rating')).toEqual(['4.6/5 (210)', '4.2/5']);
    expect(row(comparison, 'Availability')).toEqual(['In stock', 'Back order']);
    expect(row(comparison, 'Colours')).toEqual(['Navy Blue, Grey', 'Sand']);
    expect(row(comparison, 'Category')).toEqual(['Sofas', 'Sofas']);
    for (const r of comparison.rows) expect(r.values).toHaveLength(2);
  });

  it('reads null where a product lacks a value, never a guess', () => {
    expect(row(comparison, 'Brand')).toEqual(['Nordhaus', null]);
    expect(row(comparison, 'Materials')).toEqual(['Linen', null]);
    expect(row(comparison, 'Seats')).toEqual(['3', null]);
    expect(row(comparison, 'Width')).toEqual([null, '210 cm']);
  });

  it('leaves out rows no product has a value for', () => {
    expect(row(comparison, 'Sizes')).toBeUndefined();
    expect(comparison.rows.map((r) => r.label)).toEqual(['Price', 'Brand', 'Rating', 'Availability', 'Colours', 'Materials', 'Category', 'Seats', 'Width']);
  });
});

describe('compareProducts row labels', () => {
  it('writes attribute names as words, whole', () => {
    const labels = compareProducts([
      { ...HARBOR, attributes: { assembly_required: 'yes', maxTvSize: '65 in' } }, { ...DUNE, attributes: { assembly_required: 'no' } },
    ]).rows.map((r) => r.label);
    expect(labels).toContain('Assembly required');
    expect(labels).toContain('Max TV size');
  });
});

describe('comparisonSummary', () => {
  it('names the cheapest and the best rated', () => {
    expect(comparisonSummary([HARBOR, DUNE])).toBe('Harbor Sofa is the cheapest at $849.00; Harbor Sofa is the best rated (4.6/5).');
  });

  it('names nobody as best rated on a tie', () => {
    const tied = comparisonSummary([HARBOR, { ...DUNE, rating: 4.6 }]);
    expect(tied).toBe('Harbor Sofa is the cheapest at $849.00.');
    expect(tied).not.toMatch(/best rated/);
  });

  it('says nothing it cannot back: no prices or ratings to compare', () => {
    expect(comparisonSummary([{ ...HARBOR, price: undefined, rating: undefined }, { ...DUNE, price: undefined, rating: undefined }])).toBe('Here they are side by side.');
  });
});

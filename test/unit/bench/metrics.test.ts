import { describe, expect, it } from 'vitest';
import { containsWord, dcgAtK, gradeProduct, ndcgAtK, recallAtK } from '../../../bench/lib/metrics.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

function product(fields: Partial<Product>): Product {
  return { ...emptyProduct('P1', 'Product'), ...fields };
}

const velvetSofa = product({
  title: 'Harbor Loft Curved Velvet Sofa', brand: 'Harbor Loft', category: ['Furniture', 'Living Room', 'Sofas'],
  price: 899, colors: ['sage', 'sky blue'], materials: ['velvet', 'oak frame'], attributes: { seating_capacity: '3' },
});

describe('ndcgAtK', () => {
  it('matches a hand-computed value: gain 2^g - 1, discount log2(rank + 1)', () => {
    // DCG = 3/1 + 0 + 1/2 = 3.5; IDCG = 3/1 + 1/log2(3) + 1/2 = 4.1309
    expect(ndcgAtK([2, 0, 1], [2, 1, 1], 3)).toBeCloseTo(3.5 / (3.5 + 1 / Math.log2(3)), 6);
    expect(ndcgAtK([2, 0, 1], [2, 1, 1], 3)).toBeCloseTo(0.84727, 4);
  });

  it('is 1 for the ideal order and sorts the ideal grades itself', () => {
    expect(ndcgAtK([2, 2, 1, 0], [0, 1, 2, 2], 4)).toBe(1);
  });

  it('only counts the first k results', () => {
    expect(ndcgAtK([0, 2], [2], 1)).toBe(0);
    expect(ndcgAtK([1, 2], [2, 1], 1)).toBeCloseTo(1 / 3, 6);
  });

  it('is 0 when nothing in the catalog is relevant, and copes with short result lists', () => {
    expect(ndcgAtK([0, 0], [0, 0, 0], 10)).toBe(0);
    expect(ndcgAtK([], [2, 2], 10)).toBe(0);
    expect(dcgAtK([1], 10)).toBe(1);
  });
});

describe('recallAtK', () => {
  it('divides by the relevant products that could fit in the top k', () => {
    expect(recallAtK(3, 10, 100)).toBeCloseTo(0.3, 10);
    expect(recallAtK(50, 250, 100)).toBe(0.5);
    expect(recallAtK(5, 5, 100)).toBe(1);
    expect(recallAtK(0, 0, 100)).toBe(0);
  });
});

describe('containsWord', () => {
  it('matches whole words, case-insensitively, allowing a plural', () => {
    expect(containsWord('Sky Blue', 'blue')).toBe(true);
    expect(containsWord('Over-Ear Headphones', 'headphone')).toBe(true);
    expect(containsWord('women', 'men')).toBe(false);
    expect(containsWord('20°F', '0°F')).toBe(false);
    expect(containsWord('Wi-Fi, Bluetooth 5.3', 'bluetooth')).toBe(true);
  });
});

describe('gradeProduct', () => {
  it('gives 2 when every predicate holds, matching any node of the category path', () => {
    expect(gradeProduct(velvetSofa, { category: 'sofas', colors: ['blue'], materials: ['velvet'], priceMax: 900 })).toBe(2);
    expect(gradeProduct(velvetSofa, { category: 'Living Room', brand: 'harbor loft', attributes: { seating_capacity: '3' } })).toBe(2);
    expect(gradeProduct(velvetSofa, { category: ['Armchairs', 'Sofas'], titleAny: ['loveseat', 'sofa'] })).toBe(2);
  });

  it('gives 1 in the right category when another predicate fails', () => {
    expect(gradeProduct(velvetSofa, { category: 'Sofas', colors: ['navy'] })).toBe(1);
    expect(gradeProduct(velvetSofa, { category: 'Sofas', priceMin: 1000 })).toBe(1);
    expect(gradeProduct(velvetSofa, { category: 'Sofas', attributes: { seating_capacity: '2' } })).toBe(1);
  });

  it('gives 0 outside the category, whatever else matches', () => {
    expect(gradeProduct(velvetSofa, { category: 'Armchairs', materials: ['velvet'] })).toBe(0);
  });

  it('without a category, gives 1 for at least half of the predicates and 0 below', () => {
    expect(gradeProduct(velvetSofa, { colors: ['sage'], materials: ['velvet'] })).toBe(2);
    expect(gradeProduct(velvetSofa, { colors: ['sage'], materials: ['linen'] })).toBe(1);
    expect(gradeProduct(velvetSofa, { colors: ['navy'], materials: ['linen'], priceMax: 1000 })).toBe(0);
  });

  it('fails price bounds for a product without a price', () => {
    expect(gradeProduct(product({ category: ['Sofas'] }), { category: 'Sofas', priceMax: 500 })).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { productFacts, type FactsProduct } from '../../../src/rerank/item-facts.ts';

const product = (id: string, price: number | undefined, leaf: string, more: Partial<FactsProduct> = {}): FactsProduct => ({
  id, category: ['Sports', leaf], colors: [], ...(price !== undefined ? { price } : {}), ...more,
});

describe('productFacts', () => {
  const facts = productFacts([
    product('a', 50, 'Shoes', { brand: 'Stride', colors: ['Red', 'navy'], rating: 4.5 }),
    product('b', 100, 'Shoes'),
    product('c', 200, 'Shoes'),
    product('d', 10, 'Socks'),
    product('e', undefined, 'Socks'),
  ]);

  it('places each price within its leaf category (ln of price over the leaf median)', () => {
    expect(facts.get('a')!.priceLevel).toBeCloseTo(Math.log(0.5), 9);
    expect(facts.get('b')!.priceLevel).toBeCloseTo(0, 9);
    expect(facts.get('d')!.priceLevel).toBeCloseTo(0, 9);
    expect(facts.get('e')!.priceLevel).toBeUndefined();
  });

  it('keeps price, rating and leaf, and lowercases brand and colours so they match across products', () => {
    expect(facts.get('a')).toMatchObject({ price: 50, rating: 4.5, leafCategory: 'Shoes', brand: 'stride', colours: ['red', 'navy'] });
    expect(facts.get('b')!.brand).toBeUndefined();
    expect(facts.get('b')!.colours).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { orderResults } from '../../../src/conversation/order-results.ts';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';

const p = (id: string, price?: number, rating?: number): StoredProduct => ({ ...emptyProduct(id, id), price, rating, version: 1 } as StoredProduct);
const ids = (list: StoredProduct[]) => list.map((x) => x.id);

describe('orderResults', () => {
  const results = [p('a', 30, 4.1), p('b', 10), p('c', undefined, 4.8), p('d', 10, 3.9)];

  it('keeps relevance order without an order, and never changes its input', () => {
    expect(ids(orderResults(results, undefined))).toEqual(['a', 'b', 'c', 'd']);
    orderResults(results, 'price-asc');
    expect(ids(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('orders by price either way, ties in relevance order, products without a price last', () => {
    expect(ids(orderResults(results, 'price-asc'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(orderResults(results, 'price-desc'))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('orders by rating, best first, unrated last', () => {
    expect(ids(orderResults(results, 'rating'))).toEqual(['c', 'a', 'd', 'b']);
  });
});

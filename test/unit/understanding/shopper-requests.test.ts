import { describe, expect, it } from 'vitest';
import { readCartRequest } from '../../../src/understanding/cart-request.ts';
import { readResultOrder } from '../../../src/understanding/result-order.ts';

describe('readResultOrder', () => {
  it.each([
    ['whats the cheapest', 'price-asc', 'whats the'],
    ['cheapest 55 inch tv', 'price-asc', '55 inch tv'],
    ['sort by price', 'price-asc', ''],
    ['price high to low', 'price-desc', ''],
    ['top rated', 'rating', ''],
    ['show me the best-rated ones', 'rating', 'show me the ones'],
  ])('%s → %s, the rest "%s"', (text, order, rest) => {
    expect(readResultOrder(text)).toMatchObject({ order, rest });
  });

  it('gives back the words that asked for the order, as written', () => {
    expect(readResultOrder('Show me the Top Rated lamps')?.words).toBe('Top Rated');
  });

  it.each(['cheaper', 'a top for the gym', 'best running shoes', 'rated for outdoor use'])('%s asks for no order', (text) => {
    expect(readResultOrder(text)).toBeUndefined();
  });
});

describe('readCartRequest', () => {
  it.each([
    ['remove the first one', 'remove'],
    ['actually take the lamp out of my cart', 'remove'],
    ['get rid of it', 'remove'],
    ['clear my cart', 'clear'],
    ['empty the basket please', 'clear'],
    ['remove everything', 'clear'],
    ['how much is my total', 'view'],
    ["what's the cart total", 'view'],
  ])('%s → %s', (text, request) => {
    expect(readCartRequest(text)).toBe(request);
  });

  it.each(['stain remover', 'drop-leaf table', 'clear glass vase', 'add the first one', 'removable cover sofa'])('%s is no cart request', (text) => {
    expect(readCartRequest(text)).toBeUndefined();
  });
});

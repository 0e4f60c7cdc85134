import { describe, expect, it } from 'vitest';
import { quantityIn } from '../../../dialogs/cart-dialog.ts';

describe('quantity in an add-to-cart message', () => {
  it.each([
    ['add 2 of the first one', 2],
    ['three of those please', 3],
    ['add 4 x the blue one', 4],
    ['add it to my cart', 1],
    ['six of the first', 6],
    ['add 3 boxes of the second', 3],
    ['2 sets of those', 2],
    ['add the 90 x 200 mattress to my cart', 1],
  ])('"%s" → %d', (text, quantity) => {
    expect(quantityIn(text)).toBe(quantity);
  });
});

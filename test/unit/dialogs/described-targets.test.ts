import { describe, expect, it } from 'vitest';
import { describedTargets, type Describable } from '../../../dialogs/described-targets.ts';

const SHOWN: Describable[] = [
  { id: 'a', price: 300, rating: 4.1, colors: ['Navy Blue'] },
  { id: 'b', price: 120, rating: 4.8, colors: ['Red'] },
  { id: 'c', price: 950, rating: 3.9, colors: ['Grey'] },
  { id: 'd', price: 120, colors: ['Sky Blue', 'White'] },
];

describe('products on screen picked out by a description', () => {
  it.each([
    ['is the most expensive one in stock?', ['c']],
    ['add the priciest', ['c']],
    ['the top rated one', ['b']],
    ['the best-rated', ['b']],
    ['the lowest rated', ['c']],
    ['the grey one', ['c']],
    ['that navy blue one', ['a']],
    ['the blue ones', ['a', 'd']],
    ['compare the two most expensive', ['c', 'a']],
    ['compare the cheapest and the top rated', ['b', 'd']],
  ])('"%s" → %j', (text, ids) => {
    expect(describedTargets(text, SHOWN)!.ids).toEqual(ids);
  });

  it('keeps every product tied for cheapest, so the dialog can ask which', () => {
    expect(describedTargets('the cheapest one', SHOWN)!.ids).toEqual(['b', 'd']);
  });

  it('a colour no product on screen has picks none; a colour known only from the message still counts as one', () => {
    expect(describedTargets('the purple one', SHOWN, ['purple'])).toEqual({ ids: [], colours: ['purple'] });
    expect(describedTargets('the purple one', SHOWN)).toBeUndefined();
  });

  it('says which colour words were references', () => {
    expect(describedTargets('is the red one in stock', SHOWN)).toEqual({ ids: ['b'], colours: ['red'] });
  });

  it('describes nothing in "the last one", "the Japandi one" or a plain question', () => {
    for (const text of ['the last one', 'the Japandi one', 'does it come in blue?']) expect(describedTargets(text, SHOWN), text).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { extractOrdinals, resolveOrdinals } from '../../../src/understanding/ordinals.ts';

const SHOWN = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe('extractOrdinals', () => {
  it.each([
    ['the second one', { positions: [2] }],
    ['1st and 3rd', { positions: [1, 3] }],
    ['number 2', { positions: [2] }],
    ['#3', { positions: [3] }],
    ['is the 4th one waterproof?', { positions: [4] }],
    ['compare 1 and 3', { positions: [1, 3] }],
    ['2 vs 4', { positions: [2, 4] }],
    ['first three', { positions: [1, 2, 3] }],
    ['the top 3', { positions: [1, 2, 3] }],
    ['the last two', { last: 2 }],
    ['the last one', { last: 1 }],
    ['tell me about the final option', { last: 1 }],
    ['both', { positions: [1, 2] }],
    ['compare these two', { positions: [1, 2] }],
    ['all of them', { all: true }],
  ])('reads "%s" as a position on screen', (text, ref) => {
    expect(extractOrdinals(text)).toEqual(ref);
  });

  it('names each position once', () => {
    expect(extractOrdinals('the first, I mean the 1st')).toEqual({ positions: [1] });
  });

  it.each([
    'under 50 and 100 bucks',
    'between 1 and 2 hundred',
    'between 50 and 100 dollars',
    '$1 and $3',
    'a 2 seater sofa',
    'sofas under 50 and over 10',
    'I want a sofa that lasts',
    'show me lamps',
  ])('does not read "%s" as positions', (text) => {
    expect(extractOrdinals(text)).toBeUndefined();
  });

  it('does not take a price after "last" or "first" for a count', () => {
    expect(extractOrdinals('the last 5 dollars')).not.toEqual({ last: 5 });
    expect(extractOrdinals('first 3 bucks off')).not.toEqual({ positions: [1, 2, 3] });
  });
});

describe('resolveOrdinals', () => {
  it('maps positions onto the on-screen ids, in the order said', () => {
    expect(resolveOrdinals({ positions: [3, 1] }, SHOWN)).toEqual(['p3', 'p1']);
  });

  it('drops positions past the end of the list, and position 0', () => {
    expect(resolveOrdinals({ positions: [0, 2, 9] }, SHOWN)).toEqual(['p2']);
  });

  it('takes the last n, or all there are when fewer are shown', () => {
    expect(resolveOrdinals({ last: 2 }, SHOWN)).toEqual(['p4', 'p5']);
    expect(resolveOrdinals({ last: 1 }, SHOWN)).toEqual(['p5']);
    expect(resolveOrdinals({ last: 3 }, ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('"all of them" is everything shown; nothing shown resolves to nothing', () => {
    expect(resolveOrdinals({ all: true }, SHOWN)).toEqual(SHOWN);
    expect(resolveOrdinals({ positions: [1] }, [])).toEqual([]);
    expect(resolveOrdinals({ last: 2 }, [])).toEqual([]);
  });
});

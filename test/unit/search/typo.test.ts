import { describe, expect, it } from 'vitest';
import { editDistance, rememberedTypoNeighbours, typoNeighbours } from '../../../src/search/typo.ts';

describe('editDistance', () => {
  it.each([
    ['sofa', 'sofa', 0],
    ['sofa', 'sofaa', 1],
    ['sofa', 'sfa', 1],
    ['lamp', 'lamb', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('counts swapping two neighbouring letters as one edit', () => {
    expect(editDistance('lether', 'lehter')).toBe(1);
    expect(editDistance('chiar', 'chair')).toBe(1);
  });

  it('gives up past the limit with limit + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('sofa', 'sofaa', 2)).toBe(1);
  });
});

describe('typoNeighbours', () => {
  const vocabulary = ['sofa', 'soft', 'headphone', 'leather', 'lamp', 'chair', 'bag', 'bat', 'bar'];

  it('finds the word a shopper misspelled', () => {
    expect(typoNeighbours('sofaa', vocabulary)).toEqual(['sofa']);
    expect(typoNeighbours('hedphone', vocabulary)).toEqual(['headphone']);
    expect(typoNeighbours('lether', vocabulary)).toEqual(['leather']);
    expect(typoNeighbours('chiar', vocabulary)).toEqual(['chair']);
  });

  it('prefers the closest candidates', () => {
    // "sofaz" is one edit from "sofa" and two from "soft".
    expect(typoNeighbours('sofaz', vocabulary)).toEqual(['sofa']);
  });

  it('leaves short words alone: too many real words sit one edit apart', () => {
    expect(typoNeighbours('bax', vocabulary)).toEqual([]);
    expect(typoNeighbours('baf', vocabulary)).toEqual([]);
  });

  it('returns nothing for numbers or words with no near neighbour', () => {
    expect(typoNeighbours('1000', ['1001', '100'])).toEqual([]);
    expect(typoNeighbours('toaster', vocabulary)).toEqual([]);
  });
});

describe('rememberedTypoNeighbours', () => {
  it('answers as typoNeighbours does, again and again, and starts afresh when full', () => {
    const vocabulary = ['sofa', 'lamp', 'table', 'stable'];
    const remembered = rememberedTypoNeighbours(vocabulary, 2);
    for (const term of ['sofs', 'lamb', 'tabel', 'sofs', 'zzzz', 'lamb']) expect(remembered(term)).toEqual(typoNeighbours(term, vocabulary));
  });
});

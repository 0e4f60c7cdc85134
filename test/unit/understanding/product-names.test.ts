import { describe, expect, it } from 'vitest';
import { createProductNameIndex, loadProductNameIndex, productNamePairs } from '../../../src/understanding/product-names.ts';

const CATALOG = [
  { id: 'cedar', title: 'Maple & Mason Cedar 500 Japandi Sofa' },
  { id: 'boucle', title: 'Coastal Boucle Sofa in Ivory' },
  { id: 'bexley', title: 'Coastline Leisure Bexley 300 4-Seat Sofa' },
  // "linen sofa" is in four titles: too common to name any of them.
  { id: 'linen-1', title: 'Harbor Linen Sofa' },
  { id: 'linen-2', title: 'Dune Linen Sofa' },
  { id: 'linen-3', title: 'Compact Linen Sofa' },
  { id: 'linen-4', title: 'Grand Linen Sofa' },
  // "oak chair" is in two: it names both.
  { id: 'oak-1', title: 'Oak Chair Nordic' },
  { id: 'oak-2', title: 'Oak Chair Classic' },
];
const names = createProductNameIndex(CATALOG);

describe('createProductNameIndex: catalog titles', () => {
  it('knows a product by a distinctive pair of its title words, wherever they are in the message', () => {
    expect(names.match('tell me about the cedar 500')).toEqual(['cedar']);
    expect(names.match('is the Bexley 300 any good?')).toEqual(['bexley']);
    expect(names.match('Coastal Boucle, does it come in grey?')).toEqual(['boucle']);
  });

  it('does not name anything by a pair many titles share', () => {
    expect(names.match('a linen sofa')).toEqual([]);
    expect(names.match('sofa')).toEqual([]);
  });

  it('names each product a shared but uncommon pair belongs to', () => {
    expect(names.match('the oak chair').sort()).toEqual(['oak-1', 'oak-2']);
  });

  it('prefers the product more of the message names', () => {
    expect(names.match('the oak chair classic')).toEqual(['oak-2']);
    expect(names.match('harbor linen sofa')).toEqual(['linen-1']);
  });

  it('ignores case, punctuation and plurals', () => {
    expect(names.match('CEDAR-500!')).toEqual(['cedar']);
  });
});

describe('createProductNameIndex: on screen', () => {
  const shown = [
    { id: 'cedar', title: 'Maple & Mason Cedar 500 Japandi Sofa' },
    { id: 'boucle', title: 'Coastal Boucle Sofa in Ivory' },
  ];

  it('knows an on-screen product by a word only its title has', () => {
    expect(names.match('the japandi one', shown)).toEqual(['cedar']);
    expect(names.match('I like the ivory one', shown)).toEqual(['boucle']);
  });

  it('does not pick by a word every on-screen title has, or by a word of three letters or fewer', () => {
    expect(names.match('the sofa', shown)).toEqual([]);
    expect(names.match('the oak one', [{ id: 'oak-1', title: 'Oak Chair Nordic' }, { id: 'boucle', title: 'Coastal Boucle Sofa' }])).toEqual([]);
  });

  it('an on-screen word wins over a catalog pair', () => {
    expect(names.match('the boucle, not the cedar 500', [shown[1]!])).toEqual(['boucle']);
  });
});

describe('the product names aisle index writes (names.json)', () => {
  it('read back, name the same products as the index built from the titles', () => {
    const loaded = loadProductNameIndex(JSON.parse(JSON.stringify(productNamePairs(CATALOG))));
    for (const message of ['tell me about the cedar 500', 'a linen sofa', 'the oak chair', 'the oak chair classic', 'harbor linen sofa', 'CEDAR-500!']) {
      expect(loaded.match(message)).toEqual(names.match(message));
    }
    expect(productNamePairs(CATALOG).map(([pair]) => pair)).not.toContain('linen sofa');
  });
});

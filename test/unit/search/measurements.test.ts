import { describe, expect, it } from 'vitest';
import { emptyProduct, type Product } from '../../../src/domain.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { measurePhrases, readMeasure } from '../../../src/search/measurements.ts';
import { parseQuery } from '../../../src/search/query-parser.ts';

const item = (id: string, fields: Partial<Product>): Product => ({ ...emptyProduct(id, id), ...fields });

describe('measured sizes', () => {
  it('reads a catalog size as a number and a unit, or not at all', () => {
    expect(readMeasure('65"')).toEqual({ numbers: ['65'], unit: 'in' });
    expect(readMeasure('8x10 ft')).toEqual({ numbers: ['8', '10'], unit: 'ft' });
    expect(readMeasure('65L')).toEqual({ numbers: ['65'], unit: 'l' });
    expect(readMeasure('US 10')).toBeUndefined();
    expect(readMeasure('Queen')).toBeUndefined();
  });

  it('lists the ways a shopper writes it', () => {
    expect(measurePhrases('7 qt')).toEqual(expect.arrayContaining(['7 quart', '7 quarts', '7qt']));
    expect(measurePhrases('8x10 ft')).toEqual(expect.arrayContaining(['8 by 10 feet', '8x10 ft']));
  });

  const vocabulary = buildFacetVocabulary([
    item('tv', { category: ['Electronics', 'Televisions'], sizes: ['55"', '65"'] }),
    item('stand', { category: ['Furniture', 'TV Stands'] }),
    item('pot', { category: ['Kitchen', 'Dutch Ovens'], sizes: ['7 qt'] }),
  ]);
  const productTerms = new Set(['tv', 'stand', 'television']);
  const read = (text: string) => parseQuery(text, vocabulary, { productTerms }).filters;

  it('"65 inch TV" is a screen size, not a budget', () => {
    expect(read('65 inch tv under $900')).toMatchObject({ sizes: ['65"'], priceMax: 900 });
    expect(read('a 7 quart dutch oven').sizes).toEqual(['7 qt']);
  });

  it('a measurement of the thing a product goes with is no size of the product', () => {
    expect(read('a tv stand for a 65 inch tv').sizes).toBeUndefined();
  });
});

describe('children\'s size systems', () => {
  const vocabulary = buildFacetVocabulary([
    item('adult', { category: ['Shoes', 'Boots'], sizes: ['US 12', 'US 9'] }),
    item('kid', { category: ['Shoes', 'Boots'], sizes: ['Youth 12', 'Toddler 9'] }),
    item('tee', { category: ['Apparel', 'T-Shirts'], sizes: ['10', '3T'] }),
  ]);
  const read = (text: string) => parseQuery(text, vocabulary).filters.sizes;

  it('a kids\' shoe size is the children\'s size of that number', () => {
    expect(read('kids boots size 12')).toEqual(['Youth 12']);
    expect(read('toddler boots size 9')).toEqual(['Toddler 9']);
    expect(read('boots size 12')).toEqual(['US 12']);
  });

  it('keeps sizes that belong to no adult system', () => {
    expect(read('kids t-shirt size 10')).toEqual(['10']);
    expect(read('toddler t-shirt size 3t')).toEqual(['3T']);
  });
});

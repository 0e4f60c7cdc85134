import { describe, expect, it } from 'vitest';
import { extractPrice } from '../../../src/search/price-phrases.ts';
import { normalize } from '../../../src/search/text.ts';

/** The parser hands extractPrice normalised text, so the tests do too. */
const price = (text: string) => extractPrice(normalize(text));
/** Leftover spacing is not something a shopper sees. */
const restWords = (text: string) => price(text).rest.split(/\s+/).filter(Boolean).join(' ');

describe('extractPrice', () => {
  it.each([
    ['under $50', { max: 50 }],
    ['below 50 dollars', { max: 50 }],
    ['less than 1,200', { max: 1200 }],
    ['no more than 75 bucks', { max: 75 }],
    ['1.5k or less', { max: 1500 }],
    ['over $100', { min: 100 }],
    ['at least 30', { min: 30 }],
    ['$50 or more', { min: 50 }],
    ['between 20 and 40 dollars', { min: 20, max: 40 }],
    ['between 40 and 20', { min: 20, max: 40 }],
    ['$20-$40', { min: 20, max: 40 }],
    ['20 to 40 dollars', { min: 20, max: 40 }],
    ['around $50', { min: 40, max: 60 }],
    ['Under $49.99', { max: 49.99 }],
  ])('reads "%s" as %o', (text, bounds) => {
    expect(price(text)).toEqual({ bounds, rest: '' });
  });

  it('returns the rest of the query without the price phrase', () => {
    expect(price('a blue sofa under $900 please').bounds).toEqual({ max: 900 });
    expect(restWords('a blue sofa under $900 please')).toBe('a blue sofa please');
    expect(restWords('lamp between 20 and 40 dollars for my desk')).toBe('lamp for my desk');
    expect(restWords('$20-$40 mugs')).toBe('mugs');
    expect(price('sofa less than $1,200').bounds).toEqual({ max: 1200 });
  });

  it.each(['size 10 sneakers', '2 seater sofa', 'aa batteries 8 pack', 'headphones with 30 hour battery'])(
    'finds no price in "%s"',
    (text) => {
      expect(price(text)).toEqual({ rest: normalize(text) });
    },
  );
});

describe('extractPrice edge cases', () => {
  it('leaves units and model numbers alone', () => {
    expect(extractPrice('stroller under 10 kg').bounds).toBeUndefined();
    expect(extractPrice('a tv under 65 inches').bounds).toBeUndefined();
    expect(extractPrice('toy for a kid around 5 years old').bounds).toBeUndefined();
    expect(extractPrice('sofas under 500 in blue').bounds).toEqual({ max: 500 });
    expect(extractPrice('iphone 15 plus case').bounds).toBeUndefined();
    expect(extractPrice('toys ages 3 and up').bounds).toBeUndefined();
    expect(extractPrice('sofa $500 or more').bounds).toEqual({ min: 500 });
  });

  it('merges two phrases into one range', () => {
    const r = extractPrice('lamp over $100 under $300');
    expect(r.bounds).toEqual({ min: 100, max: 300 });
    expect(r.rest).toBe('lamp');
  });

  it('keeps a range around small amounts', () => {
    expect(extractPrice('around $2').bounds).toEqual({ min: 1, max: 3 });
  });
});

describe('budgets said in words', () => {
  it.each([
    ['a tent for under a hundred bucks', { max: 100 }],
    ['a sweater under fifty', { max: 50 }],
    ['earbuds under two hundred', { max: 200 }],
    ['under twenty five dollars', { max: 25 }],
    ['sofa under 2 grand', { max: 2000 }],
    ['bike helmet, 60 at most', { max: 60 }],
    ['dollars 500 max for a tv', { max: 500 }],
    ['a sofa, nothing over $1500', { max: 1500 }],
  ])('%s', (text, bounds) => {
    expect(price(text).bounds).toEqual(bounds);
  });

  it('leaves counts in words alone: "a two seater sofa"', () => {
    expect(price('a two seater sofa').bounds).toBeUndefined();
  });

  it('reads words as an amount only inside a price phrase: product names keep their words', () => {
    expect(extractPrice('a grand piano')).toEqual({ bounds: undefined, rest: 'a grand piano' });
    expect(extractPrice('twenty one pilots tee under thirty dollars')).toEqual({ bounds: { max: 30 }, rest: 'twenty one pilots tee' });
    expect(extractPrice('a grand piano under two grand')).toEqual({ bounds: { max: 2000 }, rest: 'a grand piano' });
    expect(extractPrice('fifty shades box set $10 or less')).toEqual({ bounds: { max: 10 }, rest: 'fifty shades box set' });
  });
});

import { describe, expect, it } from 'vitest';
import { emptyProduct } from '../../../src/domain.ts';
import { audienceOf, productAudience } from '../../../src/search/audience.ts';
import { compileFilters, matchesFilters, productFacets } from '../../../src/search/filters.ts';

describe('audienceOf', () => {
  it.each([
    ["men's running shoes", 'men'], ['womens size 8', 'women'], ['a hoodie for my 7 year old', 'kids'],
    ['rain boots for a toddler', 'kids'], ['a dress for my wife', 'women'], ['gift for my dad', 'men'],
    ['ladies gloves', 'women'], ['a 3-year-old', 'kids'],
  ])('reads "%s" as %s', (text, audience) => {
    expect(audienceOf(text)).toBe(audience);
  });

  it.each(['baby blue blanket', 'a 65 inch tv', 'sofa for 5 people', 'a 30 year old whisky glass', 'her favourite mug'])('names no audience in "%s"', (text) => {
    expect(audienceOf(text)).toBeUndefined();
  });
});

describe('the audience filter', () => {
  const product = (gender?: string) => productFacets({ ...emptyProduct('p', 'Hoodie'), attributes: gender ? { Gender: gender } : {} });

  it('reads the catalog\'s own gender or age-group attribute', () => {
    expect(productAudience({ gender: 'Women' })).toBe('women');
    expect(productAudience({ 'age group': 'kids' })).toBe('kids');
    expect(productAudience({ gender: 'unisex' })).toBe('unisex');
    expect(productAudience({ colour: 'men' })).toBeUndefined();
  });

  it('keeps products for that audience, unisex ones and ones that do not say; drops the others', () => {
    const forMen = compileFilters({ audience: 'men' });
    expect(matchesFilters(product('men'), forMen)).toBe(true);
    expect(matchesFilters(product('unisex'), forMen)).toBe(true);
    expect(matchesFilters(product(), forMen)).toBe(true);
    expect(matchesFilters(product('women'), forMen)).toBe(false);
    expect(matchesFilters(product('kids'), forMen)).toBe(false);
  });
});

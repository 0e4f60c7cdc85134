import { describe, expect, it } from 'vitest';
import {
  normaliseAvailability, parseCount, parsePrice, parseRating, splitCategory, splitList, splitTags,
} from '../../../src/catalog/values.ts';

describe('parsePrice', () => {
  it.each([
    ['$1,299.00', 1299, 'USD'],
    ['19.99 USD', 19.99, 'USD'],
    ['EUR 1.299,50', 1299.5, 'EUR'],
    ['18,50 €', 18.5, 'EUR'],
    ['£42', 42, 'GBP'],
    ['14', 14, undefined],
    ['1,299', 1299, undefined],
  ])('reads %s', (text, amount, currency) => {
    expect(parsePrice(text)).toEqual({ ok: true, value: currency ? { amount, currency } : { amount } });
  });

  it('has no amount for an empty cell', () => {
    expect(parsePrice('  ')).toEqual({ ok: true, value: {} });
  });

  it('rejects text and negative prices, quoting the value', () => {
    expect(parsePrice('abc')).toEqual({ ok: false, reason: 'price "abc" is not a number' });
    expect(parsePrice('-5.00 USD')).toEqual({ ok: false, reason: 'price "-5.00 USD" is negative' });
    expect(parsePrice('call us')).toMatchObject({ ok: false });
  });
});

describe('numbers', () => {
  it('accepts ratings from 0 to 5 only', () => {
    expect(parseRating('4.5')).toEqual({ ok: true, value: 4.5 });
    expect(parseRating('9')).toEqual({ ok: false, reason: 'rating 9 is outside 0–5' });
    expect(parseRating('good')).toMatchObject({ ok: false });
  });

  it('accepts whole counts with thousands separators', () => {
    expect(parseCount('1,204', 'stock')).toEqual({ ok: true, value: 1204 });
    expect(parseCount('2.5', 'stock')).toEqual({ ok: false, reason: 'stock "2.5" is not a whole number' });
  });
});

describe('normaliseAvailability', () => {
  it.each([
    ['in stock', 'in_stock'], ['In_Stock', 'in_stock'], ['yes', 'in_stock'], ['TRUE', 'in_stock'],
    ['https://schema.org/InStock', 'in_stock'], ['out of stock', 'out_of_stock'], ['sold-out', 'out_of_stock'],
    ['no', 'out_of_stock'], ['Pre-order', 'preorder'], ['backorder', 'backorder'], ['back order', 'backorder'],
  ])('maps %s to %s', (text, expected) => {
    expect(normaliseAvailability(text)).toBe(expected);
  });

  it('does not guess at unknown text', () => {
    expect(normaliseAvailability('ask in store')).toBeUndefined();
    expect(normaliseAvailability('')).toBeUndefined();
  });
});

describe('lists', () => {
  it('splits on pipes when present, else commas, dropping blanks and repeats', () => {
    expect(splitList('Oat|Slate| |oat')).toEqual(['Oat', 'Slate']);
    expect(splitList('60% cotton, 40% wool|Leather')).toEqual(['60% cotton, 40% wool', 'Leather']);
    expect(splitList('White, Speckled')).toEqual(['White', 'Speckled']);
    expect(splitList(['S', ' M '])).toEqual(['S', 'M']);
  });

  it('splits tags on commas and categories on ">" or "/"', () => {
    expect(splitTags('sofa, living room,,')).toEqual(['sofa', 'living room']);
    expect(splitCategory('Furniture > Living Room>Sofas')).toEqual(['Furniture', 'Living Room', 'Sofas']);
    expect(splitCategory('Lighting/Floor Lamps')).toEqual(['Lighting', 'Floor Lamps']);
    expect(splitCategory('Home & Garden > Kitchen/Dining')).toEqual(['Home & Garden', 'Kitchen/Dining']);
  });
});

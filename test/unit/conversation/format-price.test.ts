import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../../src/conversation/format-price.ts';

describe('formatPrice', () => {
  it('writes the amount in its currency, in the shopper locale', () => {
    expect(formatPrice(579.99, 'USD')).toBe('$579.99');
    expect(formatPrice(1249.5, 'EUR', 'de-DE')).toBe('1.249,50\u00a0€');
  });

  it('survives a currency code the runtime does not know, and says so when there is no price', () => {
    expect(formatPrice(10, 'ZZZZ')).toBe('10.00 ZZZZ');
    expect(formatPrice(undefined, 'USD')).toBe('price not listed');
  });
});

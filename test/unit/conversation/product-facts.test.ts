import { describe, expect, it } from 'vitest';
import { answerFromFields } from '../../../src/conversation/product-facts.ts';
import { emptyProduct, type Product } from '../../../src/domain.ts';

const SOFA: Product = {
  ...emptyProduct('sofa-harbor', 'Harbor Linen Sofa'),
  price: 849, currency: 'USD', brand: 'Nordhaus', category: ['Furniture', 'Sofas'], colors: ['Navy Blue', 'Grey'],
  rating: 4.6, reviewCount: 210, availability: 'in_stock', stock: 3,
  attributes: { 'Seat Height': '45 cm', 'Assembly Required': 'No' },
  description: 'Three seat sofa with deep cushions. Ships flat packed.',
};
const sofa = (fields: Partial<Product>): Product => ({ ...SOFA, ...fields });

describe('answerFromFields', () => {
  it('answers the price, noting when options differ', () => {
    expect(answerFromFields(SOFA, 'how much is it?')).toEqual({ text: 'Harbor Linen Sofa costs $849.00.', known: true });
    const variants = [{ sku: 'a', price: 849, options: {}, availability: 'in_stock' as const }, { sku: 'b', price: 999, options: {}, availability: 'in_stock' as const }];
    expect(answerFromFields(sofa({ variants }), 'what does it cost').text).toBe('Harbor Linen Sofa costs $849.00 (the lowest of its options).');
  });

  it('says when the catalog has no price, and that it does not know', () => {
    expect(answerFromFields(sofa({ price: undefined }), 'how much?')).toEqual({ text: 'The catalog does not list a price for Harbor Linen Sofa.', known: false });
  });

  it.each([
    ['in_stock', 'Harbor Linen Sofa is in stock (3 left).', true],
    ['out_of_stock', 'Harbor Linen Sofa is out of stock at the moment.', true],
    ['preorder', 'Harbor Linen Sofa is available to pre-order.', true],
    ['backorder', 'Harbor Linen Sofa is on back order: you can order it now and it ships when restocked.', true],
    ['unknown', 'The catalog does not say whether Harbor Linen Sofa is in stock.', false],
  ] as const)('answers stock when %s', (availability, text, known) => {
    expect(answerFromFields(sofa({ availability }), 'is it in stock?')).toEqual({ text, known });
  });

  it('answers yes or no to a colour, by any word of the catalog colour', () => {
    expect(answerFromFields(SOFA, 'does it come in blue?', { colors: ['blue'] }).text).toBe('Yes: Harbor Linen Sofa comes in blue.');
    expect(answerFromFields(SOFA, 'is there a gray one?', { colors: ['Gray'] }).text).toBe('Yes: Harbor Linen Sofa comes in Gray.');
    expect(answerFromFields(SOFA, 'do you have it in red?', { colors: ['red'] }))
      .toEqual({ text: 'No, not in red: the catalog lists Harbor Linen Sofa in Navy Blue, Grey.', known: true });
  });

  it('says the catalog does not list a material rather than guessing', () => {
    expect(answerFromFields(SOFA, 'what is it made of?')).toEqual({ text: 'The catalog does not list materials for Harbor Linen Sofa.', known: false });
    expect(answerFromFields(SOFA, 'is it oak?', { materials: ['Oak'] }).text)
      .toBe("The catalog does not list materials for Harbor Linen Sofa, so I can't confirm Oak.");
    expect(answerFromFields(sofa({ materials: ['Linen'] }), 'what fabric is it?').text).toBe('It is made of Linen.');
  });

  it('looks up a free-form attribute by the words of its name', () => {
    expect(answerFromFields(SOFA, "what's the seat height?")).toEqual({ text: 'Harbor Linen Sofa: Seat Height is 45 cm.', known: true });
    expect(answerFromFields(SOFA, 'is assembly required?').text).toBe('Harbor Linen Sofa: Assembly Required is No.');
  });

  it('answers each topic asked, and is known when any of them is', () => {
    const both = answerFromFields(sofa({ materials: [] }), 'how much is it and what material?');
    expect(both.text).toBe('Harbor Linen Sofa costs $849.00. The catalog does not list materials for Harbor Linen Sofa.');
    expect(both.known).toBe(true);
  });

  it('answers rating and brand, or says they are missing', () => {
    expect(answerFromFields(SOFA, 'any good reviews?').text).toBe('Rated 4.6 out of 5 from 210 reviews.');
    expect(answerFromFields(sofa({ brand: undefined }), 'who makes it?')).toEqual({ text: 'The catalog does not name a brand for Harbor Linen Sofa.', known: false });
  });

  it('sums the product up when the question names no topic', () => {
    const { text, known } = answerFromFields(SOFA, 'tell me about it');
    expect(known).toBe(true);
    expect(text).toBe('Harbor Linen Sofa by Nordhaus: $849.00. Rated 4.6/5 (210 reviews). Colours: Navy Blue, Grey. '
      + 'Harbor Linen Sofa is in stock (3 left). Three seat sofa with deep cushions.');
  });
});

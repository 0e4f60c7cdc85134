import { describe, expect, it } from 'vitest';
import { extractEmails, extractOrderNumbers, maskIdentifiers, withoutIdentifiers } from '../../../src/understanding/identifiers.ts';

describe('extractOrderNumbers', () => {
  it.each([
    ['#10432', ['10432']],
    ['where is order 10432?', ['10432']],
    ['my order number 7781 has not arrived', ['7781']],
    ['A-55821', ['A-55821']],
    ['order no. SO-2024-0042', ['SO-2024-0042']],
    ['so-2024-0042 please', ['SO-2024-0042']],
    ['88123', ['88123']],
    ['cancel 88123 and 88124', ['88123', '88124']],
    ['order: 1043', ['1043']],
    ['order number: 4321', ['4321']],
    ['my order is ORD123456', ['ORD123456']],
    ['order #1043 please', ['1043']],
    ['orders 88123, 88124', ['88123', '88124']],
    ["it's 88123", ['88123']],
    ['my package 88123 never came', ['88123']],
    ['where is 88123', ['88123']],
  ])('finds the order number in "%s"', (text, numbers) => {
    expect(extractOrderNumbers(text)).toEqual(numbers);
  });

  it('reads a bare long number beside the names of things sold as a model number, unless the message is about an order', () => {
    const namesProducts = (text: string) => /\b(?:lens|tv)\b/.test(text);
    expect(extractOrderNumbers('the canon 70200 lens in black', namesProducts)).toEqual([]);
    expect(extractOrderNumbers('a samsung 55000 series tv for the lounge', namesProducts)).toEqual([]);
    expect(extractOrderNumbers('the lens from order 70200 came scratched', namesProducts)).toEqual(['70200']);
    expect(extractOrderNumbers('my tv 55012 never arrived', namesProducts)).toEqual(['55012']);
    expect(extractOrderNumbers("what's the latest on 21450", namesProducts)).toEqual(['21450']);
  });

  it('names one number once however it is written', () => {
    expect(extractOrderNumbers('order 10432, yes #10432')).toEqual(['10432']);
  });

  it.each([
    'it cost $129.99',
    'I paid $1,299.00',
    'a sofa for $12999',
    'size 10',
    'shoes in size 10.5',
    'it was 12345.67',
    'call 555-1234',
    'show me sofas',
    'an air conditioner with 12000 BTU',
    'a power bank of 10000 mAh',
    'a 10000-mAh power bank',
    'tv under 15000',
    'a ring for £25000',
    'a bike for € 12500',
    'a bike for €12500',
    'SKU AB-1234',
    'sku: AB-1234 in stock?',
    'I want to order 12000 BTU of cooling',
    'do you ship to 90210 on weekends',
    'call me on 07700 900123',
  ])('finds no order number in "%s"', (text) => {
    expect(extractOrderNumbers(text)).toEqual([]);
  });

  it('does not read the digits of an e-mail address as an order', () => {
    expect(extractOrderNumbers('reach me at buyer12345@mail.com')).toEqual([]);
  });
});

describe('extractEmails', () => {
  it('finds addresses, lower-cased, each once', () => {
    expect(extractEmails('my email is Jane.Doe@Example.COM, or jane.doe@example.com')).toEqual(['jane.doe@example.com']);
    expect(extractEmails('write to a+b@shop.co.uk and sales@shop.com')).toEqual(['a+b@shop.co.uk', 'sales@shop.com']);
  });

  it('finds addresses with non-ASCII letters', () => {
    expect(extractEmails('write to Jörg@Müller.de please')).toEqual(['jörg@müller.de']);
    expect(extractEmails('ölaf@straße.example.de')).toEqual(['ölaf@straße.example.de']);
  });

  it('finds nothing in text without an address', () => {
    expect(extractEmails('email me when it ships @ noon')).toEqual([]);
  });
});

describe('withoutIdentifiers', () => {
  it('removes e-mails and the order numbers found, leaving the rest', () => {
    const text = 'order #10432 for jo@mail.com was under $50';
    const out = withoutIdentifiers(text, extractOrderNumbers(text));
    expect(out).not.toMatch(/10432|jo@mail/);
    expect(out).toContain('under $50');
  });
});

describe('maskIdentifiers', () => {
  it.each([
    ['where is order #10432? mail Jo.Smith@mail.com', 'where is order #[order]? mail [email]'],
    ['order number A-55821 and SO-2024-0042', 'order number [order] and [order]'],
    ['my order 1234567 is late', 'my order [order] is late'],
    ['a sofa under $12000 in size 10', 'a sofa under $12000 in size 10'],
    ['order: 1043 is late', 'order: [order] is late'],
    ['order number: 4321', 'order number: [order]'],
    ['my order is ORD123456', 'my order is [order]'],
    ['write to jörg@müller.de', 'write to [email]'],
    ['a 12000 BTU unit and a 10000 mAh battery', 'a 12000 BTU unit and a 10000 mAh battery'],
    ['tv under 15000', 'tv under 15000'],
    ['£25000 or €12500', '£25000 or €12500'],
    ['SKU AB-1234', 'SKU AB-1234'],
  ])('%s', (text, masked) => {
    expect(maskIdentifiers(text)).toBe(masked);
  });
});

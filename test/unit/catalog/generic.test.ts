import { describe, expect, it } from 'vitest';
import type { ParsedRow, Product } from '../../../src/domain.ts';
import { parseDelimitedCatalog, parseJsonlCatalog } from '../../../src/catalog/generic.ts';
import { parseMapping } from '../../../src/catalog/mapping.ts';
import { readFixture } from './read-fixture.ts';

const products = (rows: ParsedRow[]): Product[] => rows.flatMap((r) => (r.ok ? [r.product] : []));
const rejections = (rows: ParsedRow[]) => rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, reason: r.reason }]));

describe('parseDelimitedCatalog (products.csv)', () => {
  const rows = parseDelimitedCatalog(readFixture('products.csv'), { delimiter: ',' });

  it('accepts the good rows, with the line each starts on', () => {
    expect(rows.filter((r) => r.ok).map((r) => [r.line, r.ok && r.product.id])).toEqual([
      [2, 'SOFA-001'], [3, 'LAMP-002'], [5, 'MUG-003'], [12, 'THROW-009'], [13, 'BOOK-010'],
    ]);
  });

  it('rejects each bad row with its line and a reason naming the problem', () => {
    expect(rejections(rows)).toEqual([
      { line: 6, reason: 'missing title: column "name" is empty' },
      { line: 7, reason: 'price "abc" is not a number (column "price")' },
      { line: 8, reason: 'price "-25.00" is negative (column "price")' },
      { line: 9, reason: 'rating 9 is outside 0–5 (column "rating")' },
      { line: 10, reason: 'duplicate id "SOFA-001" (first seen on line 2)' },
      { line: 11, reason: expect.stringMatching(/^unterminated quoted field/) },
    ]);
  });

  it('maps the columns onto product fields', () => {
    const [sofa, lamp, mug] = products(rows);
    expect(sofa).toMatchObject({
      id: 'SOFA-001', title: 'Harbor 3-Seat Sofa', brand: 'Northwind', price: 1299, currency: 'USD',
      description: 'Deep seats & a washable linen cover.\nKiln-dried oak frame.',
      category: ['Furniture', 'Living Room', 'Sofas'], colors: ['Oat', 'Slate'], materials: ['Linen', 'Oak'],
      imageUrl: 'https://cdn.example.com/sofa-001.jpg', url: 'https://shop.example.com/p/sofa-001',
      rating: 4.6, reviewCount: 212, stock: 7, availability: 'in_stock', tags: ['sofa', 'living room'],
      attributes: { weight_kg: '48' }, variants: [],
    });
    expect(lamp).toMatchObject({ description: 'Brushed brass arc lamp.\nDimmable, 2 m reach.', category: ['Lighting', 'Floor Lamps'], availability: 'out_of_stock' });
    expect(mug).toMatchObject({ title: 'Stoneware Mug, 12 oz', description: 'Glazed "speckled" finish', colors: ['White', 'Speckled'], availability: 'in_stock' });
    expect(products(rows).find((p) => p.id === 'BOOK-010')?.availability).toBe('preorder');
  });

  it('rejects a row with more values than columns rather than shifting them', () => {
    const shifted = parseDelimitedCatalog('id,title,price\nA,Lamp, brass,12\nB,Mug,4\n', { delimiter: ',' });
    expect(rejections(shifted)).toEqual([{ line: 2, reason: expect.stringMatching(/4 fields but the header has 3/) }]);
  });
});

describe('parseDelimitedCatalog with a mapping (products.tsv)', () => {
  it('reads the mapped columns', () => {
    const mapping = parseMapping('id=Item No,title=Product Name,price=Cost,brand=Maker,category=Dept');
    const rows = parseDelimitedCatalog(readFixture('products.tsv'), { delimiter: '\t', mapping });
    expect(products(rows)).toMatchObject([
      { id: 'A-1', title: 'Linen Napkins (set of 4)', price: 18.5, currency: 'EUR', category: ['Kitchen', 'Table Linen'], colors: ['Sage', 'Oat'], attributes: { Notes: 'Pre-washed' } },
      { id: 'A-2', title: 'Oak Serving Board', price: 42, currency: 'EUR', brand: 'Northwind' },
    ]);
  });

  it('refuses a mapping that names a column the file lacks', () => {
    expect(() => parseDelimitedCatalog(readFixture('products.tsv'), { delimiter: '\t', mapping: { price: 'Amount' } }))
      .toThrow(/"Amount" \(for price\).*columns are: Item No/);
  });
});

describe('parseJsonlCatalog (products.jsonl)', () => {
  const rows = parseJsonlCatalog(readFixture('products.jsonl'));

  it('accepts objects, taking arrays for lists and keeping nested values as JSON', () => {
    expect(products(rows).map((p) => p.id)).toEqual(['JKT-100', 'BOTTLE-101', 'GLOVE-104']);
    expect(products(rows)[0]).toMatchObject({
      description: 'Waterproof & breathable.', category: ['Apparel', 'Outerwear', 'Jackets'], price: 149, currency: 'EUR',
      colors: ['Olive', 'Black'], sizes: ['S', 'M', 'L'], tags: ['rain', 'hiking'], rating: 4.4, reviewCount: 87,
      attributes: { dimensions: '{"weight_g":380}', care: '["machine wash","no tumble dry"]' },
    });
    expect(products(rows)[1]).toMatchObject({ availability: 'out_of_stock', materials: ['Stainless steel'], tags: ['hydration', 'travel'], attributes: {} });
  });

  it('rejects bad lines with their line numbers', () => {
    expect(rejections(rows)).toEqual([
      { line: 3, reason: 'price "abc" is not a number (column "price")' },
      { line: 4, reason: expect.stringMatching(/^invalid JSON: /) },
      { line: 6, reason: 'duplicate id "JKT-100" (first seen on line 1)' },
      { line: 7, reason: 'line is not a JSON object' },
      { line: 8, reason: expect.stringMatching(/^no id column/) },
    ]);
  });
});

describe("Aisle's own product JSON (aisle demo output)", () => {
  it('round-trips nested attributes, variants, image and review count', () => {
    const product = {
      id: 'P1', title: 'Trail runner', description: 'Light.', brand: 'Pace', category: ['Shoes', 'Running Shoes'], price: 80,
      currency: 'USD', colors: ['black'], sizes: ['US 9'], materials: ['mesh'], imageUrl: '/images/P1.svg', url: '/products/P1',
      rating: 4.2, reviewCount: 31, stock: 3, availability: 'in_stock', tags: ['runner'], attributes: { width: 'wide', drop_mm: 8 },
      variants: [{ sku: 'P1-9', price: 80, options: { Size: 'US 9' }, stock: 3, availability: 'in_stock' }],
    };
    const [row] = parseJsonlCatalog(JSON.stringify(product));
    expect(row).toMatchObject({ ok: true, product: { ...product, attributes: { width: 'wide', drop_mm: '8' } } });
  });

  it('rejects malformed variants with the line number', () => {
    const [row] = parseJsonlCatalog('{"id":"P1","title":"T","variants":[{"sku":1}]}');
    expect(row).toMatchObject({ ok: false, line: 1, reason: expect.stringContaining('variants') });
  });
});

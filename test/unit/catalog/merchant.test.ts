import { describe, expect, it } from 'vitest';
import type { ParsedRow, Product } from '../../../src/domain.ts';
import { parseMerchantFeed } from '../../../src/catalog/merchant.ts';
import { readFixture } from './read-fixture.ts';

const products = (rows: ParsedRow[]): Product[] => rows.flatMap((r) => (r.ok ? [r.product] : []));
const rejections = (rows: ParsedRow[]) => rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, reason: r.reason }]));

describe('parseMerchantFeed (merchant-feed.tsv)', () => {
  const rows = parseMerchantFeed(readFixture('merchant-feed.tsv'));

  it('groups items sharing item_group_id into one product with a variant per item', () => {
    expect(rows.filter((r) => r.ok).map((r) => [r.line, r.ok && r.product.id])).toEqual([[2, 'HD-100'], [5, 'BP-200'], [9, 'KN-500']]);
    expect(products(rows)[0]).toMatchObject({
      title: 'Heavyweight Hoodie', brand: 'Fieldhouse', price: 55, currency: 'USD', availability: 'in_stock',
      category: ['Apparel', 'Tops', 'Hoodies'], colors: ['Black', 'Heather Grey'], sizes: ['M', 'L'], materials: ['Cotton', 'Polyester'],
      description: 'Brushed fleece inside.', imageUrl: 'https://cdn.example.com/hoodie-black.jpg',
      variants: [
        { sku: 'HD-BLK-M', options: { Color: 'Black', Size: 'M', Material: 'Cotton/Polyester' }, price: 59, availability: 'in_stock' },
        { sku: 'HD-BLK-L', options: { Color: 'Black', Size: 'L', Material: 'Cotton/Polyester' }, price: 59, availability: 'in_stock' },
        { sku: 'HD-GRY-M', options: { Color: 'Heather Grey', Size: 'M', Material: 'Cotton/Polyester' }, price: 55, availability: 'out_of_stock' },
      ],
    });
    expect(products(rows)[0]?.attributes).not.toHaveProperty('gtin');
  });

  it('uses the sale price, the Google category when there is no product_type, and "/"-separated colours', () => {
    expect(products(rows)[1]).toMatchObject({
      price: 79, availability: 'preorder', rating: 4.7, colors: ['Olive', 'Black'], category: ['Luggage & Bags', 'Backpacks'],
      description: 'Waterproof roll-top & padded laptop sleeve.', url: 'https://shop.example.com/p/backpack',
      attributes: { price: '99.00 USD', mpn: 'PL-BP24' }, variants: [],
    });
    expect(products(rows)[2]).toMatchObject({ category: [], availability: 'backorder', attributes: { google_product_category: '668' } });
  });

  it('rejects bad items with their line numbers', () => {
    expect(rejections(rows)).toEqual([
      { line: 6, reason: 'price "abc" is not a number (column "price")' },
      { line: 7, reason: 'missing title: column "title" is empty' },
      { line: 8, reason: 'duplicate id "BP-200" (first seen on line 5)' },
    ]);
  });
});

describe('parseMerchantFeed (merchant-feed.xml)', () => {
  const rows = parseMerchantFeed(readFixture('merchant-feed.xml'));

  it('reads <item>s with g: elements, grouping the item group, at the line each <item> starts', () => {
    expect(rows.filter((r) => r.ok).map((r) => [r.line, r.ok && r.product.id])).toEqual([[7, 'classic-tee'], [43, 'MUG-12']]);
    const [tee, mug] = products(rows);
    expect(tee).toMatchObject({
      title: 'Classic Organic Tee', description: 'Soft organic cotton.\nRegular fit', price: 26,
      category: ['Apparel & Accessories', 'Clothing', 'Shirts & Tops'], colors: ['Navy', 'Sand'], sizes: ['S', 'M'],
      url: 'https://shop.example.com/products/classic-tee?variant=1',
      variants: [
        { sku: 'TEE-NVY-S', options: { Color: 'Navy', Size: 'S' }, price: 28, availability: 'in_stock' },
        { sku: 'TEE-SND-M', options: { Color: 'Sand', Size: 'M' }, price: 26, availability: 'out_of_stock' },
      ],
    });
    expect(mug).toMatchObject({
      title: 'Café Mug & Saucer', brand: 'Kiln & Co', price: 11, availability: 'in_stock', materials: ['Stoneware'],
      category: ['Home & Garden', 'Kitchen & Dining', 'Tableware'],
    });
  });

  it('rejects bad items, malformed XML included, and still reads the rest', () => {
    expect(rejections(rows)).toEqual([
      { line: 56, reason: 'price "twelve dollars" is not a number (column "price")' },
      { line: 62, reason: expect.stringMatching(/^invalid XML on line 64: .*'titl'/) },
      { line: 67, reason: 'missing id: column "id" is empty' },
    ]);
  });

  it('keeps nested elements of a standalone item as JSON attributes, and handles a feed on one line', () => {
    const xml = '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>'
      + '<item><g:id>A</g:id><g:title>Kettle</g:title><g:price>30 USD</g:price><g:shipping><g:country>US</g:country></g:shipping></item>'
      + '<item><g:id>B</g:id><g:title>Pot</g:title><g:price>20 USD</g:price></item></channel></rss>';
    const rows2 = parseMerchantFeed(xml);
    expect(products(rows2).map((p) => [p.id, p.attributes['shipping']])).toEqual([['A', '{"country":"US"}'], ['B', undefined]]);
    expect(rows2.map((r) => r.line)).toEqual([1, 1]);
  });

  it('refuses XML that is not an RSS feed', () => {
    expect(() => parseMerchantFeed('<?xml version="1.0"?><feed><entry/></feed>')).toThrow(/no <channel> element/);
  });
});

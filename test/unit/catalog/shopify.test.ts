import { describe, expect, it } from 'vitest';
import type { ParsedRow, Product } from '../../../src/domain.ts';
import { parseShopifyCsv } from '../../../src/catalog/shopify.ts';
import { readFixture } from './read-fixture.ts';

const products = (rows: ParsedRow[]): Product[] => rows.flatMap((r) => (r.ok ? [r.product] : []));
const rejections = (rows: ParsedRow[]) => rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, reason: r.reason }]));

const HEADER = 'Handle,Title,Body (HTML),Vendor,Type,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Image Src,Status';

describe('parseShopifyCsv (shopify-products.csv)', () => {
  const rows = parseShopifyCsv(readFixture('shopify-products.csv'));
  const byId = (id: string) => products(rows).find((p) => p.id === id);

  it('groups rows by handle into one product per handle, at the line of its first row', () => {
    expect(rows.filter((r) => r.ok).map((r) => [r.line, r.ok && r.product.id])).toEqual([
      [2, 'classic-tee'], [7, 'canvas-tote'], [9, 'trail-runner'],
    ]);
  });

  it('turns every variant row into a variant with its options, price and stock', () => {
    const tee = byId('classic-tee');
    expect(tee?.variants).toEqual([
      { sku: 'TEE-NVY-S', options: { Color: 'Navy', Size: 'S' }, price: 28, stock: 10, availability: 'in_stock' },
      { sku: 'TEE-NVY-M', options: { Color: 'Navy', Size: 'M' }, price: 28, stock: 0, availability: 'out_of_stock' },
      { sku: 'TEE-SND-M', options: { Color: 'Sand', Size: 'M' }, price: 26, stock: 4, availability: 'in_stock' },
    ]);
    expect(tee).toMatchObject({
      title: 'Classic Organic Tee', brand: 'Fieldhouse', price: 26, stock: 14, availability: 'in_stock',
      colors: ['Navy', 'Sand'], sizes: ['S', 'M'], category: ['Apparel & Accessories', 'Clothing', 'Shirts & Tops'],
      tags: ['basics', 'cotton', 'organic'], url: '/products/classic-tee', imageUrl: 'https://cdn.shopify.com/s/files/tee-navy.jpg',
      description: 'Our everyday tee in organic cotton.\nRegular fit\nPre-shrunk',
      attributes: { Type: 'T-Shirts', Published: 'TRUE', 'SEO Title': 'Classic Organic Tee | Fieldhouse' },
    });
  });

  it('drops the "Default Title" placeholder option and falls back to Type for the category', () => {
    expect(byId('canvas-tote')).toMatchObject({
      description: 'Carries a laptop & groceries.', category: ['Bags'], price: 35, stock: 12,
      variants: [{ sku: 'TOTE-01', options: {}, price: 35, stock: 12, availability: 'in_stock' }],
    });
  });

  it('reads materials from options and treats oversold "continue" variants as backorder', () => {
    expect(byId('trail-runner')).toMatchObject({
      category: ['Shoes'], sizes: ['9', '10'], colors: ['Black'], materials: ['Mesh'], stock: 3, availability: 'in_stock',
      variants: [{ sku: 'TR-9-BLK', stock: 0, availability: 'backorder' }, { sku: 'TR-10-BLK', stock: 3, availability: 'in_stock' }],
    });
  });

  it('skips the draft and the product without a title, and their later rows make no product', () => {
    expect(rejections(rows)).toEqual([
      { line: 11, reason: 'product "winter-parka" is draft; only active products are imported' },
      { line: 13, reason: 'missing Title: the first row of handle "mystery-item" has none' },
    ]);
    expect(byId('winter-parka')).toBeUndefined();
    expect(byId('mystery-item')).toBeUndefined();
    // A draft is skipped on purpose (it does not block --replace); a missing title is an error.
    expect(rows.filter((r) => !r.ok && r.skipped).map((r) => r.line)).toEqual([11]);
  });
});

describe('parseShopifyCsv edge cases', () => {
  it('rejects a product at the line of its bad variant', () => {
    const text = `${HEADER}\nmug,Mug,,Kiln,Mugs,Size,S,M-S,3,12.00,,active\nmug,,,,,,L,M-L,2,abc,,\n`;
    expect(parseShopifyCsv(text)).toEqual([
      { ok: false, line: 3, reason: 'price "abc" is not a number (column "Variant Price"); product "mug" not imported' },
    ]);
  });

  it('does not turn the continuation of an unreadable first row into a product', () => {
    const text = `${HEADER}\nmug,"Mug,,Kiln,Mugs,Size,S,M-S,3,12.00,,active\nmug,,,,,,L,M-L,2,14.00,,\nbowl,Bowl,,Kiln,Bowls,Title,Default Title,B-1,1,9.00,,\n`;
    const rows = parseShopifyCsv(text);
    expect(rejections(rows)).toEqual([
      { line: 2, reason: expect.stringMatching(/^unterminated quoted field/) },
      { line: 3, reason: 'missing Title: the first row of handle "mug" has none' },
    ]);
    expect(products(rows).map((p) => p.id)).toEqual(['bowl']);
  });

  it('refuses a file that is not a Shopify export', () => {
    expect(() => parseShopifyCsv('id,title\n1,Mug\n')).toThrow(/no "Handle" column/);
  });
});

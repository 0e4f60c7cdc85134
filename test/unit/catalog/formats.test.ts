import { describe, expect, it } from 'vitest';
import { detectFormat, parseCatalog } from '../../../src/catalog/formats.ts';
import { readFixture } from './read-fixture.ts';

describe('detectFormat', () => {
  it.each([
    ['products.csv', 'csv'],
    ['products.tsv', 'tsv'],
    ['products.jsonl', 'jsonl'],
    ['shopify-products.csv', 'shopify'],
    ['merchant-feed.tsv', 'merchant'],
    ['merchant-feed.xml', 'merchant'],
  ])('detects %s as %s from its name and header', (file, format) => {
    expect(detectFormat(file, readFixture(file).slice(0, 4096))).toBe(format);
  });

  it('sniffs the content when the extension says nothing', () => {
    expect(detectFormat('export', '\uFEFFHandle,Title,Variant Price\n')).toBe('shopify');
    expect(detectFormat('feed.txt', 'id\ttitle\tprice\timage link\n')).toBe('merchant');
    expect(detectFormat('feed', '  <rss version="2.0">')).toBe('merchant');
    expect(detectFormat('dump.json', '{"id":"1"}\n')).toBe('jsonl');
    expect(detectFormat('items', 'a\tb\tc\n')).toBe('tsv');
    expect(detectFormat('items.dat', 'id,title\n')).toBe('csv');
  });

  it('refuses a JSON array, pointing to JSON Lines', () => {
    expect(() => detectFormat('catalog.json', '[{"id":1}]')).toThrow(/JSON Lines/);
  });
});

describe('parseCatalog', () => {
  it('dispatches to the parser of each format', () => {
    const ids = (file: string, format: Parameters<typeof parseCatalog>[1], mapping?: Record<string, string>) =>
      parseCatalog(readFixture(file), format, mapping ? { mapping } : {}).flatMap((r) => (r.ok ? [r.product.id] : []));
    expect(ids('products.csv', 'csv')).toHaveLength(5);
    expect(ids('products.tsv', 'tsv', { id: 'Item No', title: 'Product Name' })).toEqual(['A-1', 'A-2']);
    expect(ids('products.jsonl', 'jsonl')).toEqual(['JKT-100', 'BOTTLE-101', 'GLOVE-104']);
    expect(ids('shopify-products.csv', 'shopify')).toEqual(['classic-tee', 'canvas-tote', 'trail-runner']);
    expect(ids('merchant-feed.xml', 'merchant')).toEqual(['classic-tee', 'MUG-12']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseMapping, resolveMapping, rowToProduct } from '../../../src/catalog/mapping.ts';
import { AppError } from '../../../src/errors.ts';

describe('parseMapping', () => {
  it('reads field=Column pairs, accepting singular and snake_case field names', () => {
    expect(parseMapping('title=Name, price=Cost,color=Shade,image_url=Picture')).toEqual({
      title: 'Name', price: 'Cost', colors: 'Shade', imageUrl: 'Picture',
    });
  });

  it('rejects an unknown field with BAD_INPUT, listing the valid fields', () => {
    const error = (() => {
      try {
        parseMapping('title=Name,cost=Price');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/"cost".*title, .*price/) });
  });

  it('rejects a pair without a column', () => {
    expect(() => parseMapping('title')).toThrow(/not field=Column/);
  });
});

describe('resolveMapping', () => {
  it('recognises common column names whatever their case and spacing', () => {
    const columns = ['Product ID', 'Name', 'Body', 'Vendor', 'Category Path', 'Price', 'Colour', 'Image URL', 'Product URL', 'Review Count', 'Quantity', 'In Stock', 'Tags', 'Weight'];
    expect(resolveMapping(columns)).toEqual({
      id: 'Product ID', title: 'Name', description: 'Body', brand: 'Vendor', category: 'Category Path', price: 'Price',
      colors: 'Colour', imageUrl: 'Image URL', url: 'Product URL', reviewCount: 'Review Count', stock: 'Quantity',
      availability: 'In Stock', tags: 'Tags',
    });
  });

  it('lets an explicit mapping win and never maps one column twice', () => {
    const mapping = resolveMapping(['id', 'price', 'Cost', 'name'], { price: 'cost', title: 'id' });
    expect(mapping).toEqual({ price: 'Cost', title: 'id' });
  });
});

describe('rowToProduct', () => {
  const mapping = resolveMapping(['sku', 'name', 'price', 'stock', 'availability', 'fabric']);

  it('builds a product and keeps unmapped columns as attributes', () => {
    const row = rowToProduct({ sku: 'T-1', name: 'Tee', price: '19.99 GBP', stock: '3', availability: '', fabric: 'jersey' }, mapping, 4);
    expect(row).toMatchObject({
      ok: true, line: 4,
      product: { id: 'T-1', title: 'Tee', price: 19.99, currency: 'GBP', stock: 3, availability: 'in_stock', attributes: { fabric: 'jersey' } },
    });
  });

  it('names the missing column or the empty one', () => {
    expect(rowToProduct({ name: 'Tee' }, resolveMapping(['name']), 2)).toEqual({
      ok: false, line: 2, reason: 'no id column (looked for id, sku, product_id; map one with id=<column>)',
    });
    expect(rowToProduct({ sku: 'T-1', name: ' ' }, mapping, 3)).toEqual({ ok: false, line: 3, reason: 'missing title: column "name" is empty' });
  });

  it('rejects a bad number with the column it came from', () => {
    expect(rowToProduct({ sku: 'T-1', name: 'Tee', stock: 'lots' }, mapping, 5)).toEqual({
      ok: false, line: 5, reason: 'stock "lots" is not a whole number (column "stock")',
    });
  });
});

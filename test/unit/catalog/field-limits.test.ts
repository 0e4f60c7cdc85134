import { describe, expect, it } from 'vitest';
import { emptyProduct, type ParsedRow, type Product } from '../../../src/domain.ts';
import { applyFieldLimits, FIELD_LIMITS } from '../../../src/catalog/field-limits.ts';
import { parseCatalog } from '../../../src/catalog/formats.ts';

const row = (edit: (p: Product) => void, line = 7): ParsedRow => {
  const product = emptyProduct('LAMP-1', 'Brass floor lamp');
  edit(product);
  return { ok: true, line, product };
};

describe('applyFieldLimits', () => {
  it('rejects a product whose title, id, brand or a list value is too long, naming the field and both sizes', () => {
    expect(applyFieldLimits(row((p) => { p.title = 'x'.repeat(501); })).row).toEqual(
      { ok: false, line: 7, reason: 'title is 501 characters; the limit is 500' },
    );
    expect(applyFieldLimits(row((p) => { p.id = 'x'.repeat(201); })).row).toMatchObject({ ok: false, reason: /^id is 201 characters/ });
    expect(applyFieldLimits(row((p) => { p.brand = 'b'.repeat(201); })).row).toMatchObject({ ok: false, reason: /^brand is 201/ });
    expect(applyFieldLimits(row((p) => { p.colors = ['Red', 'c'.repeat(201)]; })).row).toMatchObject({ ok: false, reason: /^colors is 201/ });
    expect(applyFieldLimits(row((p) => { p.url = `https://x.example/${'p'.repeat(2000)}`; })).row).toMatchObject({ ok: false, reason: /^url is/ });
  });

  it('keeps a product at the limits as it is', () => {
    const atLimit = row((p) => {
      p.title = 't'.repeat(FIELD_LIMITS.titleChars);
      p.description = 'd'.repeat(FIELD_LIMITS.descriptionChars);
      p.attributes = { note: 'a'.repeat(FIELD_LIMITS.attributeValueChars) };
    });
    expect(applyFieldLimits(atLimit)).toEqual({ row: atLimit });
  });

  it('cuts a long description at a word, marks the cut, and reports it', () => {
    const limited = applyFieldLimits(row((p) => { p.description = 'word '.repeat(10_000); }));
    const description = limited.row.ok ? limited.row.product.description : '';
    expect(description.length).toBeLessThanOrEqual(FIELD_LIMITS.descriptionChars);
    expect(description).toMatch(/word…$/);
    expect(limited.trimmed).toEqual({ line: 7, reason: 'description cut from 50,000 to 20,000 characters' });
  });

  it('drops over-long attributes and keeps the first 100, reporting both', () => {
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`a${i}`, 'v']));
    const limited = applyFieldLimits(row((p) => { p.attributes = { spec: 's'.repeat(5000), ...many }; }));
    const attributes = limited.row.ok ? limited.row.product.attributes : {};
    expect(Object.keys(attributes)).toHaveLength(100);
    expect(attributes).not.toHaveProperty('spec');
    expect(limited.trimmed?.reason).toBe(
      'attributes dropped for a name over 100 or a value over 1,000 characters: "spec"; attributes: kept the first 100 of 120',
    );
  });

  it('keeps the first 200 values of a long list', () => {
    const limited = applyFieldLimits(row((p) => { p.tags = Array.from({ length: 250 }, (_, i) => `tag ${i}`); }));
    expect(limited.row.ok && limited.row.product.tags).toHaveLength(200);
    expect(limited.trimmed?.reason).toBe('tags: kept the first 200 of 250 values');
  });
});

describe('a 10 MB title in a catalog file', () => {
  it('is rejected at its line, before it can reach a reply', () => {
    const rows = parseCatalog(`id,title\nA,Mug\nB,${'T'.repeat(10 * 2 ** 20)}\n`, 'csv').map(applyFieldLimits);
    expect(rows.map((r) => (r.row.ok ? r.row.product.id : `${r.row.line}: ${r.row.reason}`))).toEqual([
      'A', '3: row is 10,485,762 characters; the limit is 1,000,000',
    ]);
  });
});

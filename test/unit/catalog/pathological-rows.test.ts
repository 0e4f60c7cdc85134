import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../../src/domain.ts';
import { parseCatalog } from '../../../src/catalog/formats.ts';
import { MAX_NESTING, MAX_ROW_CHARS } from '../../../src/catalog/row-guards.ts';

const ids = (rows: ParsedRow[]) => rows.flatMap((r) => (r.ok ? [r.product.id] : []));
const rejections = (rows: ParsedRow[]) => rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, reason: r.reason }]));

/** Text as the CLI reads a file: bytes decoded as UTF-8, invalid sequences becoming U+FFFD. */
const readAsUtf8 = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))).toString('utf8');

const LATIN1_E_ACUTE = [0xe9]; // "é" as Latin-1: not UTF-8

describe('rows with the wrong number of fields', () => {
  const columns = Array.from({ length: 36 }, (_, i) => (i === 0 ? 'id' : i === 1 ? 'title' : i === 2 ? 'price' : `extra_${i}`));
  const full = (id: string) => [id, `Lamp ${id}`, '12', ...Array.from({ length: 33 }, () => 'x')].join(',');

  it('rejects a truncated last row (3 of 36 fields) as it rejects a row with one field too many', () => {
    const text = [columns.join(','), full('A'), `${full('B')},surplus`, full('C'), 'D,Lamp D,12'].join('\n');
    const rows = parseCatalog(text, 'csv');
    expect(ids(rows)).toEqual(['A', 'C']);
    expect(rejections(rows)).toEqual([
      { line: 3, reason: 'row has 37 fields but the header has 36; is a "," inside a value unquoted?' },
      { line: 5, reason: 'row has 3 fields but the header has 36; was the row cut short, or a value left out?' },
    ]);
  });

  it('still takes a trailing delimiter (an extra empty field)', () => {
    expect(ids(parseCatalog('id,title,price\nA,Lamp,12,\n', 'csv'))).toEqual(['A']);
  });

  it('rejects a cut-short row in a Shopify export instead of importing a product without a price', () => {
    const header = 'Handle,Title,Body (HTML),Vendor,Variant SKU,Variant Price,Status';
    const rows = parseCatalog(`${header}\nmug,Mug,,Acme,MUG-1,9.00,active\nlamp,Lamp,<p>Brass</p>\n`, 'shopify');
    expect(ids(rows)).toEqual(['mug']);
    expect(rejections(rows)).toEqual([{ line: 3, reason: expect.stringMatching(/^row has 3 fields but the header has 7/) }]);
  });
});

describe('a pathological row costs that row only', () => {
  it('rejects a JSON line nested 5,000 levels deep at its line and keeps the others', () => {
    const deep = `{"id":"D","title":"Deep","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const rows = parseCatalog(['{"id":"A","title":"Mug"}', deep, '{"id":"B","title":"Lamp"}'].join('\n'), 'jsonl');
    expect(ids(rows)).toEqual(['A', 'B']);
    expect(rejections(rows)).toEqual([{ line: 2, reason: `values nested more than ${MAX_NESTING} levels deep` }]);
  });

  it('does not count brackets inside JSON strings as nesting', () => {
    const text = `{"id":"A","title":"Mug","note":"${'['.repeat(100)} \\" {"}`;
    expect(ids(parseCatalog(text, 'jsonl'))).toEqual(['A']);
  });

  it('rejects a Merchant XML item nested 20,000 tags deep at its line and keeps the others', () => {
    const item = (id: string, inner = '') => `<item><g:id>${id}</g:id><title>Item ${id}</title>${inner}</item>`;
    const xml = [
      '<?xml version="1.0"?>', '<rss xmlns:g="http://base.google.com/ns/1.0"><channel>',
      item('A'), item('D', `<g:x>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</g:x>`), item('B'),
      '</channel></rss>',
    ].join('\n');
    const rows = parseCatalog(xml, 'merchant');
    expect(ids(rows)).toEqual(['A', 'B']);
    expect(rejections(rows)).toEqual([{ line: 4, reason: `elements nested more than ${MAX_NESTING} levels deep` }]);
  });

  it('keeps items whose nesting is ordinary, comments and CDATA included', () => {
    const xml = '<rss><channel>\n<item><g:id>A</g:id><title><![CDATA[<b><i>Mug</i></b>]]></title><!-- <x><y> --><g:shipping><g:country>US</g:country></g:shipping></item>\n</channel></rss>';
    expect(ids(parseCatalog(xml, 'merchant'))).toEqual(['A']);
  });

  it('rejects a row longer than the row limit, unread', () => {
    const rows = parseCatalog(`id,title\nA,Mug\nB,${'x'.repeat(MAX_ROW_CHARS)}\n`, 'csv');
    expect(ids(rows)).toEqual(['A']);
    expect(rejections(rows)).toEqual([{ line: 3, reason: `row is 1,000,002 characters; the limit is 1,000,000` }]);
  });
});

describe('text that is not UTF-8', () => {
  const reason = expect.stringMatching(/^invalid UTF-8: .*save the file as UTF-8$/);

  it('rejects the CSV rows holding bytes that are not UTF-8, at their lines', () => {
    const text = readAsUtf8('id,title\nA,Caf', LATIN1_E_ACUTE, ' Mug\nB,Lamp\nC,Cr', LATIN1_E_ACUTE, 'pe pan\n');
    const rows = parseCatalog(text, 'csv');
    expect(ids(rows)).toEqual(['B']);
    expect(rejections(rows)).toEqual([{ line: 2, reason }, { line: 4, reason }]);
  });

  it('rejects such JSON lines and Merchant items too', () => {
    const jsonl = readAsUtf8('{"id":"A","title":"Mug"}\n{"id":"B","title":"Caf', LATIN1_E_ACUTE, '"}\n');
    expect(rejections(parseCatalog(jsonl, 'jsonl'))).toEqual([{ line: 2, reason }]);
    const xml = readAsUtf8('<rss><channel>\n<item><g:id>A</g:id><title>Caf', LATIN1_E_ACUTE, '</title></item>\n<item><g:id>B</g:id><title>Mug</title></item>\n</channel></rss>');
    const rows = parseCatalog(xml, 'merchant');
    expect(ids(rows)).toEqual(['B']);
    expect(rejections(rows)).toEqual([{ line: 2, reason }]);
  });

  it('takes valid multi-byte UTF-8 as it is', () => {
    expect(parseCatalog(readAsUtf8('id,title\nA,Café crème ☕\n'), 'csv')).toMatchObject([{ ok: true, product: { title: 'Café crème ☕' } }]);
  });
});

describe('ids that differ only in letter case', () => {
  it('are duplicates within one file, in every format; ids keep the case they were written in', () => {
    const csv = parseCatalog('id,title\nSOFA-1,Sofa\nsofa-1,Sofa again\nsofa-2,Other sofa\n', 'csv');
    expect(ids(csv)).toEqual(['SOFA-1', 'sofa-2']);
    expect(rejections(csv)).toEqual([{ line: 3, reason: 'duplicate id "sofa-1": differs only in letter case from "SOFA-1" on line 2' }]);
    const jsonl = parseCatalog('{"id":"Mug","title":"Mug"}\n{"id":"MUG","title":"Mug"}\n', 'jsonl');
    expect(rejections(jsonl)).toEqual([{ line: 2, reason: 'duplicate id "MUG": differs only in letter case from "Mug" on line 1' }]);
    const shopify = parseCatalog('Handle,Title,Variant Price\ntote,Tote,10\nTote,Tote,12\n', 'shopify');
    expect(ids(shopify)).toEqual(['tote']);
    expect(rejections(shopify)).toEqual([{ line: 3, reason: 'duplicate id "Tote": differs only in letter case from "tote" on line 2' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { readDelimited } from '../../../src/catalog/csv.ts';

describe('readDelimited', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines, keeping each record\'s start line', () => {
    const text = 'id,title,notes\n1,"Mug, 12 oz","a ""speckled""\nglaze"\n2,Plate,\n';
    expect(readDelimited(text, ',')).toEqual([
      { ok: true, line: 1, fields: ['id', 'title', 'notes'] },
      { ok: true, line: 2, fields: ['1', 'Mug, 12 oz', 'a "speckled"\nglaze'] },
      { ok: true, line: 4, fields: ['2', 'Plate', ''] },
    ]);
  });

  it('strips a BOM, accepts CRLF and skips blank lines without losing line numbers', () => {
    const text = '\uFEFFid,title\r\n\r\n1,Mug\r\n,\r\n2,"Two\r\nlines"\r\n3,Bowl';
    const records = readDelimited(text, ',');
    expect(records.map((r) => r.line)).toEqual([1, 3, 5, 7]);
    expect(records[0]).toEqual({ ok: true, line: 1, fields: ['id', 'title'] });
    expect(records[2]).toEqual({ ok: true, line: 5, fields: ['2', 'Two\nlines'] });
  });

  it('splits on tabs', () => {
    expect(readDelimited('a\tb, c\n"x\ty"\tz', '\t')).toEqual([
      { ok: true, line: 1, fields: ['a', 'b, c'] },
      { ok: true, line: 2, fields: ['x\ty', 'z'] },
    ]);
  });

  it('reports an unterminated quote at the end of the file with its line', () => {
    const records = readDelimited('id,title\n1,Mug\n2,"Plate\n', ',');
    expect(records.slice(0, 2).every((r) => r.ok)).toBe(true);
    expect(records[2]).toMatchObject({ ok: false, line: 3 });
    expect(records[2]?.ok === false && records[2].reason).toMatch(/unterminated quote/);
  });

  it('reports an unterminated quote in the middle and keeps reading the next lines', () => {
    const records = readDelimited('id,title\n1,"Mug,x\n2,"Plate",y\n3,Bowl\n', ',');
    expect(records[1]).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/unterminated quote/) });
    expect(records.slice(2)).toEqual([
      { ok: true, line: 3, fields: ['2', 'Plate', 'y'] },
      { ok: true, line: 4, fields: ['3', 'Bowl'] },
    ]);
  });

  it('rejects a stray quote inside a quoted field, saying quotes must be doubled', () => {
    const [record] = readDelimited('1,"The 5" screen",9', ',');
    expect(record).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/doubled/) });
  });
});

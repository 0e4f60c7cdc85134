import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eventFileFormat, readEventRecords, type EventFileFormat } from '../../../src/events/event-file.ts';
import { eventKindOf } from '../../../src/events/event-names.ts';
import { eventFromFields, type EventRow } from '../../../src/events/event-row.ts';
import { parseTimestamp } from '../../../src/events/event-timestamp.ts';

/** Each record of `text` read into an event (or its error), as the import does. */
async function rows(text: string, format: EventFileFormat = 'csv'): Promise<EventRow[]> {
  const out: EventRow[] = [];
  // Small chunks: a record split across chunks must read the same.
  const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
  for await (const r of readEventRecords(Readable.from(chunks), format)) {
    out.push('error' in r ? { ok: false, error: r.error } : eventFromFields(r.fields, r.line, 'import'));
  }
  return out;
}

const errors = (read: EventRow[]) => read.flatMap((r) => (r.ok ? [] : [r.error]));
const events = (read: EventRow[]) => read.flatMap((r) => (r.ok ? [r.event] : []));

describe('reading an event file', () => {
  it('maps the event names of other systems explicitly and refuses the rest', () => {
    expect(['view', 'Page View', 'click', 'cart', 'addtocart', 'Add-to-Cart', 'purchase', 'buy', 'transaction', 'impression'].map(eventKindOf))
      .toEqual(['detail_view', 'detail_view', 'click', 'add_to_cart', 'add_to_cart', 'add_to_cart', 'purchase', 'purchase', 'purchase', 'impression']);
    expect(eventKindOf('wishlist')).toBeUndefined();
    expect(eventKindOf('refund')).toBeUndefined();
  });

  it('reads ISO times (UTC when no zone is given) and Unix seconds or milliseconds, and refuses impossible dates', () => {
    const iso = (v: string | number) => { const t = parseTimestamp(v); return t.ok ? t.at.toISOString() : t.reason; };
    expect(iso('2026-03-01T14:05:00+02:00')).toBe('2026-03-01T12:05:00.000Z');
    expect(iso('2026-03-01 14:05')).toBe('2026-03-01T14:05:00.000Z');
    expect(iso('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(iso(1700000000123)).toBe('2023-11-14T22:13:20.123Z');
    expect(iso('2026-02-30')).toMatch(/not a real date/);
    expect(iso('12')).toMatch(/not a time: write ISO 8601/);
  });

  it('keeps the good rows and names the line, the column and the fix of each bad one', async () => {
    const read = await rows([
      'user_id,product_id,event,timestamp,query,position',
      'u1,P1,view,2026-03-01T10:00:00Z,,',
      'u2,P2,wishlist,2026-03-01T10:00:00Z,,',
      ',P3,click,2026-03-01T10:00:00Z,,',
      'u4,P4,click,yesterday,,',
      'u5,P5,impression,2026-03-01T10:00:00Z,sofa,0',
      'u6,P6,click,2026-03-01T10:00:00Z',
      '',
      'u7,P7,buy,1772359200,"red, linen sofa",2',
    ].join('\n'));
    expect(events(read).map((e) => [e.user, e.kind, e.query, e.position, e.channel])).toEqual([
      ['u1', 'detail_view', undefined, undefined, 'import'], ['u7', 'purchase', 'red, linen sofa', 2, 'import'],
    ]);
    expect(errors(read).map((e) => [e.line, e.field])).toEqual([[3, 'event'], [4, 'user_id'], [5, 'timestamp'], [6, 'position'], [7, undefined]]);
    expect(errors(read)[0]!.reason).toMatch(/"wishlist" is not an event Aisle reads: use one of impression .*purchase \(.*buy/);
    expect(errors(read)[3]!.reason).toMatch(/whole number from 1/);
    expect(errors(read)[4]!.reason).toMatch(/4 values where the header has 6 columns: give every column a value/);
  });

  it('reads quoted values across lines, and an unclosed quote costs its own line only', async () => {
    const read = await rows('user_id,product_id,event,timestamp,query\r\nu1,P1,click,2026-03-01,"two\nlines"\nu2,P2,click,2026-03-01,"open\nu3,P3,click,2026-03-01,\n');
    expect(events(read).map((e) => [e.user, e.query])).toEqual([['u1', 'two\nlines'], ['u3', undefined]]);
    expect(errors(read)).toEqual([{ line: 4, reason: expect.stringMatching(/unterminated quoted field/) }]);
  });

  it('reads the other names columns go by, tab-separated files, and JSONL with numbers', async () => {
    const tsv = await rows('visitorid\titemid\tevent\ttimestamp\n7\t42\taddtocart\t1433221332117\n');
    expect(events(tsv)).toEqual([{ user: '7', product: '42', kind: 'add_to_cart', channel: 'import', at: '2015-06-02T05:02:12.117Z' }]);
    const jsonl = await rows('{"user":"u1","item_id":"P1","type":"click","ts":1700000000,"position":3}\nnot json\n[1]\n{"user_id":"u2"}\n', 'jsonl');
    expect(events(jsonl)).toEqual([{ user: 'u1', product: 'P1', kind: 'click', channel: 'import', position: 3, at: '2023-11-14T22:13:20.000Z' }]);
    expect(errors(jsonl).map((e) => [e.line, e.field])).toEqual([[2, undefined], [3, undefined], [4, 'product_id']]);
  });

  it('refuses a header without the required columns, naming them', async () => {
    await expect(rows('user,item,when\nu1,P1,2026-03-01\n')).rejects.toThrow(/has no event, timestamp column/);
    expect(eventFileFormat('log.ndjson')).toBe('jsonl');
    expect(eventFileFormat('log.txt')).toBe('csv');
    expect(() => eventFileFormat('log.csv', 'xml')).toThrow(/--format must be csv or jsonl/);
  });
});

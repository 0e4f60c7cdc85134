import { describe, expect, it } from 'vitest';
import { describeReasonCount, summariseReasons } from '../../../src/catalog/reason-summary.ts';

describe('summariseReasons', () => {
  const errors = [
    { line: 9, reason: 'price "n/a" is not a number (column "price")' },
    { line: 3, reason: 'missing title: column "name" is empty' },
    { line: 4, reason: 'price "abc" is not a number (column "price")' },
    { line: 12, reason: 'price "-" is not a number (column "price")' },
    { line: 5, reason: 'row has 3 fields but the header has 36; was the row cut short, or a value left out?' },
    { line: 7, reason: 'row has 2 fields but the header has 36; was the row cut short, or a value left out?' },
    { line: 8, reason: 'price "x" is not a number (column "cost")' },
  ];

  it('groups reasons that differ only in the row\'s own values, largest group first, with the first lines', () => {
    expect(summariseReasons(errors, 2)).toEqual([
      { reason: 'price "abc" is not a number (column "price")', count: 3, lines: [4, 9] },
      { reason: 'row has 3 fields but the header has 36; was the row cut short, or a value left out?', count: 2, lines: [5, 7] },
      { reason: 'missing title: column "name" is empty', count: 1, lines: [3] },
      { reason: 'price "x" is not a number (column "cost")', count: 1, lines: [8] },
    ]);
  });

  it('says each group in one line', () => {
    const [prices, , title] = summariseReasons(errors, 2);
    expect(describeReasonCount(prices!)).toBe('3 rows (lines 4, 9 and 1 more), e.g. line 4: price "abc" is not a number (column "price")');
    expect(describeReasonCount(title!)).toBe('line 3: missing title: column "name" is empty');
  });
});

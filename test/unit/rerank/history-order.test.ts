import { describe, expect, it } from 'vitest';
import { recentBefore } from '../../../src/rerank/example-arrays.ts';
import { historySlots } from '../../../src/rerank/features.ts';
import type { HistoryEvent } from '../../../src/rerank/reranker.ts';

// Serving reads history newest first with a tie's later-written event first (at DESC, id DESC); training must fill
// the slots in that same order, or events logged in one second (imports with whole-second times) swap places.
describe('history slots in training', () => {
  const at = new Date('2026-11-29T12:00:00Z');
  const same = new Date('2026-11-29T11:00:00Z');
  const logOrder: HistoryEvent[] = [
    { product: 'older', kind: 'click', at: new Date('2026-11-29T10:00:00Z') },
    { product: 'first-written', kind: 'click', at: same },
    { product: 'second-written', kind: 'click', at: same },
  ];

  it('orders them as the event log reads them for serving', () => {
    const training = historySlots(recentBefore(logOrder, at.getTime(), 50), at, 50).map((e) => e.product);
    const serving = historySlots([...logOrder].reverse(), at, 50).map((e) => e.product);
    expect(training).toEqual(['second-written', 'first-written', 'older']);
    expect(training).toEqual(serving);
  });

  it('keeps only the last h before the search', () => {
    expect(recentBefore(logOrder, same.getTime(), 50).map((e) => e.product)).toEqual(['older']);
    expect(recentBefore(logOrder, at.getTime(), 2).map((e) => e.product)).toEqual(['second-written', 'first-written']);
  });
});

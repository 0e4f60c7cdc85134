import { describe, expect, it } from 'vitest';
import type { BehaviourEvent } from '../../../../src/storage/event-log.ts';
import { loggedSearches } from '../../../../src/rerank/eval/logged-searches.ts';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const ev = (kind: BehaviourEvent['kind'], product: string, min: number, extra: Partial<BehaviourEvent> = {}): BehaviourEvent =>
  ({ user: 'u1', product, kind, channel: 'cli', at: at(min), ...extra });

describe('loggedSearches', () => {
  it('groups impressions by conversation and query within 10 minutes, ordered by position', () => {
    const events = [
      ev('impression', 'b', 0, { query: 'shoes', position: 2, conversation: 'c1' }),
      ev('impression', 'a', 0, { query: 'shoes', position: 1, conversation: 'c1' }),
      ev('impression', 'c', 9, { query: 'shoes', position: 3, conversation: 'c1' }),
      ev('impression', 'x', 11, { query: 'shoes', position: 1, conversation: 'c1' }), // 11 min after the first: a new search
      ev('impression', 'y', 1, { query: 'boots', position: 1, conversation: 'c1' }), // another query
    ];
    const searches = loggedSearches(events);
    expect(searches.map((s) => s.products)).toEqual([['a', 'b', 'c'], ['y'], ['x']]);
    expect(searches[0]!.query).toBe('shoes');
    expect(searches[0]!.at.toISOString()).toBe(at(0));
  });

  it('labels each shown product with its best action within 60 minutes after the search', () => {
    const events = [
      ev('impression', 'a', 0, { query: 'q', position: 1 }),
      ev('impression', 'b', 0, { query: 'q', position: 2 }),
      ev('impression', 'c', 0, { query: 'q', position: 3 }),
      ev('impression', 'd', 0, { query: 'q', position: 4 }),
      ev('click', 'a', 2),
      ev('add_to_cart', 'a', 3),
      ev('purchase', 'b', 59),
      ev('click', 'c', 61), // too late
      ev('click', 'd', -1), // before the search
      ev('click', 'a', 5, { user: 'someone-else' }), // another shopper's action
      ev('purchase', 'zz', 4), // not shown
    ];
    const [search] = loggedSearches(events);
    expect(search!.labels).toEqual([2, 3, 0, 0]);
  });
});

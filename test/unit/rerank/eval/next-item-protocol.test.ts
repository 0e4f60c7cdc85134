import { describe, expect, it } from 'vitest';
import type { BehaviourEvent } from '../../../../src/storage/event-log.ts';
import { nextItemSplit, runNextItemProtocol, testList } from '../../../../src/rerank/eval/next-item-protocol.ts';
import type { Ranker } from '../../../../src/rerank/eval/rankers.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const ev = (user: string, product: string, min: number, kind: BehaviourEvent['kind'] = 'click'): BehaviourEvent =>
  ({ user, product, kind, channel: 'import', at: new Date(T0 + min * 60_000).toISOString() });

/** 60 users over items i0..i199: users 0-29 train on "star"; users 30-59 have "star" as their test target. */
function starLog(): BehaviourEvent[] {
  const events: BehaviourEvent[] = [ev('x', 'ignored', 0, 'impression')];
  for (let u = 0; u < 60; u++) {
    const user = `u${u}`;
    const own = [0, 1, 2, 3].map((k) => `i${(u * 3 + k * 7) % 200}`);
    const seq = u < 30 ? ['star', ...own] : [...own, 'star'];
    seq.forEach((p, k) => events.push(ev(user, p, u + k * 100)));
    events.push(ev(user, seq[0]!, u + 1000, 'purchase')); // a repeat: not a new item, not the target
  }
  events.push(ev('short', 'i1', 0), ev('short', 'i2', 1)); // two items: left out
  return events;
}

describe('next-item split', () => {
  const split = nextItemSplit(starLog());

  it('takes the last distinct item as test and the one before as validation, leaving short users out', () => {
    expect(split.users).toHaveLength(60);
    const u40 = split.users.find((u) => u.user === 'u40')!;
    expect(u40.test).toBe('star');
    expect(u40.valid).toBe(`i${(40 * 3 + 21) % 200}`);
    expect(u40.train).toHaveLength(3);
  });

  it('never leaks the target into training, history or negatives', () => {
    for (const u of split.users) {
      expect(u.train).not.toContain(u.test);
      expect(u.train).not.toContain(u.valid);
      const { list, labels } = testList(split, u, 100);
      expect(labels.filter((l) => l === 1)).toHaveLength(1);
      expect(list.history.map((h) => h.product)).not.toContain(u.test);
      for (const h of list.history) expect(h.at.getTime()).toBeLessThan(u.testAt.getTime());
      const interacted = new Set(u.history.map((h) => h.product));
      for (const id of list.products) if (id !== u.test) expect(interacted.has(id)).toBe(false);
      expect(new Set(list.products).size).toBe(list.products.length);
    }
  });

  it('counts popularity on training items only', () => {
    expect(split.popularity.get('star')).toBe(30);
    expect(split.universe).not.toContain('ignored'); // impressions are not interactions
  });
});

describe('next-item protocol end to end', () => {
  it('popularity finds the star for the users whose target it is; an oracle finds every target', async () => {
    const events = starLog();
    const split = nextItemSplit(events);
    const targets = new Map(split.users.map((u) => [u.user, u.test]));
    const oracle: Ranker = { name: 'oracle', score: async (lists) => lists.map((l) => Float32Array.from(l.products, (id) => (targets.get(l.user) === id ? 1 : 0))) };
    const result = await runNextItemProtocol(events, { negatives: 100, models: [oracle], chunk: 7 });
    expect(result.users).toBe(60);
    expect(result.rankers.oracle).toMatchObject({ lists: 60, 'hr@10': 1, 'ndcg@10': 1, mrr: 1 });
    expect(result.ndcgGain.oracle!.mean).toBeCloseTo(1 - result.rankers.popularity!['ndcg@10'], 9);
    const pop = result.rankers.popularity!;
    expect(pop['hr@10']).toBeGreaterThanOrEqual(0.5);
    expect(pop['hr@10']).toBeLessThan(1);
    expect(pop.mrr).toBeGreaterThan(0.5);
    // Deterministic: the same figures on a second run.
    expect((await runNextItemProtocol(events, { negatives: 100 })).rankers.popularity).toEqual(pop);
  });
});

import { describe, expect, it } from 'vitest';
import { createAbTally } from '../../../src/analytics/ab-comparison.ts';
import type { BehaviourEvent } from '../../../src/storage/event-log.ts';

const at = (min: number) => new Date(Date.parse('2026-10-01T00:00:00Z') + min * 60_000).toISOString();

/** `users` shoppers with `each` conversations; a shopper clicks in all or none of theirs. */
function clusteredEvents(prefix: string, users: number, each: number, clickers: number): BehaviourEvent[] {
  const events: BehaviourEvent[] = [];
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < each; k++) {
      const base = { user: `${prefix}${u}`, conversation: `${prefix}${u}-${k}`, channel: 'widget' };
      events.push({ ...base, product: 'p1', kind: 'impression', at: at(u * 100 + k) });
      if (u < clickers) events.push({ ...base, product: 'p1', kind: 'click', at: at(u * 100 + k + 1) });
    }
  }
  return events;
}

describe('A/B comparison', () => {
  it('widens the intervals when the groups are shoppers whose conversations go together', () => {
    const tally = createAbTally((user) => (user.startsWith('p') ? 'personalised' : 'control'));
    // 6 of 10 shoppers click in every one of their 20 conversations, against 4 of 10: 60% vs 40% over 200 each.
    for (const e of [...clusteredEvents('p', 10, 20, 6), ...clusteredEvents('c', 10, 20, 4)]) tally.add(e);
    const ab = tally.result([], 'purchase events');
    expect(ab.conversations).toEqual({ personalised: 200, control: 200 });
    expect(ab.clickThrough.personalised).toMatchObject({ count: 120, of: 200, rate: 0.6 });
    expect(ab.clickThrough.difference.value).toBeCloseTo(0.2, 12);
    // As 200 independent conversations a side the difference would look certain; as 10 shoppers a side it is not.
    expect(ab.clickThrough.personalised.effectiveOf).toBeCloseTo(10, 6);
    expect(ab.clickThrough.difference.ci95!.low).toBeLessThan(0);
    expect(ab.clickThrough.difference.ci95!.high).toBeGreaterThan(0.4);
  });
});

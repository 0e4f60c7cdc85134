import type { NewEvent } from '../../src/storage/event-log.ts';
import { mulberry32 } from '../../src/seeded-random.ts';

/** Products g<group>-p<n>: GROUPS groups of PER_GROUP. */
export const GROUPS = 6;
export const PER_GROUP = 10;
const DAY_MS = 24 * 3600 * 1000;

/**
 * A small constructed log with a signal only history carries: each shopper likes one group of products and,
 * searching, is shown ten products in an order blind to that taste, then clicks (sometimes buys) one of their
 * group when shown. A personalised ranking can learn this; the logged order cannot.
 */
export function tasteLog(o: { users: number; searchesPerUser: number; seed?: number; start?: Date; impressions?: boolean }): NewEvent[] {
  const random = mulberry32(o.seed ?? 5);
  const start = (o.start ?? new Date('2026-09-01T00:00:00Z')).getTime();
  const events: NewEvent[] = [];
  for (let u = 0; u < o.users; u++) {
    const user = `shopper-${u}`;
    const group = u % GROUPS;
    for (let s = 0; s < o.searchesPerUser; s++) {
      const t = start + (s / o.searchesPerUser) * 20 * DAY_MS + Math.floor(random() * DAY_MS);
      const shown = pickDistinct(10, random);
      const liked = shown.filter((p) => p.startsWith(`g${group}-`));
      const conversation = `${user}-c${s}`;
      if (o.impressions !== false) {
        shown.forEach((product, i) => events.push({ user, product, kind: 'impression', query: `query ${s % 4}`, position: i + 1, channel: 'cli', conversation, at: new Date(t) }));
      }
      const taken = liked[0] ?? (o.impressions === false ? `g${group}-p${Math.floor(random() * PER_GROUP)}` : undefined);
      if (!taken) continue;
      events.push({ user, product: taken, kind: 'click', channel: 'cli', conversation, at: new Date(t + 30_000) });
      if (random() < 0.3) events.push({ user, product: taken, kind: 'purchase', channel: 'cli', conversation, at: new Date(t + 120_000) });
    }
  }
  return events;
}

function pickDistinct(n: number, random: () => number): string[] {
  const picked = new Set<string>();
  while (picked.size < n) picked.add(`g${Math.floor(random() * GROUPS)}-p${Math.floor(random() * PER_GROUP)}`);
  return [...picked];
}

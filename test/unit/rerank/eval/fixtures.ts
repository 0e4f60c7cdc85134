// A small constructed world for the eval tests: two tastes (vectors [1,0] and [0,1]), shoppers who each click
// only items of their taste, and a logged order that puts the other taste first.
import type { BehaviourEvent } from '../../../../src/storage/event-log.ts';
import { isHeldOutUser } from '../../../../src/rerank/split.ts';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
const DAY = 24 * 60 * 60_000;
export const itemsA = Array.from({ length: 20 }, (_, i) => `a${i}`);
export const itemsB = Array.from({ length: 20 }, (_, i) => `b${i}`);

export function vectorOf(id: string): Float32Array | undefined {
  if (id.startsWith('a')) return Float32Array.of(1, 0.1);
  if (id.startsWith('b')) return Float32Array.of(0.1, 1);
  return undefined;
}

/** `n` user ids of which the held-out ones come first: at least `heldOut` of them. */
export function someUsers(n: number, heldOut: number): string[] {
  const held: string[] = [];
  const rest: string[] = [];
  for (let i = 0; held.length < heldOut || rest.length < n - heldOut; i++) {
    const id = `shopper-${i}`;
    if (isHeldOutUser(id)) { if (held.length < heldOut) held.push(id); } else if (rest.length < n - heldOut) rest.push(id);
  }
  return [...held, ...rest];
}

/** Each user: a search every 10 days (10 shown, other taste first), clicking the first two of their own taste. */
export function tasteLog(users: readonly string[]): BehaviourEvent[] {
  const events: BehaviourEvent[] = [];
  users.forEach((user, u) => {
    const [mine, other] = u % 2 ? [itemsA, itemsB] : [itemsB, itemsA];
    for (let day = 0; day < 100; day += 10) {
      const t = T0 + day * DAY + u * 60_000;
      const shown = [...other.slice(day / 10, day / 10 + 5), ...mine.slice(day / 10, day / 10 + 5)];
      shown.forEach((product, i) =>
        events.push({ user, product, kind: 'impression', query: 'gift', position: i + 1, channel: 'cli', conversation: `${user}-${day}`, at: new Date(t).toISOString() }));
      events.push({ user, product: shown[5]!, kind: 'click', channel: 'cli', at: new Date(t + 60_000).toISOString() });
      events.push({ user, product: shown[6]!, kind: 'purchase', channel: 'cli', at: new Date(t + 120_000).toISOString() });
    }
  });
  return events;
}

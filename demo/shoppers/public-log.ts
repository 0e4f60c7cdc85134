/**
 * The public-style log (`aisle events simulate --out FILE`): one row per shopper, product and session, like the
 * rating and purchase logs published for recommender research (user, item, time), to exercise the next-item
 * protocol on an imported log. `aisle events import` reads it back.
 */
import type { EventKind, NewEvent } from '../../src/storage/event-log.ts';

export const PUBLIC_LOG_HEADER = 'user_id,product_id,event,timestamp\n';

/** How far a shopper went with a product; the row keeps the furthest. */
const DEPTH: Partial<Record<EventKind, number>> = { click: 1, detail_view: 2, add_to_cart: 3, purchase: 4 };

/**
 * Rows for a run of events whose sessions are complete (one simulated day): each (user, session, product) the
 * shopper engaged with becomes one row with the furthest event reached, at the time of the first. Impressions are not rows.
 */
export function publicLogLines(events: readonly NewEvent[]): string {
  const rows = new Map<string, { user: string; product: string; kind: EventKind; at: string }>();
  for (const e of events) {
    const depth = DEPTH[e.kind];
    if (depth === undefined) continue;
    const key = `${e.user}\u0000${e.conversation ?? ''}\u0000${e.product}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { user: e.user, product: e.product, kind: e.kind, at: String(e.at) });
    else if (depth > DEPTH[row.kind]!) row.kind = e.kind;
  }
  return [...rows.values()].map((r) => `${csv(r.user)},${csv(r.product)},${r.kind},${r.at}\n`).join('');
}

function csv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

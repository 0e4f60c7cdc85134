import type { ConversationSpan } from './turn-tally.ts';

/** An order as the report needs it: who placed it and when. */
export interface OrderFact {
  /** The Aisle user id (`shop:ID` for the store's customer ID). */
  user: string;
  at: string;
  /** The conversation it was placed from, when known. */
  conversation?: string;
}

/** An order within this many days after a conversation's last turn counts as assisted by it. */
export const ATTRIBUTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Conversations followed by an order of the same shopper: placed from the conversation, or placed between its first
 * turn and ATTRIBUTION_DAYS after its last.
 */
export function assistedConversations(conversations: ReadonlyMap<string, ConversationSpan>, orders: readonly OrderFact[]): number {
  const byUser = new Map<string, number[]>();
  const placedFrom = new Set<string>();
  for (const o of orders) {
    if (o.conversation) placedFrom.add(o.conversation);
    const times = byUser.get(o.user) ?? [];
    times.push(Date.parse(o.at));
    byUser.set(o.user, times);
  }
  let converted = 0;
  for (const [id, span] of conversations) {
    const start = Date.parse(span.first);
    const end = Date.parse(span.last) + ATTRIBUTION_DAYS * DAY_MS;
    if (placedFrom.has(id) || (byUser.get(span.user) ?? []).some((t) => t >= start && t <= end)) converted++;
  }
  return converted;
}

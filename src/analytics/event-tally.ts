import type { BehaviourEvent } from '../storage/event-log.ts';

/** What the event log says about products in chat, counted; `add` takes events in any order. */
export interface EventTally {
  /** (conversation, product) pairs shown in chat, and those the shopper then clicked or opened. */
  shownPairs: Set<string>;
  engagedPairs: Set<string>;
  /** Conversations that showed products, and those with an add-to-cart. */
  showingConversations: Set<string>;
  cartConversations: Set<string>;
  addToCarts: number;
}

export function createEventTally(): EventTally & { add(event: BehaviourEvent): void } {
  const tally: EventTally = { shownPairs: new Set(), engagedPairs: new Set(), showingConversations: new Set(), cartConversations: new Set(), addToCarts: 0 };
  return Object.assign(tally, { add: (event: BehaviourEvent) => addEvent(tally, event) });
}

/** Only events of a conversation count: chat is what the report measures. */
function addEvent(tally: EventTally, event: BehaviourEvent): void {
  const conversation = event.conversation;
  if (!conversation) return;
  const pair = `${conversation}\u0000${event.product}`;
  if (event.kind === 'impression') {
    tally.shownPairs.add(pair);
    tally.showingConversations.add(conversation);
  } else if (event.kind === 'click' || event.kind === 'detail_view') {
    tally.engagedPairs.add(pair);
  } else if (event.kind === 'add_to_cart') {
    tally.addToCarts++;
    tally.cartConversations.add(conversation);
  }
}

/** Shown pairs that were clicked or opened in the same conversation. */
export function clickedShown(tally: EventTally): number {
  let n = 0;
  for (const pair of tally.engagedPairs) if (tally.shownPairs.has(pair)) n++;
  return n;
}

/** Conversations that showed products and had an add-to-cart. */
export function cartedShowing(tally: EventTally): number {
  let n = 0;
  for (const c of tally.cartConversations) if (tally.showingConversations.has(c)) n++;
  return n;
}

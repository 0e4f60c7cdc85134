import type { Logger } from '../logger.ts';
import { MAX_EVENT_QUERY_CHARS, type EventLog, type NewEvent } from '../storage/event-log.ts';
import { maskIdentifiers } from '../understanding/identifiers.ts';
import type { DialogServices } from './dialog.ts';
import type { Reply, TurnAction } from './reply.ts';

/** What one committed turn did with products: the event log's view of it. */
export interface TurnFacts {
  user: string;
  conversation: string;
  channel: string;
  /** The words the dialog searched by this turn, else what the shopper typed; absent for a button press without a search. */
  query?: string;
  /** Products the replies showed, in order (cards, then compared ones). */
  shown: string[];
  /** The one product the shopper opened this turn (details, or a question about it). */
  viewed?: string;
  /** Products the replies asked the store to add to the cart. */
  carted: string[];
}

/** A product search a turn made: its words, how many products came back, whether they are only alternatives. */
export interface WatchedSearch {
  text: string;
  results: number;
  /** Nothing matched all it asked: a facet was dropped, or the kind or thing asked for is not sold here. */
  alternatives?: boolean;
}

/** The dialog's services, noting each product search the turn makes (`last`: the one whose results were shown). */
export function watchSearches(services: DialogServices): { services: DialogServices; last(): WatchedSearch | undefined } {
  let last: WatchedSearch | undefined;
  let calls = 0;
  const searchProducts: DialogServices['searchProducts'] = async (text, ...rest) => {
    const call = ++calls;
    const page = await services.searchProducts(text, ...rest);
    // The last search asked for, whichever finished last.
    if (call === calls) last = { text, results: page.products.length, ...(page.relaxed.length || page.unsold || page.unmatchedKind ? { alternatives: true } : {}) };
    return page;
  };
  return { services: { ...services, searchProducts }, last: () => last };
}

/** A turn's facts from its replies, with the same reading of "viewed" as the shopper's profile. */
export function turnFacts(
  key: { user: string; conversation: string; channel: string },
  turn: { text?: string; action?: TurnAction; intent: string; searched?: string },
  shown: string[], replies: readonly Reply[],
): TurnFacts {
  const carted = replies.flatMap((r) => r.actions ?? []).filter((a) => a.type === 'add_to_cart').map((a) => a.productId);
  const viewed = (turn.action?.type === 'details' || turn.intent === 'product_question') && shown.length === 1 ? shown[0] : undefined;
  const query = turn.searched ?? turn.text;
  // Masked like the turn log (an e-mail address typed into a search is not history), and cut to what the log keeps.
  const kept = query?.trim() ? maskIdentifiers(query.trim()).slice(0, MAX_EVENT_QUERY_CHARS) : undefined;
  return { ...key, shown, carted, ...(viewed ? { viewed } : {}), ...(kept ? { query: kept } : {}) };
}

/**
 * Impressions for what was shown (1-based positions; not for the one card of a detail view, which is no
 * result list), then the detail view and add-to-carts, each carrying the query and position of the product's
 * latest impression in this conversation. A failure is logged, never the shopper's problem: the turn is saved.
 */
export async function recordTurnEvents(events: EventLog, facts: TurnFacts, log: Logger): Promise<void> {
  const base = { user: facts.user, channel: facts.channel, conversation: facts.conversation };
  try {
    const chosen = [
      ...(facts.viewed ? [{ product: facts.viewed, kind: 'detail_view' as const }] : []),
      ...facts.carted.map((product) => ({ product, kind: 'add_to_cart' as const })),
    ];
    const attributed = await Promise.all(chosen.map(async (c) => ({ ...base, ...c, ...(await shownWith(events, facts, c.product)) })));
    const impressions = facts.viewed ? [] : facts.shown.map((product, i): NewEvent =>
      ({ ...base, product, kind: 'impression', position: i + 1, ...(facts.query ? { query: facts.query } : {}) }));
    await events.append([...attributed, ...impressions]);
  } catch (err) {
    log.warn({ err }, 'turn events could not be recorded; the turn itself was saved');
  }
}

/** The query and position the product was last shown with in this conversation, if it was. */
async function shownWith(events: EventLog, facts: TurnFacts, product: string): Promise<{ query?: string; position?: number }> {
  const [last] = await events.read({ user: facts.user, conversation: facts.conversation, product, kinds: ['impression'], limit: 1 });
  return last ? { ...(last.query ? { query: last.query } : {}), ...(last.position ? { position: last.position } : {}) } : {};
}

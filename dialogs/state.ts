import type { AttributeNeed } from '../src/conversation/attribute-needs.ts';
import type { SearchQuery } from '../src/conversation/refine-search.ts';
import type { Handoff } from '../src/conversation/reply.ts';
import type { Intent } from '../src/understanding/intents.ts';
import type { ResultOrder } from '../src/understanding/result-order.ts';
import type { OrderFlow } from './order-dialog.ts';

export const STATE_VERSION = 1;

/**
 * A search and the order its results are shown in (relevance when unsaid); `needs` are numbers said
 * that the products' attributes check ("for 4 people").
 */
export type OrderedSearch = SearchQuery & { order?: ResultOrder; needs?: AttributeNeed[] };

/** A question the bot asked and is waiting on; the next message is read as its answer first. */
export type Pending =
  | { kind: 'facet'; facet: 'categories' | 'brands' | 'colors' | 'materials'; options: string[] }
  | { kind: 'which-product'; intent: 'product_question' | 'add_to_cart' | 'compare_products'; question?: string; quantity?: number }
  | { kind: 'size'; productId: string; options: string[]; quantity: number }
  /** "Shall I connect you with a person?"; `reason` is why it was offered (absent: the shopper asked). */
  | { kind: 'confirm-handoff'; reason?: Handoff['reason'] }
  /** "Want me to find something similar?" about an out-of-stock product. */
  | { kind: 'confirm-similar'; productId: string }
  /** "Is your question about one of these?": help-centre article titles offered when no answer was sure. */
  | { kind: 'help-topic'; options: string[] }
  /** A step of an order look-up or action (order-dialog.ts): the number, the proof, which items, a reason, a yes. */
  | { kind: 'order'; flow: OrderFlow };

/** One line Aisle added to the cart in this conversation; `unitPrice` as shown when added, in `currency`. */
export interface CartLine {
  productId: string;
  title: string;
  size?: string;
  quantity: number;
  unitPrice?: number;
  currency: string;
}

/** Everything the main dialog remembers between turns; plain JSON. */
export interface MainState {
  v: typeof STATE_VERSION;
  /** The search the shopper is in, if any; `order` when the shopper asked for one ("cheapest first"). */
  search?: OrderedSearch & { page: number; clarified: boolean };
  /** Products on screen, in the order shown (the referents of "the second one"): a result page or a comparison. */
  shown: string[];
  /** The product last talked about: the referent of "it". */
  focus?: string;
  pending?: Pending;
  /** Consecutive turns not understood; reset by any understood turn. */
  misunderstood: number;
  lastIntent?: Intent | 'not_sure';
  lastText?: string;
  /** What Aisle added to the cart in this conversation, oldest first; the store's own cart may hold more. */
  cart?: CartLine[];
  /** The conversation was handed to a person: messages are passed on until the shopper starts over. */
  handedOff?: boolean;
  /** The customer-service topic the conversation is on: a bare order code or a follow-up question continues it. */
  supportTopic?: Intent;
  /**
   * The order the shopper is talking about, once its look-up succeeded (verified by e-mail/postcode, or their own):
   * "cancel it" acts on it. The e-mail or postcode itself is never kept; the order desk re-checks access each time.
   */
  order?: { number: string; verified: true };
  /** The last message was in another language (ISO 639-1): a follow-up with no English in it is read as more of it. */
  language?: string;
}

export function initialState(): MainState {
  return { v: STATE_VERSION, shown: [], misunderstood: 0 };
}

/** Stored state of another version is dropped: the conversation restarts rather than misreads it. */
export function restoreState(stored: unknown): MainState | undefined {
  if (typeof stored !== 'object' || stored === null || (stored as { v?: unknown }).v !== STATE_VERSION) return undefined;
  const s = stored as MainState;
  // `cart` and `handedOff` came later in version 1: state stored without them restores as it is.
  const cartOk = s.cart === undefined || Array.isArray(s.cart);
  return Array.isArray(s.shown) && typeof s.misunderstood === 'number' && cartOk ? s : undefined;
}

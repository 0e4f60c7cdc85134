import type { StoredProduct } from '../domain.ts';
import type { Filters } from '../search/filters.ts';
import type { Understanding } from '../understanding/understand.ts';
import type { Intent } from '../understanding/intents.ts';
import type { UserProfile } from '../storage/conversation-store.ts';
import type { Caller, OrderDesk } from '../orders/order-desk.ts';
import type { Reply, TurnAction } from './reply.ts';

/**
 * One turn as a dialog sees it: typed text with its understanding, or a button press. `caller` is who sent it
 * (the engine's ids, the address when the front door passed one): order services check and audit by it.
 */
export type DialogTurn =
  | { kind: 'text'; text: string; understanding: Understanding; caller?: Caller }
  | { kind: 'action'; action: TurnAction };

export interface ProductPage {
  products: StoredProduct[];
  /** Facets from the words that were dropped because nothing matched them all. */
  relaxed: string[];
  /** Filters in force after relaxation, a relaxed facet as an empty list: what a refinement builds on. */
  filters: Filters;
  /** A budget said in a currency the store does not price in: not applied, to be said back. */
  foreignPrice?: { currency: string; bounds: { min?: number; max?: number } };
  /** The thing asked for has no name in this catalog ("tampons"): said back, not guessed at. */
  unsold?: string;
  /** The kind of product a short request named, when none of the first results is of it: said, and the results offered as alternatives. */
  unmatchedKind?: string;
}

/** What dialogs may ask of the rest of the system. Implemented in src/, injected by the composition root. */
export interface DialogServices {
  /**
   * Ranked products for a query; `k` is how many from the top. With `understood`, `text` is the words
   * to rank by and no filter is read from it: `fromWords` ones may be dropped when nothing matches,
   * `filters` stay. Without it, filters are read from `text` (state stored by an older version).
   */
  searchProducts(text: string, filters: Filters, k: number, understood?: { fromWords: Filters }): Promise<ProductPage>;
  product(id: string): StoredProduct | undefined;
  /** True for a stemmed word the catalog's categories or tags use ("lamp"): tells a refinement from noise. */
  isCatalogTerm(term: string): boolean;
  /** Customer-service topics (help centre, orders, returns): a reply, or undefined when not covered. */
  support(turn: Extract<DialogTurn, { kind: 'text' }>): Promise<Reply | undefined>;
  /** Orders looked up and acted on after verification (src/orders/); absent: order topics go to the help desk and a person. */
  orders?: OrderDesk;
  /** Service topics the store has a person handle always (AISLE_HUMAN_ONLY_TOPICS): handed over, never answered. */
  humanOnly?: readonly Intent[];
  /** The same services with searches for this shopper (their history may reorder results); the engine calls it per turn. */
  forShopper?(user: string): DialogServices;
}

/** A conversation state machine: pure given its services, state is plain JSON. */
export interface Dialog<S> {
  initial(): S;
  /** Restores stored state, or undefined when it is from an incompatible version (the dialog restarts). */
  restore(stored: unknown): S | undefined;
  step(state: S, turn: DialogTurn, services: DialogServices, profile: UserProfile): Promise<{ replies: Reply[]; state: S }>;
  /** Ids of the products the shopper currently sees, in order. */
  shown(state: S): string[];
  /** The previous message the shopper typed, for the classifier's context. */
  previousText(state: S): string | undefined;
  /** True when the next message answers a request for proof (the e-mail or postcode on an order): the turn log keeps it masked. */
  masksInput?(state: S): boolean;
  /**
   * The state with a handoff it asked for taken over by the handoff queue: the dialog carries on as before once the
   * person hands back (absent: the state is kept as the step left it).
   */
  release?(state: S): S;
}

import type { Filters } from '../search/filters.ts';
import type { CartRequest } from './cart-request.ts';
import type { ResultOrder } from './result-order.ts';

/** A reference to products on screen by position: "the second one" → [2]; "the last two" → { last: 2 }. */
export type OrdinalRef = { positions: number[] } | { last: number } | { all: true };

/** Everything read out of one message; empty fields are left out. */
export interface Slots {
  /** The words to rank products by: the message minus prices, stock words, negated phrases and identifiers. */
  residual?: string;
  /** Price bounds, facet values and exclusions, as search filters. */
  filters?: Filters;
  ordinals?: OrdinalRef;
  /** Catalog product ids the message names by title. */
  productIds?: string[];
  orderNumbers?: string[];
  /** A budget said in a currency the store does not price in ("under £50" in a dollar store). */
  foreignPrice?: { currency: string; bounds: { min?: number; max?: number } };
  emails?: string[];
  /** An order asked for the results ("the cheapest", "top rated"); its words are left out of `residual` and `filters`. */
  order?: ResultOrder;
  /** The words that asked for `order`, as written ("Cheapest"), so later steps can set them aside without reading again. */
  orderWords?: string;
  /** A cart request other than adding ("remove the second one", "empty my cart", "how much is my total"). */
  cart?: CartRequest;
}

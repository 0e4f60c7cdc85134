import type { SearchQuery } from '../src/conversation/refine-search.ts';
import type { Intent } from '../src/understanding/intents.ts';

export const STATE_VERSION = 1;

/** A question the bot asked and is waiting on; the next message is read as its answer first. */
export type Pending =
  | { kind: 'facet'; facet: 'categories' | 'brands' | 'colors' | 'materials'; options: string[] }
  | { kind: 'which-product'; intent: 'product_question' | 'add_to_cart' | 'compare_products'; question?: string; quantity?: number }
  | { kind: 'size'; productId: string; options: string[]; quantity: number }
  | { kind: 'confirm-handoff' };

/** Everything the main dialog remembers between turns; plain JSON. */
export interface MainState {
  v: typeof STATE_VERSION;
  /** The search the shopper is in, if any. */
  search?: SearchQuery & { page: number; clarified: boolean };
  /** Products on screen, in the order shown (the referents of "the second one"). */
  shown: string[];
  /** The product last talked about: the referent of "it". */
  focus?: string;
  pending?: Pending;
  /** Consecutive turns not understood; reset by any understood turn. */
  misunderstood: number;
  lastIntent?: Intent | 'not_sure';
  lastText?: string;
}

export function initialState(): MainState {
  return { v: STATE_VERSION, shown: [], misunderstood: 0 };
}

/** Stored state of another version is dropped: the conversation restarts rather than misreads it. */
export function restoreState(stored: unknown): MainState | undefined {
  if (typeof stored !== 'object' || stored === null || (stored as { v?: unknown }).v !== STATE_VERSION) return undefined;
  const s = stored as MainState;
  return Array.isArray(s.shown) && typeof s.misunderstood === 'number' ? s : undefined;
}

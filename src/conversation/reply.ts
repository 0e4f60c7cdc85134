import type { Availability } from '../domain.ts';

/** What a channel needs to draw one product: a card in Teams, a tile in the widget, a line in the terminal. */
export interface ProductCard {
  id: string;
  title: string;
  /** Major units in `currency`; absent when the catalog has no price. */
  price?: number;
  currency: string;
  brand?: string;
  rating?: number;
  reviewCount?: number;
  imageUrl?: string;
  url?: string;
  availability: Availability;
}

/** Products side by side: one row per attribute, one value per product (null where the catalog does not say). */
export interface Comparison {
  products: ProductCard[];
  rows: { label: string; values: (string | null)[] }[];
}

/** Something the channel carries out for the shopper; the bot only asks for it. */
export type ReplyAction =
  | { type: 'add_to_cart'; productId: string; quantity: number; variantSku?: string }
  /** Takes out a line Aisle added in this conversation (`quantity` of it, in the size it was added). */
  | { type: 'remove_from_cart'; productId: string; quantity: number; variantSku?: string };

/** A request to pass the conversation to a person, with what they need to pick it up. */
export interface Handoff {
  /** The handoff queue's id, set once the queue took it (src/handoff); channels pass it on to an agent hub. */
  id?: string;
  reason: 'requested' | 'repeated_misunderstanding' | 'support_topic' | 'language' | 'frustration';
  /** One paragraph for the agent: what the shopper wanted and what was shown. */
  summary: string;
  /** What the agent sees besides the summary: the search, the products on screen, the cart, the last message. */
  context?: {
    search?: string;
    shown: string[];
    focus?: string;
    cart: { productId: string; title: string; quantity: number; size?: string }[];
    lastMessage?: string;
    /** The order the shopper proved is theirs in this conversation (number only: the proof itself is never kept). */
    verifiedOrder?: string;
  };
}

/** A card button the shopper can press; carried back as a `TurnAction`. */
export interface CardButton {
  title: string;
  action: TurnAction;
}

/** Channel-neutral reply: channels render it, none adds meaning of its own. */
export interface Reply {
  text: string;
  products?: ProductCard[];
  comparison?: Comparison;
  /** Short replies offered as quick-reply chips; pressing one sends its text. */
  suggestions?: string[];
  actions?: ReplyAction[];
  handoff?: Handoff;
  /** Where the text was quoted from (help-centre articles): channels show them as links under the text. */
  citations?: { title: string; url: string }[];
  /** The reply takes a thumbs up or down; `answer` names what was quoted (passage ids), recorded with the vote. */
  feedback?: { answer: string };
}

/** The chip that asks for a person, wherever one is offered; the dialogs read it back. */
export const TALK_TO_A_PERSON = 'Talk to a person';

/** A press on a card button, sent back instead of text. */
export type TurnAction =
  | { type: 'details'; productId: string }
  | { type: 'add_to_cart'; productId: string }
  | { type: 'show_more' }
  /** A thumbs up or down on a help answer; `answer` is the reply's `feedback.answer` (the passages quoted). */
  | { type: 'feedback'; answer: string; helpful: boolean };

/** Buttons each product card carries; channels draw them, the engine understands them. */
export function cardButtons(productId: string): CardButton[] {
  return [
    { title: 'Details', action: { type: 'details', productId } },
    { title: 'Add to cart', action: { type: 'add_to_cart', productId } },
  ];
}

/** The thumbs a help answer carries; channels draw them, the engine records the press with the answer. */
export function feedbackButtons(answer: string): CardButton[] {
  return [
    { title: 'Helpful', action: { type: 'feedback', answer, helpful: true } },
    { title: 'Not helpful', action: { type: 'feedback', answer, helpful: false } },
  ];
}

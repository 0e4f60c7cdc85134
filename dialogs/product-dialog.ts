import { toCard } from '../src/conversation/cards.ts';
import { compareProducts, comparisonSummary } from '../src/conversation/compare-products.ts';
import type { DialogServices } from '../src/conversation/dialog.ts';
import { answerFromFields } from '../src/conversation/product-facts.ts';
import { readQuestion } from '../src/conversation/question-text.ts';
import type { Reply } from '../src/conversation/reply.ts';
import type { StoredProduct } from '../src/domain.ts';
import type { Slots } from '../src/understanding/slots.ts';
import { COMPARE_FIRST_TWO, say } from './replies.ts';
import { newSearch } from './search-dialog.ts';
import type { MainState } from './state.ts';
import { pointsAt, positionsText, resolveTargets, type TargetSlots } from './targets.ts';

type Step = { replies: Reply[]; state: MainState };
const MAX_COMPARE = 4;

/** A question about one product, answered from its own fields. */
export async function answerProductQuestion(state: MainState, text: string, slots: Slots, services: DialogServices): Promise<Step> {
  const ids = resolveTargets(state, slots);
  if (ids.length === 0) {
    // A product named but not recognised ("tell me about the Harbor sofa"): look it up.
    if (state.shown.length === 0) return newSearch(state, text, slots, services);
    return askWhich(state, 'product_question', text);
  }
  if (namesElsewhereAsksNothing(state, text, ids)) return newSearch(state, text, slots, services);
  const product = services.product(ids[0]!);
  if (!product) return { replies: [say('That product is no longer in the catalog.')], state: { ...state, focus: undefined } };
  return describe(state, product, text, slots);
}

/** A request for details in so many words: "tell me about the Harbor sofa", "more info on the Juniper lamp". */
const ASKS_DETAILS = /\b(?:tell|show|describe|details?|info|information|more about|specs?)\b/i;

/**
 * "Everyday Edit storage bins" after another product's details: words that name products off screen,
 * with no question in them, are a search (which puts the named product first), not a question about it
 * that asks nothing ("The product page doesn't say").
 */
function namesElsewhereAsksNothing(state: MainState, text: string, ids: readonly string[]): boolean {
  const onScreen = new Set([...state.shown, ...(state.focus ? [state.focus] : [])]);
  if (ids.some((id) => onScreen.has(id))) return false;
  return readQuestion(text, new Set()).form === 'bare' && !text.includes('?') && !ASKS_DETAILS.test(text);
}

export function describe(state: MainState, product: StoredProduct, question: string, slots: Slots = {}): Step {
  const { text, known } = answerFromFields(product, question, slots.filters);
  const compareOffer = state.shown.length >= 2 ? [COMPARE_FIRST_TWO] : [];
  const suggestions = known ? ['Add to cart', 'Show similar', ...compareOffer] : ['Talk to a person', 'Add to cart'];
  return { replies: [say(text, { products: [toCard(product)], suggestions })], state: { ...state, focus: product.id, pending: undefined } };
}

/** Compares 2–4 products; the comparison is then what is on screen ("add the cheapest one" picks from it). */
export async function compare(state: MainState, slots: TargetSlots, services: DialogServices): Promise<Step> {
  let ids = pointsAt(slots) ? resolveTargets(state, slots) : state.shown.slice(0, MAX_COMPARE);
  if (ids.length === 1 && state.focus && state.focus !== ids[0]) ids = [state.focus, ids[0]!];
  if (ids.length < 2) return askWhich(state, 'compare_products');
  const note = ids.length > MAX_COMPARE ? ` I can put ${MAX_COMPARE} side by side at most, so here are the first ${MAX_COMPARE}.` : '';
  const products = ids.slice(0, MAX_COMPARE).flatMap((id) => services.product(id) ?? []);
  if (products.length < 2) return { replies: [say('Some of those products are no longer in the catalog.')], state };
  const comparison = compareProducts(products);
  return {
    replies: [say(`${comparisonSummary(products)}${note}`, { comparison, suggestions: ['Add the first to cart', 'Show more'] })],
    state: { ...state, shown: products.map((p) => p.id), focus: undefined, pending: undefined },
  };
}

/** "Which one do you mean?", pending on the answer; with nothing on screen, asks for a name. */
export function askWhich(state: MainState, intent: 'product_question' | 'add_to_cart' | 'compare_products', question?: string, quantity?: number): Step {
  if (state.shown.length === 0) return { replies: [say('Which product do you mean? Tell me its name, or search first and pick from the results.')], state };
  if (intent === 'compare_products' && state.shown.length < 2) {
    return { replies: [say('I need at least two products to compare. Search for more, or name the products you have in mind.', { suggestions: ['Show more'] })], state };
  }
  const many = intent === 'compare_products' ? 'Which ones should I compare' : 'Which one do you mean';
  return {
    replies: [say(`${many}? Say a number (${positionsText(state)}) or the name.`, { suggestions: state.shown.slice(0, 4).map((_, i) => `Number ${i + 1}`) })],
    state: { ...state, pending: { kind: 'which-product', intent, question, quantity } },
  };
}

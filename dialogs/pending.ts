import type { DialogServices } from '../src/conversation/dialog.ts';
import type { Reply } from '../src/conversation/reply.ts';
import { facetKey } from '../src/search/filters.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import { addToCart, answerProductQuestion, cartStep, compare } from './product-dialog.ts';
import { answerFacet } from './search-dialog.ts';
import { CONNECTING, handOff } from './conversation-dialog.ts';
import { say, STARTERS } from './replies.ts';
import type { MainState } from './state.ts';

type Step = { replies: Reply[]; state: MainState };

/**
 * Reads a message as the answer to the question the bot asked, when it is one ("Sofas" after
 * "What kind are you after?", "the second" after "Which one?"). Undefined when it is not: the
 * message is then routed by its intent like any other.
 */
export async function answerPending(state: MainState, text: string, u: Understanding, services: DialogServices): Promise<Step | undefined> {
  const pending = state.pending;
  if (!pending) return undefined;
  switch (pending.kind) {
    case 'facet': {
      const option = pickOption(text, pending.options);
      return option ? answerFacet(state, pending.facet, option, services) : undefined;
    }
    case 'size': {
      const option = pickOption(text, pending.options) ?? u.slots.filters?.sizes?.find((s) => pickOption(s, pending.options));
      const product = services.product(pending.productId);
      return option && product ? cartStep(state, product, pending.quantity ?? 1, option) : undefined;
    }
    case 'confirm-handoff': {
      // A "no" anywhere ("ok, no thanks") declines; only then does a "yes" connect.
      if (/\b(no|nope|nah|not now|don'?t|n)\b/i.test(text)) return { replies: [say('Alright. What can I help you with?', { suggestions: STARTERS })], state: { ...state, pending: undefined } };
      if (/^(yes|yeah|yep|yup|sure|ok(ay)?|please|connect me|y)\b/i.test(text.trim()) || u.intent === 'human_agent') return handOff(state, 'requested', CONNECTING);
      return undefined;
    }
    case 'which-product': {
      if (!u.slots.ordinals && !u.slots.productIds?.length) return undefined;
      // "is the second one in stock?" after "which ones should I compare?" is a new question, not the answer.
      if (u.intent !== pending.intent && text.split(/\s+/).length > 4) return undefined;
      const cleared = { ...state, pending: undefined, focus: undefined };
      if (pending.intent === 'compare_products') return compare(cleared, u.slots, services);
      if (pending.intent === 'add_to_cart') return addToCart(cleared, u.slots, services, pending.quantity ?? 1);
      return answerProductQuestion(cleared, pending.question ?? text, { ...u.slots, filters: undefined }, services);
    }
  }
}

/** The offered option the message names: the whole message, or the option's words inside it. */
function pickOption(text: string, options: string[]): string | undefined {
  const said = facetKey(text);
  return options.find((o) => facetKey(o) === said) ?? options.find((o) => facetKey(o).length > 1 && ` ${said} `.includes(` ${facetKey(o)} `));
}

import type { DialogServices } from '../src/conversation/dialog.ts';
import type { Caller } from '../src/orders/order-desk.ts';
import type { Reply } from '../src/conversation/reply.ts';
import { facetKey } from '../src/search/filters.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import { lacksOrderNumber } from '../src/understanding/support-topics.ts';
import { addToCart, cartStep } from './cart-dialog.ts';
import { CONNECTING, declineHandoff, handOff } from './conversation-dialog.ts';
import { answerProductQuestion, compare } from './product-dialog.ts';
import { afterResults, say, STARTERS } from './replies.ts';
import { answerFacet, findSimilar, namesSomething } from './search-dialog.ts';
import type { MainState, Pending } from './state.ts';
import { answerOrderFlow } from './order-dialog.ts';
import { helpWhileAwaitingNumber, support } from './support-dialog.ts';
import { pointsAt } from './targets.ts';
import { mentionsNo, readYesNo, waivesChoice } from './yes-no.ts';

type Step = { replies: Reply[]; state: MainState };

/**
 * Reads a message as the answer to the question the bot asked, when it is one ("Sofas" after
 * "What kind are you after?", "the second" after "Which one?", "yes" after "Shall I connect
 * you?"). Undefined when it is not: the message is then routed by its intent like any other.
 */
export async function answerPending(state: MainState, text: string, u: Understanding, services: DialogServices, caller?: Caller): Promise<Step | undefined> {
  const pending = state.pending;
  if (!pending) return undefined;
  switch (pending.kind) {
    case 'order': {
      if (!services.orders) return undefined;
      const answered = await answerOrderFlow(state, pending.flow, { kind: 'text', text, understanding: u, ...(caller ? { caller } : {}) }, services.orders);
      // "they arrived broken" while the number is awaited: answered from the help centre, and the number still awaited.
      return answered ?? (pending.flow.step === 'number' ? helpWhileAwaitingNumber(state, text, u, services) : undefined);
    }
    case 'facet': return answerFacetQuestion(state, pending, text, u, services);
    case 'size': {
      const option = pickOption(text, pending.options) ?? u.slots.filters?.sizes?.find((s) => pickOption(s, pending.options));
      const product = services.product(pending.productId);
      return option && product ? cartStep(state, product, pending.quantity ?? 1, option) : undefined;
    }
    case 'confirm-handoff': {
      // "I don't have the number" is no "no" to a person: it is read with the order topic open.
      if (state.supportTopic && lacksOrderNumber(text)) return undefined;
      const answer = answerTo(text, u, services);
      if (answer === 'no') return declineHandoff(state);
      // "Talk to a person" is a yes too, unless it says no ("no, I don't want a person").
      if (answer === 'yes' || (u.intent === 'human_agent' && !mentionsNo(text))) return handOff(state, pending.reason ?? 'requested', CONNECTING);
      return undefined;
    }
    case 'help-topic': {
      const title = pickOption(text, pending.options);
      if (!title) return undefined;
      const topic = state.supportTopic ?? 'unknown';
      return support(state, { kind: 'text', text: title, understanding: u }, { topic }, services);
    }
    case 'confirm-similar': {
      const answer = readYesNo(text);
      const product = services.product(pending.productId);
      if (answer === 'yes' && product) return findSimilar(state, product, services);
      if (answer !== 'no') return undefined;
      return { replies: [say('OK. What else can I help you with?', { suggestions: state.shown.length ? afterResults(state.shown.length) : STARTERS })], state: { ...state, pending: undefined } };
    }
    case 'which-product': {
      if (!pointsAt(u.slots)) return undefined;
      // "is the second one in stock?" after "which ones should I compare?" is a new question, not the answer.
      if (u.intent !== pending.intent && text.split(/\s+/).length > 4) return undefined;
      const cleared = { ...state, pending: undefined, focus: undefined };
      if (pending.intent === 'compare_products') return compare(cleared, u.slots, services);
      if (pending.intent === 'add_to_cart') return addToCart(cleared, u.slots, services, pending.quantity ?? 1);
      return answerProductQuestion(cleared, pending.question ?? text, { ...u.slots, filters: undefined }, services);
    }
  }
}

/** "Velvet" after "Any preferred material?"; "no" or "any is fine" keeps the results; "yes" asks which. */
function answerFacetQuestion(state: MainState, pending: Extract<Pending, { kind: 'facet' }>, text: string, u: Understanding, services: DialogServices): Promise<Step> | Step | undefined {
  const option = pickOption(text, pending.options);
  if (option) return answerFacet(state, pending.facet, option, services);
  if (waivesChoice(text)) {
    return { replies: [say('Alright, no preference. Say "cheaper", "only in stock" or "show more" whenever you like.', { suggestions: afterResults(state.shown.length) })], state: { ...state, pending: undefined } };
  }
  if (answerTo(text, u, services) === 'yes') return { replies: [say(`Which one? ${pending.options.join(', ')}, or another.`, { suggestions: pending.options })], state };
  return undefined;
}

/**
 * A yes or no to the bot's question; a "yes" that goes on to name something to find ("ok. wool socks",
 * "ok tumblers then") is a new request, not an answer.
 */
function answerTo(text: string, u: Understanding, services: DialogServices): 'yes' | 'no' | undefined {
  const answer = readYesNo(text);
  return answer === 'yes' && namesSomething(text, u.slots, services) ? undefined : answer;
}

/** The offered option the message names: the whole message, or the option's words inside it. */
function pickOption(text: string, options: string[]): string | undefined {
  const said = facetKey(text);
  return options.find((o) => facetKey(o) === said) ?? options.find((o) => facetKey(o).length > 1 && ` ${said} `.includes(` ${facetKey(o)} `));
}

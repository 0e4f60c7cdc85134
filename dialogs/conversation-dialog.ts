import type { Handoff, Reply } from '../src/conversation/reply.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import type { Intent } from '../src/understanding/intents.ts';
import { INTENT_OFFERS } from './intent-offers.ts';
import { afterResults, say, STARTERS } from './replies.ts';
import type { MainState } from './state.ts';

type Step = { replies: Reply[]; state: MainState };
/** After this many misunderstood turns in a row the bot offers a person; one more and it hands over. */
const OFFER_HUMAN_AFTER = 2;
const OFFER_HUMAN = 'Sorry, I still didn\'t get that. Would you like to talk to a person, or try other words?';

export const HELP_TEXT = 'I can find products ("a blue linen sofa under $900"), narrow them down ("cheaper", "only in stock"), ' +
  'answer questions about them, compare them side by side and add them to your cart. I can also point you the right way ' +
  'for orders, returns and payments, or connect you with a person.';

export function greet(state: MainState): Step {
  return { replies: [say(`Hi! I'm the store's shopping assistant. What are you looking for today?`, { suggestions: STARTERS })], state };
}

export function help(state: MainState): Step {
  const suggestions = state.pending ? ['Carry on', ...STARTERS] : state.shown.length ? afterResults(state.shown.length) : STARTERS;
  return { replies: [say(HELP_TEXT, { suggestions })], state };
}

export function goodbye(state: MainState): Step {
  return { replies: [say('Thanks for stopping by! Come back any time.')], state: { ...state, pending: undefined } };
}

/** Starts over: search, screen and any handoff are left behind; the cart lines stay (they are in the store's cart). */
export function cancelFlow(state: MainState): Step {
  const next: MainState = { ...state, pending: undefined, search: undefined, shown: [], focus: undefined, handedOff: undefined };
  return { replies: [say('No problem, let\'s start over. What can I help you with?', { suggestions: STARTERS })], state: next };
}

export function outOfScope(state: MainState): Step {
  return { replies: [say('That\'s outside what I can help with here. I can help you shop, and with orders, delivery, returns and payments.', { suggestions: STARTERS })], state };
}

/** Not understood: offer the likeliest readings, then a person, then hand over. */
export function notUnderstood(state: MainState, understanding: Understanding): Step {
  const count = state.misunderstood + 1;
  if (count > OFFER_HUMAN_AFTER) return handOff({ ...state, misunderstood: 0 }, 'repeated_misunderstanding', "I'm sorry I keep missing what you mean. I'm passing you to a person from our team, with our conversation so far.");
  if (count === OFFER_HUMAN_AFTER) {
    // A question like any other: "yes" connects, "no" lets the shopper try again.
    const offer: MainState = { ...state, misunderstood: count, pending: { kind: 'confirm-handoff', reason: 'repeated_misunderstanding' } };
    return { replies: [say(OFFER_HUMAN, { suggestions: ['Talk to a person', 'Find a product', 'Help'] })], state: offer };
  }
  // Only readings worth offering: "Do you want to say hello?" helps nobody.
  const guesses = understanding.ranking.filter((r) => !NOT_OFFERED.has(r.intent)).slice(0, 2).map((r) => INTENT_OFFERS[r.intent]);
  const text = `Sorry, I'm not sure what you mean.${guesses.length ? ` Do you want to ${guesses.join(', or ')}?` : ' Could you say it another way?'}`;
  const suggestions = guesses.length ? [...guesses.map(capitalize), 'Help'] : [...STARTERS, 'Help'];
  return { replies: [say(text, { suggestions })], state: { ...state, misunderstood: count } };
}

/** Readings never offered as a guess: small talk and "start over" are not what an unclear message was after. */
const NOT_OFFERED = new Set<Intent>(['out_of_scope', 'greeting', 'thanks_goodbye', 'cancel_flow']);

export const CONNECTING = 'Sure, I\'m connecting you with a person from our team. They will see our conversation so far.';
/** Below this confidence a request for a person is confirmed first: a needless handoff costs an agent's time. */
const CONFIRM_HANDOFF_BELOW = 0.5;

export function requestHuman(state: MainState, u: Understanding): Step {
  if (u.confidence >= CONFIRM_HANDOFF_BELOW) return handOff(state, 'requested', CONNECTING);
  return { replies: [say('Would you like me to connect you with a person from our team?', { suggestions: ['Yes, connect me', 'No thanks'] })], state: { ...state, pending: { kind: 'confirm-handoff' } } };
}

export function handOff(state: MainState, reason: Handoff['reason'], text: string): Step {
  const summary = [
    state.search ? `Searching for "${state.search.text}".` : 'No product search yet.',
    state.shown.length ? `On screen: ${state.shown.join(', ')}.` : '',
    state.focus ? `Last product discussed: ${state.focus}.` : '',
    state.cart?.length ? `Added to the cart here: ${state.cart.map((l) => `${l.quantity} × ${l.productId}${l.size ? ` (${l.size})` : ''}`).join(', ')}.` : '',
    state.lastText ? `Last message before this: "${state.lastText}".` : '',
  ].filter(Boolean).join(' ');
  const context = {
    search: state.search?.text, shown: state.shown, focus: state.focus, lastMessage: state.lastText, verifiedOrder: state.order?.number,
    cart: (state.cart ?? []).map((l) => ({ productId: l.productId, title: l.title, quantity: l.quantity, ...(l.size ? { size: l.size } : {}) })),
  };
  return { replies: [say(text, { handoff: { reason, summary, context } })], state: { ...state, pending: undefined, handedOff: true } };
}

export const PASSED_ON = 'A person from our team will reply here; I\'ve passed your message on.';
const START_OVER = /^\s*(?:start over|start again|restart|reset)\b/i;

/** After a handoff the person answers: the bot only says the message went through, until the shopper starts over. */
export function whileHandedOff(state: MainState, text: string, intent: Understanding['intent']): Step {
  if (intent === 'cancel_flow' || START_OVER.test(text)) return cancelFlow(state);
  return { replies: [say(PASSED_ON)], state };
}

/** A message in another language: say plainly that Aisle reads English only, and offer a person. */
export function otherLanguage(state: MainState): Step {
  const text = 'Sorry, I can only chat in English for now. Would you like me to connect you with a person from our team?';
  return { replies: [say(text, { suggestions: ['Yes, connect me', 'No thanks'] })], state: { ...state, pending: { kind: 'confirm-handoff', reason: 'language' } } };
}

/** "No" to an offer of a person. */
export function declineHandoff(state: MainState): Step {
  return { replies: [say('Alright. What can I help you with?', { suggestions: STARTERS })], state: { ...state, pending: undefined } };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

import type { Dialog, DialogServices, DialogTurn } from '../src/conversation/dialog.ts';
import { TALK_TO_A_PERSON, type Reply, type TurnAction } from '../src/conversation/reply.ts';
import type { Intent } from '../src/understanding/intents.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import { addToCart, changeCart, quantityIn, viewCart } from './cart-dialog.ts';
import { cancelFlow, goodbye, greet, help, notUnderstood, otherLanguage, outOfScope, requestHuman, whileHandedOff } from './conversation-dialog.ts';
import { answerPending } from './pending.ts';
import { answerProductQuestion, compare, describe } from './product-dialog.ts';
import { newSearch, refine, showMore } from './search-dialog.ts';
import { shortFollowUp } from './short-follow-ups.ts';
import { answerFeedback, readSupport, support } from './support-dialog.ts';
import { initialState, restoreState, type MainState } from './state.ts';
import { withDescribedTargets, type TargetSlots } from './targets.ts';
import { say } from './replies.ts';

type Step = { replies: Reply[]; state: MainState };
type TextTurn = Extract<DialogTurn, { kind: 'text' }>;

/** Intents that pick products on screen, where "the cheapest one" or "the blue one" is a reference. */
const PICKING: readonly (Intent | 'not_sure')[] = ['product_question', 'add_to_cart', 'compare_products'];
/** Readings under which "the cheapest" or "top rated" asks to order the current results ("whats the cheapest" read as off-topic). */
const ORDERING: readonly (Intent | 'not_sure')[] = ['refine_results', 'show_more', 'out_of_scope', 'not_sure'];
/** Readings under which a cart verb ("remove the second one", "empty my cart") is a cart request, whatever the model made of it. */
const CARTING: readonly (Intent | 'not_sure')[] = ['add_to_cart', 'view_cart', 'not_sure', 'out_of_scope'];

/** The main router: pending questions first, then the recognised intent; interruptions work anywhere. */
export const mainDialog: Dialog<MainState> = {
  initial: initialState,
  restore: restoreState,
  // After a Details press the product in focus is what is on screen, even with no list shown.
  shown: (s) => (s.shown.length ? s.shown : s.focus ? [s.focus] : []),
  previousText: (s) => s.lastText,
  masksInput: answersProof,
  // The queue decides from now on who answers: the state keeps the search, screen and cart for afterwards.
  release: (s) => ({ ...s, handedOff: undefined }),
  async step(state, turn, services) {
    // Card buttons work after a handoff too: a press is unambiguous, and the person sees it in the log.
    if (turn.kind === 'action') return onAction(state, turn.action, services);
    const read: TextTurn = { ...turn, understanding: withTargets(state, turn, services) };
    // An answer to the bot's own question wins over the classifier: "M" after "Which size?" is not a goodbye.
    const answered = await answerPending(state, read.text, read.understanding, services, read.caller);
    const stepped = answered ?? (await onText(state, read, services));
    // Losing patience ("this is useless", a threat to dispute the charge): a person is offered, with an apology.
    const step = read.understanding.frustrated && !state.handedOff ? offerPersonTo(stepped) : stepped;
    // An answered question was understood, whatever the classifier made of "yes".
    const understood = answered !== undefined || (turn.understanding.intent !== 'not_sure' && turn.understanding.intent !== 'out_of_scope');
    // Another language is remembered only while the shopper keeps writing in it.
    const language = answered === undefined && !state.handedOff ? foreignLanguage(state, turn.understanding) : undefined;
    return {
      replies: step.replies,
      state: { ...step.state, lastText: answersProof(state) ? undefined : turn.text, lastIntent: turn.understanding.intent, misunderstood: understood ? 0 : step.state.misunderstood, language },
    };
  },
};

/** The step's own replies, then an apology and the offer of a person, unless the step already hands over or asks. */
function offerPersonTo(step: Step): Step {
  if (step.replies.some((r) => r.handoff) || step.state.handedOff || step.state.pending?.kind === 'confirm-handoff') return step;
  const offer = say("I'm sorry this has been frustrating. Would you like me to connect you with a person from our team?", { suggestions: [TALK_TO_A_PERSON, 'No thanks'] });
  return { replies: [...step.replies, offer], state: { ...step.state, pending: { kind: 'confirm-handoff', reason: 'frustration' } } };
}

async function onAction(state: MainState, action: TurnAction, services: DialogServices): Promise<Step> {
  if (action.type === 'show_more') return showMore(state, services);
  if (action.type === 'feedback') return answerFeedback(state, action.helpful);
  const product = services.product(action.productId);
  if (!product) return { replies: [{ text: 'That product is no longer in the catalog.' }], state };
  if (action.type === 'details') return describe(state, product, 'tell me about it');
  return addToCart({ ...state, focus: product.id }, { productIds: [product.id] }, services);
}

async function onText(state: MainState, turn: TextTurn, services: DialogServices): Promise<Step> {
  const { text, understanding: u } = turn;
  // A person has the conversation now: no searches, no second handoff, until the shopper starts over.
  if (state.handedOff) return whileHandedOff(state, text, u.intent);
  if (foreignLanguage(state, u)) return otherLanguage(state);
  // A pending question survives help and a message not understood; any other intent moves on.
  const kept: MainState = u.intent === 'help' ? state : { ...state, pending: undefined };
  // A bare order code, a damage report, a follow-up on the open topic: customer service, whatever the model said.
  const reading = readSupport(state, text, u, services);
  if (reading) return support(kept, turn, reading, services);
  const s: MainState = { ...kept, supportTopic: undefined };
  // "forget the colour", "3 pairs of the first", a bare size: told by their shape against what is on screen.
  const short = shortFollowUp(s, text, u, services);
  if (short) return short;
  const { order, cart } = u.slots;
  if (cart && (CARTING.includes(u.intent) || (cart === 'view' && u.intent === 'product_question'))) {
    return cart === 'view' ? viewCart(s) : changeCart(s, u.slots, cart);
  }
  if (order && ORDERING.includes(u.intent)) return refine(s, text, u.slots, services);
  // "show me the first one" read as a refinement or a search: a position picks a product, it narrows nothing.
  if ((u.intent === 'refine_results' || u.intent === 'show_more') && u.slots.ordinals && !u.slots.filters && state.shown.length) {
    return answerProductQuestion(s, 'tell me about it', u.slots, services);
  }
  // "which one has better reviews?" picks one product on screen: it is answered about that product, not compared again.
  if (u.intent === 'compare_products' && (u.slots as TargetSlots).described?.length === 1) return answerProductQuestion(s, text, u.slots, services);
  switch (u.intent) {
    case 'product_search': return newSearch(s, text, u.slots, services, { need: u.need === true });
    case 'refine_results': return refine(s, text, u.slots, services);
    case 'show_more': return showMore(s, services);
    case 'product_question': return answerProductQuestion(s, text, u.slots, services);
    case 'compare_products': return compare(s, u.slots, services);
    case 'add_to_cart': return addToCart(s, u.slots, services, quantityIn(text));
    case 'view_cart': return viewCart(s);

    case 'greeting': return greet(s);
    case 'help': return help(s);
    case 'thanks_goodbye': return goodbye(s);
    case 'cancel_flow': return cancelFlow(s);
    case 'human_agent': return requestHuman(s, u);
    // Off-topic messages count towards the misunderstanding streak: the shopper is not getting help.
    case 'out_of_scope': return state.misunderstood > 0 ? notUnderstood(state, u) : outOfScope({ ...s, misunderstood: 1 });
    // Not sure, but the words are things the store sells ("french press"): searching beats asking.
    case 'not_sure': return u.catalogWords ? newSearch(s, text, u.slots, services) : notUnderstood(state, u);
    default: return notUnderstood(state, u);
  }
}

/** The message was the e-mail or postcode an order look-up asked for: it is not kept, even as the classifier's context. */
function answersProof(state: MainState): boolean {
  return state.pending?.kind === 'order' && state.pending.flow.step === 'proof';
}

/** The understanding with "the cheapest one", "the blue one" read against the screen, where a product is being picked. */
function withTargets(state: MainState, turn: TextTurn, services: DialogServices): Understanding {
  const u = turn.understanding;
  const picking = PICKING.includes(u.intent) || state.pending?.kind === 'which-product';
  return picking ? { ...u, slots: withDescribedTargets(state, turn.text, u.slots, services) } : u;
}

/** The language of a message in another one, or of a follow-up with no English in it after one ("gracias"). */
function foreignLanguage(state: MainState, u: Understanding): string | undefined {
  return u.language ?? (state.language && u.noEnglish ? state.language : undefined);
}

import type { DialogServices, DialogTurn } from '../src/conversation/dialog.ts';
import { TALK_TO_A_PERSON, type Reply } from '../src/conversation/reply.ts';
import { INTENTS, SHOPPING_INTENTS, SUPPORT_INTENTS, type Intent } from '../src/understanding/intents.ts';
import { bareOrderCode, lacksOrderNumber, ORDER_TOPICS, reportsDamage, serviceAskedAbout, topicEvidenced } from '../src/understanding/support-topics.ts';
import { stem, words } from '../src/search/text.ts';
import type { Understanding } from '../src/understanding/understand.ts';
import { chipTask, ORDER_TASKS, startOrderTask, type OrderTask } from './order-dialog.ts';
import { handOff } from './conversation-dialog.ts';
import { say } from './replies.ts';
import type { MainState, Pending } from './state.ts';

type Step = { replies: Reply[]; state: MainState };
type TextTurn = Extract<DialogTurn, { kind: 'text' }>;

/** What a message asks of customer service, read against the topic the conversation is on. */
export type SupportReading =
  /** `followUp`: read as going on with the open topic, so it is answered together with the message before it. */
  | { topic: Intent | 'unknown'; orderNumber?: string; followUp?: true }
  /** "I don't have the number" while an order topic is open. */
  | { lacksNumber: true };

/** From this confidence a support reading with none of its topic's words is still taken ("where's my stuff"). */
const CONFIDENT = 0.7;
/** Topics where a person needs the order number, so the bot asks for it. */
const ASKS_NUMBER: readonly Intent[] = ['order_status', 'cancel_order', 'change_order', 'start_return', 'request_refund', 'refund_status', 'invoice'];
/** The topic each order task stands for ("Cancel this order" is a cancellation). */
const TASK_TOPIC: Record<OrderTask, Intent> = { status: 'order_status', cancel: 'cancel_order', return: 'start_return', refund: 'refund_status' };
/** "how do I start a return?": a question about the rules, for the help centre, not about one of the shopper's orders. */
const HOW_TO = /^(?:how|what|when|why|which|is|are|can|could|do|does|will|would)\b/i;
/** "my refund", "our order", "the parcel I ordered": one of the shopper's own ("my card" alone is not). */
const ABOUT_MINE = /\b(?:my|our)\s+(?:\w+\s+)?(?:orders?|package|parcel|refund|return|purchase|items?|delivery|stuff|money|shipment|things?)\b|\bmine\b|\bi (?:ordered|bought)\b/i;

/** The shopper's words ask after the rules, not after an order of theirs (no number given). */
function asksHowTo(text: string, number: string | undefined): boolean {
  return number === undefined && HOW_TO.test(text.trim()) && !ABOUT_MINE.test(text);
}

/** The shopper got the thing: a damage report, not a wish for a sturdy product, even when read as a search. */
const DELIVERED = /\b(?:stopped working|arriv\w*|came|delivered|received|got|bought|ordered|purchased)\b/i;

/**
 * A support reading of the message, or undefined when it is not about customer service. A bare order
 * code goes to the order topic open (else order status); a damage report to returns; a topic read
 * without any of its words continues the open topic, or is a question the bot has no topic for.
 */
export function readSupport(state: MainState, text: string, u: Understanding, services: Pick<DialogServices, 'isCatalogTerm'>): SupportReading | undefined {
  const chip = chipTask(state, text);
  if (chip) return { topic: TASK_TOPIC[chip] };
  const open = state.supportTopic;
  const orderOpen = open !== undefined && ORDER_TOPICS.includes(open);
  const code = bareOrderCode(text, orderOpen);
  if (code) return { topic: orderOpen ? open : 'order_status', orderNumber: code };
  if (orderOpen && lacksOrderNumber(text)) return { lacksNumber: true };
  if (reportsDamage(text) && damageReading(u.intent, text)) return { topic: 'start_return' };
  if (!SUPPORT_INTENTS.includes(u.intent as Intent)) return asksForService(u, text, services) ? { topic: 'unknown' } : undefined;
  const intent = u.intent as Intent;
  if (u.slots.orderNumbers?.length || topicEvidenced(intent, text)) return { topic: intent };
  // "how long is it supposed to take" after a refund: a follow-up on the refund, not on delivery.
  if (open) return { topic: open, followUp: true };
  return u.confidence >= CONFIDENT ? { topic: intent } : { topic: 'unknown' };
}

/**
 * "do you do gift wrapping?" read as unclear or off-topic: a question about a service the store may
 * offer, when the thing asked about is not something it sells by name ("do you do custom sofas?" is a search).
 */
function asksForService(u: Understanding, text: string, services: Pick<DialogServices, 'isCatalogTerm'>): boolean {
  if (u.intent !== 'not_sure' && u.intent !== 'out_of_scope') return false;
  const head = words(serviceAskedAbout(text) ?? '').at(-1);
  return head !== undefined && !services.isCatalogTerm(stem(head));
}

/** Whatever the model made of a damage report, except picking products on screen or asking for a person. */
function damageReading(intent: Understanding['intent'], text: string): boolean {
  if (intent === 'human_agent' || intent === 'product_question' || intent === 'add_to_cart' || intent === 'compare_products' || intent === 'view_cart') return false;
  // Read as a search, only a message that says the thing came ("my lamp arrived broken") is a report.
  return !SHOPPING_INTENTS.includes(intent as Intent) || DELIVERED.test(text);
}

const HUMAN_ONLY = 'That is something a person from our team looks after, so I am passing you to them now, with our conversation so far.';

/** The support service's answer on the topic read; until it covers one, an honest "not here yet" and a person. */
export async function support(state: MainState, turn: TextTurn, reading: SupportReading, services: DialogServices): Promise<Step> {
  const offer = { suggestions: [TALK_TO_A_PERSON, 'Find a product'] };
  const pending = { kind: 'confirm-handoff' as const, reason: 'support_topic' as const };
  if ('lacksNumber' in reading) {
    const text = 'No problem: a person from our team can find your order from your name or e-mail address. Shall I connect you?';
    return { replies: [say(text, offer)], state: { ...state, pending } };
  }
  if (reading.topic === 'unknown') {
    // "do you do gift wrapping?": the help centre may say; only a confident answer is given, never a guess.
    const answer = await services.support(turn);
    if (answer?.citations) return { replies: [answer], state: { ...state, pending: undefined, supportTopic: undefined } };
    const text = 'I don\'t have that information here, sorry. A person from our team can answer it: shall I connect you?';
    return { replies: [say(text, offer)], state: { ...state, pending, supportTopic: undefined } };
  }
  const topic = reading.topic;
  // Topics the store has a person handle always: handed over at once, never answered by the bot.
  if (services.humanOnly?.includes(topic)) return handOff({ ...state, supportTopic: topic }, 'support_topic', HUMAN_ONLY);
  const numbers = reading.orderNumber ? [reading.orderNumber] : turn.understanding.slots.orderNumbers;
  // Orders first for the order topics (the help desk first for a question about the rules), then the help desk.
  const task = services.orders ? ORDER_TASKS[topic] : undefined;
  if (task && !asksHowTo(turn.text, numbers?.[0])) return startOrderTask({ ...state, supportTopic: topic }, task, numbers?.[0], turn, services.orders!);
  const understanding: Understanding = { ...turn.understanding, intent: topic, slots: { ...turn.understanding.slots, ...(numbers ? { orderNumbers: numbers } : {}) } };
  // The help centre reads a follow-up with the question it follows: "how long does it take" means the refund's time.
  const asked = 'followUp' in reading && reading.followUp && state.lastText ? `${state.lastText} ${turn.text}` : turn.text;
  const answer = await services.support({ ...turn, text: asked, understanding });
  const next: MainState = { ...state, supportTopic: topic };
  if (answer) return { replies: [answer], state: { ...next, ...helpTopicPending(answer) } };
  if (task) return startOrderTask(next, task, numbers?.[0], turn, services.orders!);
  const order = numbers?.[0];
  const label = INTENTS[topic].split(':')[0]!.toLowerCase();
  const ask = !order && topic !== state.supportTopic && ASKS_NUMBER.includes(topic) ? ' If you have the order number, send it too and they will see it.' : '';
  // A complaint is met with an apology, not with "I can't help with that".
  const text = topic === 'complaint'
    ? "I'm sorry to hear that. A person from our team can look into it properly: shall I connect you?"
    : `I can't help with that here (${label}${order ? `, order ${order}` : ''}). A person from our team can: shall I connect you?${ask}`;
  return { replies: [say(text, offer)], state: { ...next, pending } };
}

/**
 * A help answer that asks which article the shopper means (no citation, titles as chips) waits for the
 * pick: a title sent back is answered from that article, whatever the intent model makes of its words.
 */
function helpTopicPending(answer: Reply): { pending?: Pending } {
  if (answer.citations || !answer.suggestions?.length) return {};
  return { pending: { kind: 'help-topic', options: answer.suggestions.filter((s) => s !== TALK_TO_A_PERSON) } };
}

/**
 * A thumbs up or down on a help answer (the turn log keeps the press with the passages it names). Down
 * offers a person, since the help centre had nothing better: a yes hands over with the topic's reason.
 */
export function answerFeedback(state: MainState, helpful: boolean): Step {
  if (helpful) return { replies: [say('Glad that helped. Anything else?')], state };
  const text = "Sorry that didn't answer it. A person from our team can help: shall I connect you?";
  return { replies: [say(text, { suggestions: [TALK_TO_A_PERSON, 'No thanks'] })], state: { ...state, pending: { kind: 'confirm-handoff', reason: 'support_topic' } } };
}

/**
 * A message that is no order number while one is awaited ("they arrived broken", "how long does it take"):
 * the help centre's confident answer, read with the message before it, then the same wait, said once more
 * in other words than the question. Undefined when the help centre has no sure answer (routed as usual).
 */
export async function helpWhileAwaitingNumber(state: MainState, text: string, u: Understanding, services: DialogServices): Promise<Step | undefined> {
  const asked = state.lastText ? `${state.lastText} ${text}` : text;
  const answer = await services.support({ kind: 'text', text: asked, understanding: u });
  if (!answer?.citations) return undefined;
  return { replies: [answer, say('When you have the order number, send it here and I\'ll carry on.', { suggestions: [TALK_TO_A_PERSON] })], state };
}

import type { DialogTurn } from '../src/conversation/dialog.ts';
import { TALK_TO_A_PERSON, type Reply } from '../src/conversation/reply.ts';
import type { Access, Caller, OrderAccess, OrderDesk, ProofKind } from '../src/orders/order-desk.ts';
import { bareOrderCode } from '../src/understanding/support-topics.ts';
import type { Intent } from '../src/understanding/intents.ts';
import {
  askReason, cancelled, lineLabel, cancelQuestion, cannotCancel, cannotReturn, ORDER_CHIPS, refundReply, returnQuestion, returnStarted, statusReply, whichItems,
} from './order-replies.ts';
import { otherOrderIn, proofIn, pickLines } from './order-answers.ts';
import { say } from './replies.ts';
import type { MainState } from './state.ts';
import { mentionsNo, readYesNo } from './yes-no.ts';

type Step = { replies: Reply[]; state: MainState };
type TextTurn = Extract<DialogTurn, { kind: 'text' }>;

/** What the shopper wants done with an order. */
export type OrderTask = 'status' | 'cancel' | 'return' | 'refund';

/** Where an order conversation is. Plain JSON; the e-mail or postcode is never kept, only the number. */
export type OrderFlow =
  | { step: 'number'; task: OrderTask }
  /** `asked`: the proof kinds the question named, so the answer is read as what was asked (absent: both). */
  | { step: 'proof'; task: OrderTask; number: string; asked?: ProofKind[] }
  | { step: 'confirm-cancel'; number: string }
  | { step: 'return-items'; number: string; options: number[] }
  | { step: 'return-reason'; number: string; lines: number[] }
  | { step: 'confirm-return'; number: string; lines: number[]; reason: string };

/** The support topics the order desk acts on; a refund is asked for by starting a return. */
export const ORDER_TASKS: Partial<Record<Intent, OrderTask>> = {
  order_status: 'status', cancel_order: 'cancel', start_return: 'return', request_refund: 'return', refund_status: 'refund',
};
/** The chips order replies offer, read back as tasks on the order in focus whatever the intent model makes of them. */
const CHIP_TASKS: Record<string, OrderTask> = {
  [ORDER_CHIPS.cancel.toLowerCase()]: 'cancel', [ORDER_CHIPS.return.toLowerCase()]: 'return',
  [ORDER_CHIPS.refund.toLowerCase()]: 'refund', [ORDER_CHIPS.status.toLowerCase()]: 'status',
};

/** The task a chip names, when an order is in focus. */
export function chipTask(state: MainState, text: string): OrderTask | undefined {
  return state.order ? CHIP_TASKS[text.trim().toLowerCase()] : undefined;
}

/** Who sent the turn; the engine always says, a stand-alone step (tests) may not. */
function callerOf(turn: TextTurn): Caller {
  return turn.caller ?? { user: 'unknown', conversation: 'unknown' };
}

const stop = (state: MainState): Step => ({ replies: [say('OK, I\'ve left it there: nothing was changed. What else can I help with?', { suggestions: ['Find a product', 'Track my order'] })], state: { ...state, pending: undefined } });
const waitFor = (state: MainState, flow: OrderFlow): MainState => ({ ...state, pending: { kind: 'order', flow } });

/**
 * Starts a task on an order: the number given, else the order in focus, else the signed-in shopper's own orders
 * as chips, else a question. Nothing about the order is said until the desk grants access.
 */
export async function startOrderTask(state: MainState, task: OrderTask, number: string | undefined, turn: TextTurn, desk: OrderDesk): Promise<Step> {
  const caller = callerOf(turn);
  const known = number ?? state.order?.number;
  if (known) return openOrder(state, task, known, caller, desk);
  const own = await desk.ownOrders(caller);
  const next = waitFor(state, { step: 'number', task });
  if (own.length) {
    const chips = own.slice(0, 5).map((o) => `#${o.number}`);
    return { replies: [say(`Which order? Your most recent: ${chips.join(', ')}.`, { suggestions: [...chips, TALK_TO_A_PERSON] })], state: next };
  }
  return { replies: [say('What is the order number? It is in your order confirmation e-mail.', { suggestions: [TALK_TO_A_PERSON] })], state: next };
}

async function openOrder(state: MainState, task: OrderTask, number: string, caller: Caller, desk: OrderDesk): Promise<Step> {
  const access = await desk.open(caller, number, task);
  if (access.kind === 'granted') return act(state, task, access, caller, desk);
  const asked = await desk.proofKinds();
  const what = asked.includes('postcode') ? 'the e-mail address or the ZIP/postcode' : 'the e-mail address';
  const text = `To look up order ${number}, please send ${what} on the order.`;
  return { replies: [say(text, { suggestions: [TALK_TO_A_PERSON] })], state: { ...waitFor(state, { step: 'proof', task, number, asked }), order: undefined } };
}

/** The answer to the question the order flow asked; undefined when the message is something else (routed as usual). */
export async function answerOrderFlow(state: MainState, flow: OrderFlow, turn: TextTurn, desk: OrderDesk): Promise<Step | undefined> {
  const { text, understanding: u } = turn;
  if (u.intent === 'cancel_flow' || /^(?:never ?mind|forget it|cancel that|stop)\b/i.test(text.trim())) return stop(state);
  switch (flow.step) {
    case 'number': {
      const number = u.slots.orderNumbers?.[0] ?? bareOrderCode(text, true);
      return number ? openOrder(state, flow.task, number, callerOf(turn), desk) : undefined;
    }
    case 'proof': {
      // A corrected number starts over with it, and is never checked as the old order's postcode.
      const other = otherOrderIn(text, u.slots.orderNumbers, flow.number, flow.asked);
      if (other) return otherOrder(state, { ...flow, number: other.number }, other.rest, turn, desk);
      const proof = proofIn(text, u.slots.emails, flow.asked);
      return proof ? verify(state, flow, proof, turn, desk) : undefined;
    }
    case 'confirm-cancel': return confirmCancel(state, flow, turn, desk);
    case 'return-items': {
      const lines = pickLines(text, flow.options, await itemLabels(desk, callerOf(turn), flow.number));
      if (!lines) return undefined;
      return { replies: [askReason()], state: waitFor(state, { step: 'return-reason', number: flow.number, lines }) };
    }
    case 'return-reason': return reasonGiven(state, flow, turn, desk);
    case 'confirm-return': return confirmReturn(state, flow, turn, desk);
  }
}

/** The look-up restarted with another number: verified at once when the same message carries its e-mail or postcode. */
function otherOrder(state: MainState, flow: Extract<OrderFlow, { step: 'proof' }>, rest: string, turn: TextTurn, desk: OrderDesk): Promise<Step> {
  const proof = rest ? proofIn(rest, turn.understanding.slots.emails, flow.asked) : undefined;
  return proof ? verify(state, flow, proof, turn, desk) : openOrder(state, flow.task, flow.number, callerOf(turn), desk);
}

async function verify(state: MainState, flow: Extract<OrderFlow, { step: 'proof' }>, proof: string, turn: TextTurn, desk: OrderDesk): Promise<Step> {
  const access = await desk.verify(callerOf(turn), flow.number, proof, flow.task);
  if (access.kind === 'granted') return act(state, flow.task, access, callerOf(turn), desk);
  if (access.kind === 'throttled') {
    const text = `That didn't match too many times, so I can't look up orders here for about ${access.retryMinutes} minute${access.retryMinutes === 1 ? '' : 's'}. A person from our team can help: shall I connect you?`;
    return { replies: [say(text, { suggestions: [TALK_TO_A_PERSON, 'No thanks'] })], state: { ...state, pending: { kind: 'confirm-handoff', reason: 'support_topic' } } };
  }
  return { replies: [notFound(flow.number, proof)], state: waitFor(state, flow) };
}

/**
 * One answer for an unknown number and for a wrong e-mail or postcode: it depends on what was typed, never on the
 * order. Digits alone were read as the ZIP they were asked for, but may have been another order number: offered as one.
 */
function notFound(number: string, proof: string): Reply {
  const digits = /^\d{3,12}$/.test(proof.trim()) ? proof.trim() : undefined;
  const text = `I couldn't find order ${number} with those details. Please check the order number and the e-mail address or ZIP/postcode on the order, and send them again (a different order number with a #, like #12345).`;
  if (!digits) return say(text, { suggestions: [TALK_TO_A_PERSON] });
  return say(`${text} If ${digits} is an order number, tap #${digits}.`, { suggestions: [`#${digits}`, TALK_TO_A_PERSON] });
}

/** Does the task on an order the shopper may see: answers, or asks the next question. */
async function act(state: MainState, task: OrderTask, access: Access & { kind: 'granted' }, caller: Caller, desk: OrderDesk): Promise<Step> {
  const { order } = access;
  const next: MainState = { ...state, pending: undefined, order: { number: order.number, verified: true } };
  if (task === 'status') return { replies: [statusReply(access)], state: next };
  if (task === 'refund') return { replies: [refundReply(access)], state: next };
  if (task === 'cancel') {
    if (order.status !== 'placed' && order.status !== 'processing') return { replies: [cannotCancel(order)], state: next };
    return { replies: [cancelQuestion(order)], state: waitFor(next, { step: 'confirm-cancel', number: order.number }) };
  }
  return askReturnItems(next, access);
}

function askReturnItems(state: MainState, access: OrderAccess): Step {
  const options = access.returnable.map((r) => r.index);
  if (options.length === 0) return { replies: [cannotReturn(access)], state };
  if (options.length === 1) return { replies: [askReason()], state: waitFor(state, { step: 'return-reason', number: access.order.number, lines: options }) };
  return { replies: [whichItems(access.order, options)], state: waitFor(state, { step: 'return-items', number: access.order.number, options }) };
}

async function confirmCancel(state: MainState, flow: { number: string }, turn: TextTurn, desk: OrderDesk): Promise<Step | undefined> {
  const answer = readYesNo(turn.text) ?? (mentionsNo(turn.text) ? 'no' : undefined);
  if (answer === 'no') return { replies: [say(`OK, order ${flow.number} stays as it is.`, { suggestions: [ORDER_CHIPS.status] })], state: { ...state, pending: undefined } };
  if (answer !== 'yes') return undefined;
  const outcome = await desk.cancel(callerOf(turn), flow.number);
  const done = { ...state, pending: undefined };
  if (outcome.kind === 'done') return { replies: [cancelled(outcome.value)], state: done };
  if (outcome.kind === 'not-allowed') return { replies: [cannotCancel(outcome.order)], state: done };
  return openOrder(done, 'cancel', flow.number, callerOf(turn), desk);
}

async function reasonGiven(state: MainState, flow: Extract<OrderFlow, { step: 'return-reason' }>, turn: TextTurn, desk: OrderDesk): Promise<Step | undefined> {
  const reason = turn.text.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (readYesNo(reason) === 'no') return stop(state);
  const access = await desk.open(callerOf(turn), flow.number, 'return');
  if (access.kind !== 'granted') return openOrder({ ...state, pending: undefined }, 'return', flow.number, callerOf(turn), desk);
  return { replies: [returnQuestion(access.order, flow.lines, reason)], state: waitFor(state, { ...flow, step: 'confirm-return', reason }) };
}

async function confirmReturn(state: MainState, flow: Extract<OrderFlow, { step: 'confirm-return' }>, turn: TextTurn, desk: OrderDesk): Promise<Step | undefined> {
  const answer = readYesNo(turn.text) ?? (mentionsNo(turn.text) ? 'no' : undefined);
  if (answer === 'no') return stop(state);
  if (answer !== 'yes') return undefined;
  const outcome = await desk.startReturn(callerOf(turn), flow.number, flow.lines, flow.reason);
  const done = { ...state, pending: undefined };
  if (outcome.kind === 'done') return { replies: [returnStarted(outcome.value)], state: done };
  if (outcome.kind === 'not-allowed') return { replies: [say(`Those items can no longer be returned from order ${flow.number}.`, { suggestions: [TALK_TO_A_PERSON] })], state: done };
  return openOrder(done, 'return', flow.number, callerOf(turn), desk);
}

/** The lines as the item question labelled them, so a chip picks its own line and not a twin with the same title. */
async function itemLabels(desk: OrderDesk, caller: Caller, number: string): Promise<string[]> {
  const access = await desk.open(caller, number, 'return');
  return access.kind === 'granted' ? access.order.items.map((_, i) => lineLabel(access.order, i)) : [];
}

import type { Handoff, Reply } from '../conversation/reply.ts';
import { isOpen, type BusinessHours } from './business-hours.ts';
import type { HandoffQueue, HandoffRecord, Ticket } from './handoff-queue.ts';
import { CANCEL_WAITING, LEAVE_MESSAGE, WORDS } from './handoff-words.ts';
import { headlineOf } from './headline.ts';
import type { ShopperDelivery } from './shopper-delivery.ts';
import { continueTicket } from './ticket-flow.ts';

/** The turn as the desk sees it. */
export interface DeskTurn {
  conversation: string;
  user: string;
  channel: string;
  /** Absent for a button press. */
  text?: string;
}

/**
 * What the desk does with a turn before the dialog. `hold`: the dialog does not run (a person has the conversation,
 * or the shopper is writing a message for the team); otherwise `replies` go before the dialog's. `after` writes,
 * once the turn is saved (a turn may run twice when it loses a race; its writes must not).
 */
export interface Interception {
  replies: Reply[];
  hold: boolean;
  /** Whether the message was passed on to a person. */
  relayed: boolean;
  /**
   * 'ended': the handoff was resolved between this interception and the relay, so the message was not added to it;
   * the engine takes the turn again, and the bot (or a new handoff) answers it.
   */
  after(): Promise<void | 'ended'>;
}

/** The engine's side of handoffs: queue a request for a person, keep the bot silent while one has the conversation. */
export interface ShopperDesk {
  intercept(turn: DeskTurn): Promise<Interception | undefined>;
  /** A reply asked for a person: queue it (in hours) or start a message for the team (out of hours); returns the replies to send. */
  begin(turn: DeskTurn, replies: readonly Reply[], request: Handoff): Promise<Reply[]>;
}

/** An agent whose console was used this recently counts as online (the console writes its last use every 20 s). */
export const AGENT_ONLINE_MS = 2 * 60_000;
/** A message for the team left unfinished this long is dropped: the next message goes to the bot again. */
export const DRAFT_TTL_MS = 30 * 60_000;

export interface ShopperDeskDeps {
  queue: HandoffQueue;
  delivery: ShopperDelivery;
  /** AISLE_SUPPORT_HOURS; none: people always answer. */
  hours?: BusinessHours;
  /** Whether an agent is online now (a console open); none: assumed. In hours with nobody online, shoppers leave a message. */
  staffed?: () => Promise<boolean>;
  now?: () => Date;
}

export function createShopperDesk(deps: ShopperDeskDeps): ShopperDesk {
  return {
    intercept: (turn) => intercept(deps, turn),
    begin: (turn, replies, request) => begin(deps, turn, replies, request),
  };
}

async function intercept(deps: ShopperDeskDeps, turn: DeskTurn): Promise<Interception | undefined> {
  // Agent messages the channel could not push (no pusher, or the push failed) are handed over now, before anything else.
  const waiting = await deps.queue.undelivered(turn.conversation);
  const handed: Reply[] = waiting.map((m) => ({ text: m.text }));
  const delivered = () => (waiting.length ? deps.queue.markDelivered(waiting.map((m) => m.id)) : Promise.resolve());
  const open = await deps.queue.current(turn.conversation);
  if (open) return withDelivered(await relay(deps, open, turn), handed, delivered);
  const draft = await liveDraft(deps, turn.conversation);
  if (draft && turn.text) return withDelivered(continueTicket(deps.queue, draft, turn.text), handed, delivered);
  return handed.length ? { replies: handed, hold: false, relayed: false, after: delivered } : undefined;
}

/**
 * The conversation's draft ticket if the shopper touched it within DRAFT_TTL_MS. An older one is closed (idempotent,
 * so a turn run twice is harmless): a shopper who wandered off and came back is talking to the bot again.
 */
async function liveDraft(deps: ShopperDeskDeps, conversation: string): Promise<Ticket | undefined> {
  const draft = await deps.queue.draft(conversation);
  if (!draft) return undefined;
  const now = (deps.now ?? (() => new Date()))().getTime();
  if (now - Date.parse(draft.updatedAt) <= DRAFT_TTL_MS) return draft;
  await deps.queue.updateTicket(draft.id, { status: 'closed' });
  return undefined;
}

function withDelivered(step: Interception, handed: Reply[], delivered: () => Promise<void>): Interception {
  return { ...step, replies: [...handed, ...step.replies], after: async () => { await delivered(); return step.after(); } };
}

/** A person has (or is about to have) the conversation: the message is theirs; only waiting can be cancelled. */
async function relay(deps: ShopperDeskDeps, handoff: HandoffRecord, turn: DeskTurn): Promise<Interception> {
  const text = turn.text ?? '(pressed a button)';
  if (handoff.status === 'waiting' && turn.text && CANCEL_WAITING.test(turn.text)) {
    return {
      replies: [{ text: WORDS.cancelled }], hold: true, relayed: false,
      after: async () => {
        const ended = await deps.queue.transition(handoff.id, { from: ['waiting'], to: 'abandoned' });
        if (!ended) return passOn(deps, handoff.id, text); // claimed meanwhile: the agent reads the "cancel"
        await deps.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text, delivered: true });
        await deps.delivery.state(handoff, { state: 'assistant' });
        await deps.delivery.queueChanged();
      },
    };
  }
  if (handoff.status === 'waiting' && turn.text && LEAVE_MESSAGE.test(turn.text)) return leaveMessage(deps, handoff, text);
  // Waiting: the shopper hears where they are (and, when nobody is online now, that a message is an option);
  // once a person has it, the bot says nothing at all.
  const alone = handoff.status === 'waiting' && deps.staffed !== undefined && !(await deps.staffed());
  const replies = handoff.status === 'waiting' ? [{ text: WORDS.stillWaiting(await deps.queue.position(handoff.id)) + (alone ? ` ${WORDS.nobodyNow}` : '') }] : [];
  return {
    replies, hold: true, relayed: true,
    after: () => passOn(deps, handoff.id, text),
  };
}

/**
 * The shopper's words for the person who has the conversation, or, when an agent claimed just before their cancel (or request to write) landed: the agent reads
 * them, and the shopper stays with the agent, whose "joined" message follows; no "assistant again" state is sent.
 */
async function passOn(deps: ShopperDeskDeps, handoff: string, text: string): Promise<void | 'ended'> {
  // Conditional: an agent may have resolved it since the turn was read; the message then goes to the bot.
  if (!(await deps.queue.relayShopper(handoff, text))) return 'ended';
  await deps.delivery.changed(handoff);
}

/** A waiting shopper would rather write: out of the line, and the next messages become a ticket. */
function leaveMessage(deps: ShopperDeskDeps, handoff: HandoffRecord, text: string): Interception {
  return {
    replies: [{ text: WORDS.writeInstead }], hold: true, relayed: false,
    after: async () => {
      const ended = await deps.queue.transition(handoff.id, { from: ['waiting'], to: 'abandoned' });
      if (!ended) return passOn(deps, handoff.id, text); // claimed meanwhile: the agent reads the request and answers it
      await deps.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text, delivered: true });
      await deps.queue.draftTicket({ conversation: handoff.conversation, user: handoff.user, channel: handoff.channel, reason: handoff.reason, summary: handoff.summary });
      await deps.delivery.state(handoff, { state: 'assistant' });
      await deps.delivery.queueChanged();
    },
  };
}

async function begin(deps: ShopperDeskDeps, turn: DeskTurn, replies: readonly Reply[], request: Handoff): Promise<Reply[]> {
  const closed = !isOpen(deps.hours, (deps.now ?? (() => new Date()))());
  if (closed || (deps.staffed && !(await deps.staffed()))) {
    await deps.queue.draftTicket({ conversation: turn.conversation, user: turn.user, channel: turn.channel, reason: request.reason, summary: request.summary });
    // No handoff to announce: nobody is there to take it.
    return replies.map((r) => (r.handoff ? { text: closed ? WORDS.offline(deps.hours!) : WORDS.nobodyOnline } : r));
  }
  const context = request.context ?? { shown: [], cart: [] };
  const { handoff, created } = await deps.queue.open({
    conversation: turn.conversation, user: turn.user, channel: turn.channel, reason: request.reason, summary: request.summary,
    headline: headlineOf(request.reason, context), context,
  });
  const position = (await deps.queue.position(handoff.id)) ?? 1;
  if (created) await deps.delivery.queueChanged();
  return replies.map((r) => (r.handoff ? { ...r, handoff: { ...r.handoff, id: handoff.id }, text: `${r.text} ${WORDS.inLine(position)}`, suggestions: undefined } : r));
}

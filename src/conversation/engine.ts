import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { Understand, Understanding } from '../understanding/understand.ts';
import { PROFILE_CAP, type ConversationStore, type UserProfile } from '../storage/conversation-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import type { Interception, ShopperDesk } from '../handoff/shopper-desk.ts';
import { apology } from './apology.ts';
import type { Dialog, DialogServices, DialogTurn } from './dialog.ts';
import type { Reply, TurnAction } from './reply.ts';
import { MAX_MESSAGE_CHARS, type ConversationEngine, type TurnInput, type TurnResult } from './turn.ts';
import { MASKED_PROOF, privateLogEntry } from './turn-log-privacy.ts';
import { startTurnClock, timedServices, type TurnClock } from './turn-timings.ts';
import { recordTurnEvents, turnFacts, watchSearches, type TurnFacts } from './turn-events.ts';
import { turnOutcome } from './turn-outcome.ts';

export interface EngineDeps<S> {
  store: ConversationStore;
  understand: Understand;
  dialog: Dialog<S>;
  services: DialogServices;
  /** Where turns are logged (id, intent, timings) and unexpected errors go; the shopper only sees an apology. */
  log?: Logger;
  /** Where each saved turn's impressions, detail views and add-to-carts are recorded; none: not recorded. */
  events?: EventLog;
  /** The handoff queue's side of a turn: none, and a handoff only marks the dialog state (the bot then just acknowledges). */
  handoffs?: ShopperDesk;
}
/** The intent each button stands for in the turn log; a thumbs press is no intent of the shopper's (the action itself is logged). */
const ACTION_INTENT = { details: 'product_question', add_to_cart: 'add_to_cart', show_more: 'show_more', feedback: 'not_sure' } as const;

/**
 * One turn: load the conversation (exclusively), understand, step the dialog, and write state,
 * log and profile together. A dialog failure becomes an apology and a fresh dialog, never a lost turn;
 * a conversation still busy with another turn gets "still working on it" and nothing is written.
 */
export function createConversationEngine<S>(deps: EngineDeps<S>): ConversationEngine {
  const { store, dialog } = deps;
  return {
    handle: (input, options) => handleTurn(input, options, true),
    close: () => store.close(),
  };

  async function handleTurn(input: TurnInput, options: Parameters<ConversationEngine['handle']>[1], mayReplay: boolean): Promise<TurnResult> {
    const turn = validate(input);
    const log = (options?.log ?? deps.log ?? silentLogger).child({ turn: randomUUID(), conversation: turn.conversation });
    const clock = startTurnClock();
    const key = { conversation: turn.conversation, user: turn.user, channel: turn.channel ?? 'unknown' };
    let result: TurnResult;
    let facts: TurnFacts;
    let after: Interception['after'] | undefined;
    try {
      ({ result, facts, after } = await store.runTurn(key, (current) => clock.time('work', () => takeTurn(turn, key, current, clock, log))));
    } catch (err) {
      if (!isAppError(err) || err.code !== 'BUSY') throw err;
      log.warn({ ms: clock.report() }, 'conversation busy with another turn: answered "still working"');
      return resultOf(turn.conversation, NOT_UNDERSTOOD, [stillWorking()]);
    }
    // After the commit: a turn rerun after a lost race must not relay its message or record its products twice.
    if ((await after?.()) === 'ended' && mayReplay) {
      // The agent resolved while this turn was held: the message was not relayed; the bot takes it now (once).
      log.info({ ms: clock.report() }, 'handoff ended before the relay: turn taken again');
      return handleTurn(input, options, false);
    }
    if (deps.events) await recordTurnEvents(deps.events, facts, log);
    log.info({ intent: result.intent, confidence: result.confidence, handoff: result.handoff, ms: clock.report() }, 'turn');
    return result;
  }

  async function takeTurn(turn: TurnInput, key: { conversation: string; user: string; channel: string }, current: { conversation?: { state: unknown }; profile: UserProfile },
    clock: TurnClock, log: Logger) {
    const state = (current.conversation && dialog.restore(current.conversation.state)) ?? dialog.initial();
    const desk = deps.handoffs && { conversation: key.conversation, user: key.user, channel: key.channel, text: turn.text };
    const held = desk && await deps.handoffs!.intercept(desk);
    if (held?.hold) return heldTurn(turn, key, state, current.profile, held);
    const { understanding, dialogTurn } = await clock.time('understanding', () => understandTurn(turn, state));
    const searches = watchSearches(timedServices(deps.services.forShopper?.(key.user) ?? deps.services, clock));
    let step: { replies: Reply[]; state: S };
    try {
      step = dialogTurn
        ? await clock.time('dialog', () => dialog.step(state, dialogTurn, searches.services, current.profile))
        : { replies: [tooLong(turn.text!)], state };
    } catch (err) {
      log.error({ err }, 'dialog step failed: answered with an apology and a fresh dialog');
      step = { replies: [apology()], state: dialog.initial() };
    }
    const request = step.replies.find((r) => r.handoff)?.handoff;
    if (desk && request) {
      // The queue owns the handoff from here: the dialog's state stays as it was, for when the person hands back.
      step = { replies: await deps.handoffs!.begin(desk, step.replies, request), state: dialog.release?.(step.state) ?? step.state };
    }
    if (held) step = { ...step, replies: [...held.replies, ...step.replies] };
    const result = resultOf(turn.conversation, understanding, step.replies);
    const shown = step.replies.flatMap((r) => [...(r.products ?? []), ...(r.comparison?.products ?? [])].map((p) => p.id));
    const entry = {
      text: turn.text === undefined ? null : dialog.masksInput?.(state) ? MASKED_PROOF : turn.text, action: turn.action ?? null,
      intent: result.intent, confidence: result.confidence, slots: result.slots, shown,
      reply: step.replies.map((r) => r.text).join('\n'), outcome: turnOutcome(step.replies, searches.last()),
    };
    const facts = turnFacts(key, { ...turn, intent: result.intent, searched: searches.last()?.text }, shown, step.replies);
    return {
      result: { result, facts, after: held?.after },
      commit: { state: step.state, profile: updateProfile(current.profile, turn.action, result.intent, shown, step.replies), log: privateLogEntry(entry) },
    };
  }

  /** A person has the conversation (or the shopper is leaving them a message): logged, passed on, not answered by the bot. */
  function heldTurn(turn: TurnInput, key: { conversation: string; user: string; channel: string }, state: S, profile: UserProfile, held: Interception) {
    const result: TurnResult = { ...resultOf(turn.conversation, HELD, held.replies), relayed: held.relayed };
    const entry = { text: turn.text ?? null, action: turn.action ?? null, intent: HELD.intent, confidence: 1, slots: {}, shown: [], reply: held.replies.map((r) => r.text).join('\n') };
    const facts = turnFacts(key, { ...turn, intent: HELD.intent, searched: undefined }, [], held.replies);
    return {
      result: { result, facts, after: held.after },
      commit: { state, profile: { ...profile, turns: profile.turns + 1, updatedAt: new Date().toISOString() }, log: privateLogEntry(entry) },
    };
  }

  async function understandTurn(turn: TurnInput, state: S): Promise<{ understanding: Understanding; dialogTurn?: DialogTurn }> {
    if (turn.action) {
      const productIds = 'productId' in turn.action ? [turn.action.productId] : [];
      const understanding: Understanding = { intent: ACTION_INTENT[turn.action.type], confidence: 1, ranking: [], slots: productIds.length ? { productIds } : {} };
      return { understanding, dialogTurn: { kind: 'action', action: turn.action } };
    }
    const text = turn.text!;
    if (text.length > MAX_MESSAGE_CHARS) return { understanding: NOT_UNDERSTOOD };
    const shown = dialog.shown(state).flatMap((id) => deps.services.product(id) ?? []).map((p) => ({ id: p.id, title: p.title }));
    const understanding = await deps.understand(text, { previous: dialog.previousText(state), shown });
    const caller = { user: turn.user, conversation: turn.conversation, channel: turn.channel ?? 'unknown', ...(turn.ip ? { ip: turn.ip } : {}) };
    return { understanding, dialogTurn: { kind: 'text', text, understanding, caller } };
  }
}

const NOT_UNDERSTOOD: Understanding = { intent: 'not_sure', confidence: 0, ranking: [], slots: {} };
/** A message for the person who has the conversation: not read by the bot. */
const HELD: Understanding = { intent: 'human_agent', confidence: 1, ranking: [], slots: {} };

function validate(input: TurnInput): TurnInput & { text?: string } {
  const id = (v: unknown, name: string) => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > 256) throw new AppError('BAD_INPUT', `"${name}" must be a non-empty string of at most 256 characters.`);
  };
  id(input.conversation, 'conversation');
  id(input.user, 'user');
  const hasText = typeof input.text === 'string' && input.text.trim() !== '';
  if (!hasText && !input.action) throw new AppError('BAD_INPUT', 'A turn needs "text" (what the shopper typed) or "action" (a card button).');
  return { ...input, text: hasText ? input.text!.trim() : undefined };
}

function resultOf(conversation: string, u: Understanding, replies: Reply[]): TurnResult {
  return { conversation, replies, intent: u.intent, confidence: u.confidence, slots: u.slots, handoff: replies.some((r) => r.handoff) };
}

function tooLong(text: string): Reply {
  return { text: `That message is ${text.length} characters long; I can read up to ${MAX_MESSAGE_CHARS}. Could you say it in fewer words?` };
}

function stillWorking(): Reply {
  return { text: "I'm still working on your previous message. Give me a moment, then send this one again." };
}

/** What the shopper looked at and chose, newest first: the ranking issue learns from it. */
function updateProfile(profile: UserProfile, action: TurnAction | undefined, intent: string, shown: string[], replies: Reply[]): UserProfile {
  const carted = replies.flatMap((r) => r.actions ?? []).filter((a) => a.type === 'add_to_cart').map((a) => a.productId);
  // A product question that fell back to a search showed several products: none was looked at.
  const viewed = (action?.type === 'details' || intent === 'product_question') && shown.length === 1 ? shown : [];
  const front = (ids: string[], list: string[]) => [...ids, ...list.filter((id) => !ids.includes(id))].slice(0, PROFILE_CAP);
  return { ...profile, viewed: front(viewed, profile.viewed), carted: front(carted, profile.carted), turns: profile.turns + 1, updatedAt: new Date().toISOString() };
}

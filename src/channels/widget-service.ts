import { randomUUID } from 'node:crypto';
import { apology } from '../conversation/apology.ts';
import type { ConversationEngine } from '../conversation/turn.ts';
import { AppError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import type { WidgetEntry, WidgetLog } from '../storage/widget-log.ts';
import { TOPICS, type RelayBus } from '../handoff/relay-bus.ts';
import type { HandoffState } from '../handoff/shopper-delivery.ts';
import type { HandoffQueue } from '../handoff/handoff-queue.ts';
import { DOOR_IDS } from './id-namespaces.ts';
import { createReportedEvents } from './widget-events.ts';
import type { SharedCounters } from '../server/shared-counters.ts';
import { mergeAnonymousShopper } from './widget-merge.ts';
import { REPLAY_LIMIT, type EventsNoted, type Hello, type ReportedEvent, type ServerFrame, type WidgetMessage } from './widget-protocol.ts';
import { renderWidgetReply, type WidgetRenderOptions } from './widget-renderer.ts';
import { verifyShopperToken } from './widget-token.ts';

/** Who is talking in a widget: the ids the widget keeps, and the user the engine knows. */
export interface WidgetSession {
  conversation: string;
  /** The anonymous id the widget keeps in localStorage. */
  shopper: string;
  /** The engine's user: `shop:SUB` for a signed-in shopper, `anon:ID` otherwise. */
  user: string;
  signedIn: boolean;
  /** The shopper's address, set by the transport: passed with each turn (order verification failures are limited per address). */
  ip?: string;
}

/** The widget channel over the one conversation engine, whatever carries its frames (WebSocket or HTTP). */
export interface WidgetService {
  /** Resolves the hello's ids (new ones when absent or not this shopper's); UNAUTHORIZED for a bad token. */
  open(hello: Omit<Hello, 'type' | 'after'>): Promise<WidgetSession>;
  /** What the widget missed: entries after `after`, oldest first (the newest REPLAY_LIMIT at most). */
  replay(session: WidgetSession, after: number): Promise<WidgetEntry[]>;
  /**
   * Logs the message (once per client id) and resolves with its seq, for the acknowledgement. `answer` (called
   * once the ack went out) runs a fresh message's turn: typing, then the replies logged and published to the
   * conversation's listeners; for a message sent again it does nothing.
   */
  send(session: WidgetSession, message: WidgetMessage): Promise<{ seq: number; answer: () => Promise<WidgetEntry[]> }>;
  /** Frames for one conversation (entries, typing) as they happen, in this process; returns the unsubscribe. */
  subscribe(conversation: string, listener: (frame: ServerFrame) => void): () => void;
  /** Records what the browser reported (product links opened) as the session's own user; see widget-events.ts. */
  report(session: WidgetSession, events: readonly ReportedEvent[]): Promise<EventsNoted>;
  /** Where a person is in the conversation now (in line, an agent has it), for a widget that (re)connects; none: the assistant. */
  handoff?(session: WidgetSession): Promise<Extract<ServerFrame, { type: 'handoff' }> | undefined>;
}

export interface WidgetServiceDeps {
  engine: ConversationEngine;
  log: WidgetLog;
  /** AISLE_WIDGET_SECRET: verifies signed-in shoppers' tokens; absent: tokens are refused. */
  secret?: string;
  render?: WidgetRenderOptions;
  logger?: Logger;
  /** The event log the engine writes: reported clicks are checked against its impressions. None: reports are ignored. */
  events?: EventLog;
  /** Where anonymous shoppers' profiles live, for the merge at sign-in. None: no merge. */
  conversations?: Pick<ConversationStore, 'profile' | 'mergeUser'>;
  /** The handoff queue, merged at sign-in with the rest; none: the anonymous id keeps its handoffs. */
  handoffs?: Pick<HandoffQueue, 'mergeUser'>;
  /** Where agents' messages and handoff states arrive from, on any replica; none: no handoff frames. */
  bus?: RelayBus;
  /** The conversation's handoff state now (engine conversation id), for a widget that (re)connects. */
  handoffState?: (conversation: string) => Promise<HandoffState | undefined>;
  /** Redis counters when several replicas serve the widget: a shopper's event allowance holds across them. */
  counters?: SharedCounters;
}

export function createWidgetService(deps: WidgetServiceDeps): WidgetService {
  const listeners = new Map<string, Set<(frame: ServerFrame) => void>>();
  const reported = deps.events && createReportedEvents(deps.events, { counters: deps.counters });
  const publish = (conversation: string, frame: ServerFrame) => {
    for (const listener of listeners.get(conversation) ?? []) listener(frame);
  };
  return {
    open: (hello) => openSession(deps, hello),
    replay: (session, after) => deps.log.after(session.conversation, after, REPLAY_LIMIT),
    async send(session, message) {
      const body = message.action ? { action: message.action } : { text: message.text!.trim() };
      const { entry, fresh } = await deps.log.logMessage(session.conversation, session.user, message.id, body);
      if (!fresh) return { seq: entry.seq, answer: async () => [] };
      return {
        seq: entry.seq,
        answer: () => {
          publish(session.conversation, { type: 'entries', entries: [entry] });
          return answer(deps, session, body, (frame) => publish(session.conversation, frame));
        },
      };
    },
    report: async (session, events) => reported
      ? reported.record({ user: session.user, conversation: DOOR_IDS.widgetConversation(session.conversation) }, events)
      : { recorded: 0, ignored: events.length },
    async handoff(session) {
      const state = await deps.handoffState?.(DOOR_IDS.widgetConversation(session.conversation));
      return state && { type: 'handoff', ...state };
    },
    subscribe(conversation, listener) {
      const set = listeners.get(conversation) ?? new Set();
      listeners.set(conversation, set.add(listener));
      // An agent's messages and the handoff's state, from whichever process the agent is on.
      const fromAgents = deps.bus?.subscribe(TOPICS.conversation(DOOR_IDS.widgetConversation(conversation)), (m) => listener((m as { frame: ServerFrame }).frame));
      return () => {
        fromAgents?.();
        set.delete(listener);
        if (set.size === 0) listeners.delete(conversation);
      };
    },
  };
}

async function openSession(deps: WidgetServiceDeps, hello: Omit<Hello, 'type' | 'after'>): Promise<WidgetSession> {
  const shopper = hello.shopper ?? randomUUID();
  let user = DOOR_IDS.anonymous(shopper);
  if (hello.token !== undefined) {
    if (!deps.secret) throw new AppError('UNAUTHORIZED', 'This Aisle takes no sign-in tokens: set AISLE_WIDGET_SECRET to the secret the store signs them with.');
    const check = verifyShopperToken(deps.secret, hello.token);
    if (!check.ok) throw new AppError('UNAUTHORIZED', `The sign-in token is refused (${check.reason.replace('-', ' ')}); the store's page must give a fresh one.`);
    user = DOOR_IDS.signedIn(check.sub);
    if (hello.shopper && deps.conversations) {
      // Before the ownership check below, so the conversation the shopper was in carries on signed in.
      await mergeAnonymousShopper({ conversations: deps.conversations, widget: deps.log, events: deps.events, handoffs: deps.handoffs },
        DOOR_IDS.anonymous(hello.shopper), user, deps.logger ?? silentLogger);
    }
  }
  // A conversation that is someone else's is never resumed (nor its existence told): the shopper gets a new one.
  const owner = hello.conversation ? await deps.log.owner(hello.conversation) : undefined;
  const conversation = hello.conversation && (owner === undefined || owner === user) ? hello.conversation : randomUUID();
  return { conversation, shopper, user, signedIn: hello.token !== undefined };
}

/** Runs the turn and logs its replies; a failure is logged as an apology so the widget never waits forever. */
async function answer(deps: WidgetServiceDeps, session: WidgetSession, body: { text?: string; action?: WidgetMessage['action'] },
  publish: (frame: ServerFrame) => void): Promise<WidgetEntry[]> {
  const logger = deps.logger ?? silentLogger;
  publish({ type: 'typing', on: true });
  try {
    let replies;
    try {
      const result = await deps.engine.handle({ conversation: DOOR_IDS.widgetConversation(session.conversation), user: session.user, channel: 'widget', ...body, ...(session.ip ? { ip: session.ip } : {}) }, { log: logger });
      replies = result.replies;
    } catch (err) {
      logger.error({ err, conversation: session.conversation }, 'widget turn failed: answered with an apology');
      replies = [apology()];
    }
    const entries = await deps.log.logReplies(session.conversation, session.user, replies.map((r) => renderWidgetReply(r, deps.render)));
    publish({ type: 'entries', entries });
    return entries;
  } catch (err) {
    logger.error({ err, conversation: session.conversation }, 'widget replies could not be logged');
    publish({ type: 'error', code: 'UNAVAILABLE', message: 'Aisle could not answer just now; please send that again in a moment.' });
    return [];
  } finally {
    publish({ type: 'typing', on: false });
  }
}

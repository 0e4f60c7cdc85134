import type { Embedder } from '../embed/embedder.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import type { BehaviourEvent, EventLog, EventRange } from '../storage/event-log.ts';
import { createAbTally, type AbComparison, type Arm } from './ab-comparison.ts';
import { assistedConversations, ATTRIBUTION_DAYS, type OrderFact } from './conversion.ts';
import { cartedShowing, clickedShown, createEventTally } from './event-tally.ts';
import { groupQuestions, type Grouping } from './question-groups.ts';
import { tallyTurns, type TurnTally } from './turn-tally.ts';
import type { UnansweredWhy } from './unanswered.ts';

/** `count` of `of`; `rate` is null when `of` is 0 (nothing to measure, not 0%). */
export interface Rate { count: number; of: number; rate: number | null }

/** What `aisle report` prints (README.md, "Reports", defines each figure). */
export interface Report {
  range: { from: string | null; to: string };
  conversations: number;
  turns: number;
  /** Conversations never handed to a person. */
  containment: Rate;
  /** Conversations handed to a person; `reasons` counts handoffs by reason. */
  handoffs: Rate & { handoffs: number; reasons: Record<string, number> };
  /** Help-centre answers given, and the thumbs they got. */
  answers: { given: number; thumbsUp: number; thumbsDown: number; upRate: number | null };
  unanswered: { questions: number; byWhy: Record<UnansweredWhy, number>; grouping: Grouping };
  /** Product searches whose results were shown, and those that found nothing (`top`: the commonest). */
  noResultSearches: Rate & { top: { text: string; count: number }[] };
  /** (conversation, product) pairs shown in chat that the shopper clicked or opened. */
  clickThrough: Rate;
  /** Conversations that showed products and had an add-to-cart. */
  addToCart: Rate & { adds: number };
  conversion: (Rate & { known: true; source: 'orders' | 'purchase events'; windowDays: number }) | { known: false; reason: string };
  /** The personalised reranker's groups compared (present when the report is given the A/B split). */
  ab?: AbComparison;
}

export interface ReportSources {
  turns: Pick<ConversationStore, 'scanTurns'>;
  events: Pick<EventLog, 'scan'>;
  /** The store's order system, when it holds orders; absent: the event log's purchases, if it has any. */
  orders?: OrderSource;
  /** Groups unanswered questions by meaning; absent: by shared words. */
  embedder?: Embedder;
  /** The reranker's A/B group of a user (src/rerank/ab-split.ts); absent: no comparison. */
  arm?: (user: string) => Arm;
}

/** Orders as an order system can give them: only some shoppers' (a store's customers are `shop:ID` users). */
export interface OrderSource {
  /** Whether this shopper's orders can be found: conversations of others are left out of the conversion rate. */
  knows(user: string): boolean;
  /** Orders of these users placed at or after `from`. */
  ordersOf(users: readonly string[], from?: Date): Promise<OrderFact[]>;
}

const TOP_SEARCHES = 10;

/** Reads the turn log and event log over `from` <= at < `to` (default now) page by page and counts. */
export async function buildReport(sources: ReportSources, range: { from?: Date; to?: Date } = {}): Promise<Report> {
  const to = range.to ?? new Date();
  const window = { ...(range.from ? { from: range.from } : {}), to };
  const turns = await tallyTurns(sources.turns, window);
  const events = createEventTally();
  const ab = sources.arm && createAbTally(sources.arm);
  const both = ab ? (e: BehaviourEvent) => { events.add(e); ab.add(e); } : events.add;
  await eachEvent(sources.events, { ...window, kinds: ['impression', 'click', 'detail_view', 'add_to_cart'] }, both);
  const grouping = await groupQuestions(turns.unanswered, sources.embedder);
  return {
    range: { from: range.from?.toISOString() ?? null, to: to.toISOString() },
    conversations: turns.conversations.size,
    turns: turns.turns,
    ...conversationRates(turns),
    answers: { given: turns.helpAnswers, thumbsUp: turns.thumbsUp, thumbsDown: turns.thumbsDown, upRate: ratio(turns.thumbsUp, turns.thumbsUp + turns.thumbsDown) },
    unanswered: { questions: turns.unanswered.length, byWhy: countWhy(turns), grouping },
    noResultSearches: noResults(turns),
    clickThrough: rate(clickedShown(events), events.shownPairs.size),
    addToCart: { ...rate(cartedShowing(events), events.showingConversations.size), adds: events.addToCarts },
    conversion: await conversion(sources, turns, range.from),
    ...(ab ? { ab: await abComparison(sources, ab, range.from) } : {}),
  };
}

/** The A/B comparison, with orders from the order system when there is one, else the log's purchase events. */
async function abComparison(sources: ReportSources, ab: ReturnType<typeof createAbTally>, from?: Date): Promise<AbComparison> {
  if (sources.orders) {
    const source = sources.orders;
    return ab.result(await source.ordersOf(ab.users().filter((u) => source.knows(u)), from), 'orders', (u) => source.knows(u));
  }
  return ab.result(await purchases(sources.events, from), 'purchase events');
}

function conversationRates(t: TurnTally): Pick<Report, 'containment' | 'handoffs'> {
  const handedOff = [...t.conversations.values()].filter((c) => c.handedOff).length;
  return {
    containment: rate(t.conversations.size - handedOff, t.conversations.size),
    handoffs: { ...rate(handedOff, t.conversations.size), handoffs: t.handoffTurns, reasons: t.handoffReasons },
  };
}

function countWhy(t: TurnTally): Record<UnansweredWhy, number> {
  const byWhy: Record<UnansweredWhy, number> = { no_answer: 0, not_understood: 0, answer_rejected: 0 };
  for (const q of t.unanswered) byWhy[q.why]++;
  return byWhy;
}

function noResults(t: TurnTally): Report['noResultSearches'] {
  const total = [...t.noResultSearches.values()].reduce((a, b) => a + b, 0);
  const top = [...t.noResultSearches].map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1)).slice(0, TOP_SEARCHES);
  return { ...rate(total, t.searches), top };
}

/**
 * Known when an order system holds orders (over the conversations of shoppers it can match) or the event log holds
 * purchases (over all conversations); else said to be unknown, never 0%.
 */
async function conversion(sources: ReportSources, t: TurnTally, from?: Date): Promise<Report['conversion']> {
  const window = { windowDays: ATTRIBUTION_DAYS };
  if (sources.orders) {
    const source = sources.orders;
    const spans = new Map([...t.conversations].filter(([, span]) => source.knows(span.user)));
    if (spans.size === 0) return { known: false, reason: 'unknown — no orders to match: no conversation in this period is a signed-in store customer\'s (shop:ID)' };
    const orders = await source.ordersOf([...new Set([...spans.values()].map((s) => s.user))], from);
    return { known: true, source: 'orders', ...window, ...rate(assistedConversations(spans, orders), spans.size) };
  }
  const orders = await purchases(sources.events, from);
  if (orders.length === 0) {
    return { known: false, reason: 'unknown — no orders: no order system holds orders and the event log holds no purchases in this period' };
  }
  return { known: true, source: 'purchase events', ...window, ...rate(assistedConversations(t.conversations, orders), t.conversations.size) };
}

/** Purchase events from `from` on, to today (an order days after the range's last conversation still counts). */
async function purchases(events: Pick<EventLog, 'scan'>, from?: Date): Promise<OrderFact[]> {
  const out: OrderFact[] = [];
  await eachEvent(events, { ...(from ? { from } : {}), kinds: ['purchase'] }, (e) => {
    out.push({ user: e.user, at: e.at, ...(e.conversation ? { conversation: e.conversation } : {}) });
  });
  return out;
}

/** Every event in `range`, a page at a time. */
async function eachEvent(events: Pick<EventLog, 'scan'>, range: EventRange, use: (event: BehaviourEvent) => void): Promise<void> {
  let after: string | undefined;
  do {
    const page = await events.scan(range, after ? { after } : {});
    page.events.forEach(use);
    after = page.next;
  } while (after);
}

function rate(count: number, of: number): Rate {
  return { count, of, rate: ratio(count, of) };
}

function ratio(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}

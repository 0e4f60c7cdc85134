// The reranker's A/B comparison for `aisle report`: conversations of shoppers served the personalised order against
// those of the control group (a stable split by user, src/rerank/ab-split.ts), on click-through, add-to-cart and
// conversion, each with a 95% interval, so a store sees whether the model earns its place. Conversations are the unit
// (a shopper's clicks within one are not independent); they are read from the event log alone, so a home whose
// behaviour was imported or simulated is compared too.
import type { BehaviourEvent } from '../storage/event-log.ts';
import { assistedConversations, ATTRIBUTION_DAYS, type OrderFact } from './conversion.ts';
import { differenceInterval, wilson, type Interval } from './intervals.ts';
import type { ConversationSpan } from './turn-tally.ts';

export type Arm = 'personalised' | 'control';
export const ARMS: readonly Arm[] = ['personalised', 'control'];

/** One arm's rate with its Wilson interval (null when `of` is 0). */
export interface ArmRate { count: number; of: number; rate: number | null; ci95: Interval | null }

/** One metric: each arm, and personalised minus control with Newcombe's interval. */
export interface ArmMetric {
  personalised: ArmRate;
  control: ArmRate;
  difference: { value: number | null; ci95: Interval | null };
}

export interface AbComparison {
  /** Conversations (with products shown) per arm. */
  conversations: Record<Arm, number>;
  /** Showing conversations with a click or detail view of a product shown in them. */
  clickThrough: ArmMetric;
  /** Showing conversations with an add-to-cart. */
  addToCart: ArmMetric;
  /** Showing conversations followed by an order within ATTRIBUTION_DAYS (`source` says where orders came from; with an
   * order system, over the conversations of shoppers it can match). */
  conversion: ArmMetric & { source: 'orders' | 'purchase events'; windowDays: number };
}

interface ArmTally { spans: Map<string, ConversationSpan>; shown: Set<string>; clicked: Set<string>; carted: Set<string> }

/** Collects events (any order) per arm; `result` compares the arms once orders are known. */
export function createAbTally(armOf: (user: string) => Arm) {
  const tallies = new Map<Arm, ArmTally>(ARMS.map((a) => [a, { spans: new Map(), shown: new Set(), clicked: new Set(), carted: new Set() }]));
  const engaged: { arm: Arm; pair: string; conversation: string }[] = [];
  return {
    add(e: BehaviourEvent): void {
      if (!e.conversation) return;
      const t = tallies.get(armOf(e.user))!;
      const span = t.spans.get(e.conversation);
      if (!span) t.spans.set(e.conversation, { user: e.user, first: e.at, last: e.at, handedOff: false });
      else if (e.at < span.first) span.first = e.at;
      else if (e.at > span.last) span.last = e.at;
      const pair = `${e.conversation}\u0000${e.product}`;
      if (e.kind === 'impression') t.shown.add(pair);
      else if (e.kind === 'click' || e.kind === 'detail_view') engaged.push({ arm: armOf(e.user), pair, conversation: e.conversation });
      else if (e.kind === 'add_to_cart') t.carted.add(e.conversation);
    },
    /** Users with a showing conversation: whose orders the conversion needs. */
    users(): string[] {
      return [...new Set(ARMS.flatMap((a) => [...showing(tallies.get(a)!).values()].map((s) => s.user)))];
    },
    /** `knows`: whose orders the order system can find; the conversion counts only their conversations. */
    result(orders: readonly OrderFact[], source: 'orders' | 'purchase events', knows: (user: string) => boolean = () => true): AbComparison {
      for (const { arm, pair, conversation } of engaged) if (tallies.get(arm)!.shown.has(pair)) tallies.get(arm)!.clicked.add(conversation);
      const [p, c] = ARMS.map((a) => counts(tallies.get(a)!, orders, knows)) as [Counts, Counts];
      const metric = (k: 'clicked' | 'carted') => armMetric(p[k], c[k], p.of, c.of);
      return {
        conversations: { personalised: p.of, control: c.of },
        clickThrough: metric('clicked'), addToCart: metric('carted'),
        conversion: { ...armMetric(p.converted, c.converted, p.orderable, c.orderable), source, windowDays: ATTRIBUTION_DAYS },
      };
    },
  };
}

/** Conversations that showed products (the denominator of all three rates). */
function showing(t: ArmTally): Map<string, ConversationSpan> {
  const ids = new Set([...t.shown].map((pair) => pair.slice(0, pair.indexOf('\u0000'))));
  return new Map([...t.spans].filter(([id]) => ids.has(id)));
}

interface Counts { of: number; clicked: number; carted: number; orderable: number; converted: number }

function counts(t: ArmTally, orders: readonly OrderFact[], knows: (user: string) => boolean): Counts {
  const spans = showing(t);
  const inside = (set: Set<string>) => [...set].filter((c) => spans.has(c)).length;
  const orderable = new Map([...spans].filter(([, s]) => knows(s.user)));
  return { of: spans.size, clicked: inside(t.clicked), carted: inside(t.carted), orderable: orderable.size, converted: assistedConversations(orderable, orders) };
}

function armMetric(p: number, c: number, pOf: number, cOf: number): ArmMetric {
  const rate = (n: number, of: number): ArmRate => ({ count: n, of, rate: of ? n / of : null, ci95: wilson(n, of) });
  return {
    personalised: rate(p, pOf), control: rate(c, cOf),
    difference: { value: pOf && cOf ? p / pOf - c / cOf : null, ci95: differenceInterval(p, pOf, c, cOf) },
  };
}

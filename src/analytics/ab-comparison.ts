// The reranker's A/B comparison for `aisle report`: conversations of shoppers served the personalised order against
// those of the control group (a stable split by user, src/rerank/ab-split.ts), on click-through, add-to-cart and
// conversion, each with a 95% interval, so a store sees whether the model earns its place. Conversations are the unit
// (a shopper's clicks within one are not independent), and as shoppers, not conversations, are split, the intervals
// count each rate's effective sample size over shoppers (intervals.ts). They are read from the event log alone, so a
// home whose behaviour was imported or simulated is compared too.
import type { BehaviourEvent } from '../storage/event-log.ts';
import { assistedConversations, ATTRIBUTION_DAYS, type OrderFact } from './conversion.ts';
import { differenceInterval, effectiveCounts, wilson, type Cluster, type Interval } from './intervals.ts';
import type { ConversationSpan } from './turn-tally.ts';

export type Arm = 'personalised' | 'control';
export const ARMS: readonly Arm[] = ['personalised', 'control'];

/** One arm's rate with its Wilson interval over the effective sample size (`effectiveOf`; null when `of` is 0). */
export interface ArmRate { count: number; of: number; rate: number | null; effectiveOf: number; ci95: Interval | null }

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
      const byUser = ordersByUser(orders);
      const [p, c] = ARMS.map((a) => counts(tallies.get(a)!, byUser, knows)) as [Counts, Counts];
      return {
        conversations: { personalised: total(p.clicked), control: total(c.clicked) },
        clickThrough: armMetric(p.clicked, c.clicked), addToCart: armMetric(p.carted, c.carted),
        conversion: { ...armMetric(p.converted, c.converted), source, windowDays: ATTRIBUTION_DAYS },
      };
    },
  };
}

/** Conversations that showed products (the denominator of all three rates). */
function showing(t: ArmTally): Map<string, ConversationSpan> {
  const ids = new Set([...t.shown].map((pair) => pair.slice(0, pair.indexOf('\u0000'))));
  return new Map([...t.spans].filter(([id]) => ids.has(id)));
}

/** Per shopper: showing conversations (n) and those with the outcome (x); conversion over conversations whose orders can be known. */
interface Counts { clicked: Cluster[]; carted: Cluster[]; converted: Cluster[] }

function ordersByUser(orders: readonly OrderFact[]): Map<string, OrderFact[]> {
  const byUser = new Map<string, OrderFact[]>();
  for (const o of orders) byUser.set(o.user, [...(byUser.get(o.user) ?? []), o]);
  return byUser;
}

function counts(t: ArmTally, orders: ReadonlyMap<string, OrderFact[]>, knows: (user: string) => boolean): Counts {
  const perUser = new Map<string, Map<string, ConversationSpan>>();
  for (const [id, span] of showing(t)) perUser.set(span.user, (perUser.get(span.user) ?? new Map()).set(id, span));
  const out: Counts = { clicked: [], carted: [], converted: [] };
  for (const [user, spans] of perUser) {
    const ids = [...spans.keys()];
    out.clicked.push({ n: ids.length, x: ids.filter((id) => t.clicked.has(id)).length });
    out.carted.push({ n: ids.length, x: ids.filter((id) => t.carted.has(id)).length });
    if (knows(user)) out.converted.push({ n: ids.length, x: assistedConversations(spans, orders.get(user) ?? []) });
  }
  return out;
}

function total(clusters: readonly Cluster[]): number {
  return clusters.reduce((sum, c) => sum + c.n, 0);
}

function armMetric(p: readonly Cluster[], c: readonly Cluster[]): ArmMetric {
  const [pe, ce] = [effectiveCounts(p), effectiveCounts(c)];
  const rate = (clusters: readonly Cluster[], e: { count: number; of: number }): ArmRate => {
    const of = total(clusters);
    const count = clusters.reduce((sum, k) => sum + k.x, 0);
    return { count, of, rate: of ? count / of : null, effectiveOf: e.of, ci95: wilson(e.count, e.of) };
  };
  const [pr, cr] = [rate(p, pe), rate(c, ce)];
  return {
    personalised: pr, control: cr,
    difference: { value: pr.rate !== null && cr.rate !== null ? pr.rate - cr.rate : null, ci95: differenceInterval(pe.count, pe.of, ce.count, ce.of) },
  };
}

// Rebuilds logged searches from the event log, as the contract defines them (src/rerank/CONTRACT.md, "Searches
// in the log"): what was shown for one query, in order, and what the shopper then took of it.
import type { BehaviourEvent } from '../../storage/event-log.ts';
import type { HistoryKind } from '../reranker.ts';

/** Impressions of one user, conversation and query this close to the search's first one belong to that search. */
export const SEARCH_WINDOW_MS = 10 * 60_000;
/** An action on a shown product this soon after the search counts as its label. */
export const LABEL_WINDOW_MS = 60 * 60_000;

/** Label grade of each history kind: 1 click/detail view, 2 add to cart, 3 purchase. */
export const LABEL_OF: Readonly<Record<HistoryKind, number>> = { click: 1, detail_view: 1, add_to_cart: 2, purchase: 3 };

export interface LoggedSearch {
  user: string;
  conversation?: string;
  query?: string;
  /** Time of the search's first impression. */
  at: Date;
  /** Shown products by position (the non-personalised order), each once. */
  products: string[];
  /** Grade of each product, same order: the best action taken on it within LABEL_WINDOW_MS (0 none). */
  labels: number[];
}

export function isHistoryKind(kind: string): kind is HistoryKind {
  return Object.hasOwn(LABEL_OF, kind);
}

/** Every logged search, in time order (ties: by user). Events may come in any order. */
export function loggedSearches(events: readonly BehaviourEvent[]): LoggedSearch[] {
  const byUser = new Map<string, { shown: BehaviourEvent[]; taken: BehaviourEvent[] }>();
  for (const e of events) {
    const mine = byUser.get(e.user) ?? { shown: [], taken: [] };
    byUser.set(e.user, mine);
    if (e.kind === 'impression') mine.shown.push(e);
    else if (isHistoryKind(e.kind)) mine.taken.push(e);
  }
  const searches: LoggedSearch[] = [];
  for (const [user, { shown, taken }] of byUser) {
    const actions = taken.map((e) => ({ product: e.product, grade: LABEL_OF[e.kind as HistoryKind], t: Date.parse(e.at) })).sort((a, b) => a.t - b.t);
    for (const group of groupImpressions(shown)) searches.push(labelled(user, group, actions));
  }
  return searches.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
}

/** Impressions split into searches: same conversation and query, within SEARCH_WINDOW_MS of the first. */
function groupImpressions(shown: BehaviourEvent[]): BehaviourEvent[][] {
  const sorted = shown.map((e) => ({ e, t: Date.parse(e.at) })).sort((a, b) => a.t - b.t);
  const open = new Map<string, { start: number; events: BehaviourEvent[] }>();
  const groups: BehaviourEvent[][] = [];
  for (const { e, t } of sorted) {
    const key = `${e.conversation ?? ''}\u0000${e.query ?? ''}`;
    const current = open.get(key);
    if (current && t - current.start <= SEARCH_WINDOW_MS) current.events.push(e);
    else {
      const next = { start: t, events: [e] };
      open.set(key, next);
      groups.push(next.events);
    }
  }
  return groups;
}

function labelled(user: string, group: BehaviourEvent[], actions: { product: string; grade: number; t: number }[]): LoggedSearch {
  const first = group[0]!;
  const ordered = group.map((e, i) => ({ e, i })).sort((a, b) => (a.e.position ?? Infinity) - (b.e.position ?? Infinity) || a.i - b.i);
  const products = [...new Set(ordered.map(({ e }) => e.product))];
  const start = Date.parse(first.at);
  const grade = new Map<string, number>();
  for (const a of actions.slice(lowerBound(actions, start))) {
    if (a.t > start + LABEL_WINDOW_MS) break;
    grade.set(a.product, Math.max(grade.get(a.product) ?? 0, a.grade));
  }
  return {
    user, at: new Date(start), products, labels: products.map((p) => grade.get(p) ?? 0),
    ...(first.conversation ? { conversation: first.conversation } : {}), ...(first.query ? { query: first.query } : {}),
  };
}

/** First index whose time is >= t. */
function lowerBound(actions: { t: number }[], t: number): number {
  let lo = 0;
  let hi = actions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (actions[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

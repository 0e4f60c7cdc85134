// Which training examples the event log holds (contract: "Training examples", "Searches in the log"): logged
// searches with what the shopper then took, or, for a log without impressions (an imported history), each
// interaction as a positive among sampled items the shopper never touched (the next-item setting).
import type { BehaviourEvent } from '../storage/event-log.ts';
import { mulberry32 } from '../seeded-random.ts';
import type { ItemTable } from './features.ts';
import type { HistoryEvent } from './reranker.ts';
import { buildItemTable, POPULARITY_KINDS } from './item-table.ts';
import { historiesByUser } from './eval/eval-data.ts';
import { LABEL_OF, LABEL_WINDOW_MS, loggedSearches } from './eval/logged-searches.ts';
import { MIN_ITEMS } from './eval/next-item-protocol.ts';
import { isHeldOutUser } from './split.ts';

export type ExampleMode = 'session' | 'next-item';

/** One search (or next-item step) to score: candidates in the non-personalised order with graded labels. */
export interface ExampleSpec {
  user: string;
  at: Date;
  query?: string;
  /** rank: 1-based place in the non-personalised order; label: 0 not taken, 1 click/view, 2 cart, 3 purchase. */
  candidates: { id: string; rank: number; label: number }[];
  valid: boolean;
}

export interface PlanOptions {
  /** Sampled items added to each example as negatives. */
  negatives: number;
  /** Share of examples, the latest in time, used for validation. */
  validShare: number;
  /** Shown products kept per search (the logged order's head). */
  maxShown: number;
  maxItems: number;
  seed: number;
  /** 'next-item': leave out each user's last two distinct items and all after them (the next-item eval's targets). */
  holdout?: 'next-item';
}

export const DEFAULT_PLAN: PlanOptions = { negatives: 20, validShare: 0.15, maxShown: 50, maxItems: 100_000, seed: 13 };

export interface ExamplePlan {
  mode: ExampleMode;
  /** In time order; only examples with at least one positive. */
  specs: ExampleSpec[];
  /** Items of the training window (before the validation cut). */
  table: ItemTable;
  /** Each user's history-kind events, oldest first. */
  histories: Map<string, HistoryEvent[]>;
  /** Popularity events (click, add_to_cart, purchase) of the training window, oldest first, for as-of-then counts. */
  popular: { product: string; t: number }[];
  /** Validation starts at this time (ms). */
  cutoff: number;
  /** Logged searches found (session mode), with or without a positive. */
  searches: number;
  users: number;
  events: number;
}

/** Plans the examples of `events` (any order); held-out users' events are left out entirely. */
export function planExamples(all: readonly BehaviourEvent[], o: PlanOptions = DEFAULT_PLAN): ExamplePlan {
  const kept = all.filter((e) => !isHeldOutUser(e.user));
  const events = o.holdout === 'next-item' ? withoutNextItemTargets(kept) : kept;
  const histories = historiesByUser(events);
  const mode: ExampleMode = events.some((e) => e.kind === 'impression') ? 'session' : 'next-item';
  const logged = mode === 'session' ? sessionSpecs(events, o.maxShown) : { specs: nextItemSpecs(histories), searches: 0 };
  const specs = logged.specs.filter((s) => s.candidates.some((c) => c.label > 0)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const cutoff = validationCut(specs, o.validShare);
  for (const s of specs) s.valid = s.at.getTime() >= cutoff;
  const window = events.filter((e) => Date.parse(e.at) < cutoff);
  const table = buildItemTable(window, o.maxItems);
  const popular = window.filter((e) => POPULARITY_KINDS.has(e.kind)).map((e) => ({ product: e.product, t: Date.parse(e.at) })).sort((a, b) => a.t - b.t);
  addNegatives(specs, mode, table, histories, o);
  return { mode, specs, table, histories, popular, cutoff, searches: logged.searches, users: new Set(events.map((e) => e.user)).size, events: events.length };
}

/**
 * Each user's events from the first interaction with their second-to-last distinct item on are left out: the
 * next-item eval (src/rerank/eval/next-item-protocol.ts) validates on that item and tests on the last one, for
 * every user with at least MIN_ITEMS distinct items (history kinds, in order of first interaction).
 */
export function withoutNextItemTargets(events: readonly BehaviourEvent[]): BehaviourEvent[] {
  const cut = new Map<string, number>();
  for (const [user, history] of historiesByUser(events)) {
    const firsts = new Map<string, number>();
    for (const e of history) if (!firsts.has(e.product)) firsts.set(e.product, e.at.getTime());
    const times = [...firsts.values()];
    if (times.length >= MIN_ITEMS) cut.set(user, times.at(-2)!);
  }
  return events.filter((e) => Date.parse(e.at) < (cut.get(e.user) ?? Infinity));
}

function sessionSpecs(events: readonly BehaviourEvent[], maxShown: number): { specs: ExampleSpec[]; searches: number } {
  const searches = loggedSearches(events);
  const specs = searches.map((s) => ({
    user: s.user, at: s.at, ...(s.query ? { query: s.query } : {}), valid: false,
    candidates: s.products.slice(0, maxShown).map((id, i) => ({ id, rank: i + 1, label: s.labels[i]! })),
  }));
  return { specs, searches: searches.length };
}

/** One example per run of events on one product (a click, view and add-to-cart of it are one step), after the first. */
function nextItemSpecs(histories: Map<string, HistoryEvent[]>): ExampleSpec[] {
  const specs: ExampleSpec[] = [];
  for (const [user, history] of histories) {
    let run: { product: string; start: number; label: number } | undefined;
    let steps = 0;
    const close = () => {
      if (run && steps++ > 0) specs.push({ user, at: new Date(run.start), valid: false, candidates: [{ id: run.product, rank: 1, label: run.label }] });
    };
    for (const e of history) {
      const t = e.at.getTime();
      if (run && run.product === e.product && t - run.start <= LABEL_WINDOW_MS) run.label = Math.max(run.label, LABEL_OF[e.kind]);
      else {
        close();
        run = { product: e.product, start: t, label: LABEL_OF[e.kind] };
      }
    }
    close();
  }
  return specs;
}

/** The time from which the latest `share` of examples validate; +Infinity (none) when that would leave no training. */
function validationCut(specs: readonly ExampleSpec[], share: number): number {
  if (specs.length < 2 || share <= 0) return Infinity;
  const cut = specs[Math.min(specs.length - 1, Math.floor(specs.length * (1 - share)))]!.at.getTime();
  return cut > specs[0]!.at.getTime() ? cut : Infinity;
}

/**
 * Adds `negatives` items of the training vocabulary to each example. Logged searches: after the shown ones, as
 * retrieval's lower ranks. Next-item: items the shopper never touched, shuffled with the positive, so the
 * rank feature says nothing there.
 */
function addNegatives(specs: ExampleSpec[], mode: ExampleMode, table: ItemTable, histories: Map<string, HistoryEvent[]>, o: PlanOptions): void {
  const vocab = [...table.index.keys()];
  const random = mulberry32(o.seed);
  const touched = new Map<string, Set<string>>();
  for (const spec of specs) {
    const exclude = new Set(spec.candidates.map((c) => c.id));
    if (mode === 'next-item') {
      let mine = touched.get(spec.user);
      if (!mine) touched.set(spec.user, (mine = new Set((histories.get(spec.user) ?? []).map((e) => e.product))));
      for (const id of mine) exclude.add(id);
    }
    const sampled = sample(vocab, o.negatives, exclude, random);
    const start = spec.candidates.length;
    sampled.forEach((id, k) => spec.candidates.push({ id, rank: start + k + 1, label: 0 }));
    if (mode === 'next-item') {
      shuffle(spec.candidates, random);
      spec.candidates.forEach((c, i) => (c.rank = i + 1));
    }
  }
}

/** Up to n distinct items of `pool` not in `exclude`, uniformly (gives up on a pool nearly all excluded). */
function sample(pool: readonly string[], n: number, exclude: ReadonlySet<string>, random: () => number): string[] {
  const picked = new Set<string>();
  for (let tries = 0; picked.size < n && tries < n * 20; tries++) {
    const id = pool[Math.floor(random() * pool.length)];
    if (id !== undefined && !exclude.has(id)) picked.add(id);
  }
  return [...picked];
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

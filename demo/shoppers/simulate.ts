/** The shopper simulator (README in this folder): shoppers arrive, drift and shop, day by day, deterministic from the seed. */
import { EVENT_KINDS, type EventKind, type NewEvent } from '../../src/storage/event-log.ts';
import { AppError } from '../../src/errors.ts';
import { createRandom, mixSeed, type Random } from '../random.ts';
import type { CatalogFacts } from './catalog-facts.ts';
import { gaussian, poisson, weightedIndex } from './draw.ts';
import type { Listing } from './listing.ts';
import { DEFAULT_SHOPPER_PARAMS, type ShopperParams } from './params.ts';
import { shopSession, type Shopper } from './session.ts';
import { driftTaste, newTaste } from './taste.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** When people shop, by UTC hour: little at night, most in the evening. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.8, 2, 2, 2.2, 2.6, 2.4, 2.2, 2.2, 2.4, 2.8, 3.4, 4, 4.2, 3.8, 2.8, 1.8];
/** Spread of shoppers' visit rates: sd of the log of the factor on sessionsPerDay. */
const RATE_SPREAD = 0.6;

export interface SimulationOptions {
  /** Shoppers over the whole period, arrivals included. */
  shoppers: number;
  days: number;
  seed: number;
  /** The period ends here (exclusive) and starts `days` days before. */
  end: Date;
  params?: Partial<ShopperParams>;
}

export interface SimulationSummary {
  shoppers: number;
  /** Shoppers who first came after the first day. */
  arrivedLater: number;
  events: number;
  byKind: Record<EventKind, number>;
  sessions: number;
  from: string;
  to: string;
}

/** The user id of simulated shopper `index` (0-based). */
export function simulatedUserId(index: number): string {
  return `sim:${String(index + 1).padStart(6, '0')}`;
}

/**
 * Simulates the period day by day and hands each day's events, in time order, to `onDay` (which may write them
 * out before the next day is made, so memory holds one day). Same catalog, listing, options: same events.
 */
export async function simulateShoppers(facts: CatalogFacts, listing: Listing, o: SimulationOptions, onDay: (events: NewEvent[], day: number) => Promise<void>): Promise<SimulationSummary> {
  checkOptions(o);
  const params: ShopperParams = { ...DEFAULT_SHOPPER_PARAMS, ...o.params };
  const deps = { facts, params, listing };
  const shoppers = Array.from({ length: o.shoppers }, (_, i) => newShopper(i, o, facts, params));
  const summary: SimulationSummary = {
    shoppers: o.shoppers, arrivedLater: shoppers.filter((s) => s.arrival > 0).length, events: 0, sessions: 0,
    byKind: Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>,
    from: new Date(o.end.getTime() - o.days * DAY_MS).toISOString(), to: o.end.toISOString(),
  };
  for (let day = 0; day < o.days; day++) {
    const dayStart = o.end.getTime() - (o.days - day) * DAY_MS;
    const events: NewEvent[] = [];
    for (const shopper of shoppers) {
      if (shopper.arrival > day) continue;
      if (shopper.arrival < day) driftTaste(shopper.rng, shopper.taste, facts, params);
      // A shopper shows up on the day they arrive; after that, as often as their rate says.
      const visits = Math.max(shopper.arrival === day ? 1 : 0, poisson(shopper.rng, shopper.rate));
      const starts = Array.from({ length: visits }, () => dayStart + sessionTime(shopper.rng)).sort((a, b) => a - b);
      for (const start of starts) await shopSession(deps, shopper, start, events);
      summary.sessions += visits;
    }
    // Stable: events of one time keep their order (a search's impressions by position).
    events.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
    for (const e of events) summary.byKind[e.kind] += 1;
    summary.events += events.length;
    await onDay(events, day);
  }
  return summary;
}

function newShopper(index: number, o: SimulationOptions, facts: CatalogFacts, params: ShopperParams): Shopper {
  const rng = createRandom(mixSeed(o.seed, index + 1));
  const arrival = rng.chance(params.presentAtStart) || o.days < 2 ? 0 : rng.int(1, o.days - 1);
  const rate = params.sessionsPerDay * Math.exp(gaussian(rng) * RATE_SPREAD - (RATE_SPREAD ** 2) / 2);
  return { id: simulatedUserId(index), rng, taste: newTaste(rng, facts, params), rate, arrival, sessions: 0, recent: [] };
}

/** Milliseconds into the day a session starts: an hour before midnight at the latest, so a session's events stay in its day. */
function sessionTime(rng: Random): number {
  const hour = weightedIndex(rng, HOUR_WEIGHTS);
  return Math.min(hour * 3_600_000 + rng.int(0, 3_599) * 1000, DAY_MS - 3_600_000);
}

function checkOptions(o: SimulationOptions): void {
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(o.shoppers, 1, 1_000_000)) throw new AppError('BAD_INPUT', `shoppers must be a whole number from 1 to 1000000, not ${o.shoppers}.`);
  if (!whole(o.days, 1, 3650)) throw new AppError('BAD_INPUT', `days must be a whole number from 1 to 3650, not ${o.days}.`);
  if (!Number.isInteger(o.seed)) throw new AppError('BAD_INPUT', `seed must be a whole number, not ${o.seed}.`);
  if (Number.isNaN(o.end.getTime())) throw new AppError('BAD_INPUT', 'The end of the simulated period is not a date.');
}

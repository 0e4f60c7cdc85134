/** One visit of one simulated shopper: searches with position-biased clicks, detail views, cart and checkout. */
import type { NewEvent } from '../../src/storage/event-log.ts';
import type { Random } from '../random.ts';
import type { CatalogFacts } from './catalog-facts.ts';
import { gaussian, sigmoid } from './draw.ts';
import type { Listing } from './listing.ts';
import type { ShopperParams } from './params.ts';
import { composeQuery, refineQuery, type ShopperQuery } from './queries.ts';
import { utility, type Taste } from './taste.ts';

/** Channel of every simulated event. */
export const SIMULATOR_CHANNEL = 'simulator';
const SECOND = 1000;
/** Products a shopper remembers for revisits. */
const RECENT = 20;

export interface Shopper {
  id: string;
  rng: Random;
  taste: Taste;
  /** Mean sessions per day. */
  rate: number;
  /** Day of the period the shopper first shops on. */
  arrival: number;
  sessions: number;
  /** Products engaged with lately, newest last, bought ones removed. */
  recent: string[];
}

export interface SessionDeps {
  facts: CatalogFacts;
  params: ShopperParams;
  listing: Listing;
}

interface Taken {
  product: string;
  query?: string;
  position?: number;
}

/** Appends the events of one session starting at `start` (ms) to `out`. */
export async function shopSession(deps: SessionDeps, shopper: Shopper, start: number, out: NewEvent[]): Promise<void> {
  const { rng } = shopper;
  const log = logger(shopper, out);
  const cart: Taken[] = [];
  let t = start;
  if (shopper.recent.length && rng.chance(deps.params.revisit)) {
    t = revisit(deps, shopper, t, log, cart);
  } else {
    let query = composeQuery(rng, shopper.taste, deps.facts, deps.params);
    for (let n = 0; query && n < deps.params.maxSearches; n++) {
      const { clicks, end } = await searchOnce(deps, shopper, query, t, log, cart);
      t = end + rng.int(30, 180) * SECOND;
      if (!rng.chance(deps.params.searchAgain)) break;
      query = clicks === 0 || rng.chance(0.5) ? refineQuery(rng, query, shopper.taste, deps.facts) : composeQuery(rng, shopper.taste, deps.facts, deps.params);
    }
  }
  for (const taken of cart) {
    if (!rng.chance(deps.params.buyFromCart)) continue;
    t += rng.int(60, 300) * SECOND;
    log(t, 'purchase', taken);
    shopper.recent = shopper.recent.filter((id) => id !== taken.product);
  }
}

type Log = (t: number, kind: NewEvent['kind'], taken: Taken) => void;

/** Events of this shopper's session, in the shape the live front doors log (actions carry the query and position they were shown at). */
function logger(shopper: Shopper, out: NewEvent[]): Log {
  const conversation = `${shopper.id}:s${++shopper.sessions}`;
  return (t, kind, { product, query, position }) => {
    out.push({ user: shopper.id, product, kind, channel: SIMULATOR_CHANNEL, conversation, at: new Date(t).toISOString(),
      ...(query !== undefined ? { query } : {}), ...(position !== undefined ? { position } : {}) });
  };
}

/** The first page for the query: impressions, then clicks that fall with position and rise with taste. */
async function searchOnce(deps: SessionDeps, shopper: Shopper, query: ShopperQuery, start: number, log: Log, cart: Taken[]) {
  const { rng, taste } = shopper;
  const p = deps.params;
  const ids = await deps.listing(query.text);
  ids.forEach((product, i) => log(start, 'impression', { product, query: query.text, position: i + 1 }));
  let t = start;
  let clicks = 0;
  for (let i = 0; i < ids.length && clicks < p.maxClicks; i++) {
    const item = deps.facts.byId.get(ids[i]!);
    if (!item || !rng.chance((i + 1) ** -p.positionBias)) continue;
    const u = utility(taste, item, deps.facts, p) + gaussian(rng) * p.noise;
    if (!rng.chance(sigmoid(p.sharpness * (u - p.clickBar)) + p.randomClick)) continue;
    const taken = { product: item.id, query: query.text, position: i + 1 };
    t += rng.int(8, 45) * SECOND;
    log(t, 'click', taken);
    clicks += 1;
    if (rng.chance(p.detailView)) log(t + rng.int(2, 10) * SECOND, 'detail_view', taken);
    // A product already in the cart is not added again (one row per product bought per session).
    if (!cart.some((c) => c.product === item.id) && rng.chance(sigmoid(p.sharpness * (u - p.cartBar)))) {
      log(t + rng.int(20, 90) * SECOND, 'add_to_cart', taken);
      cart.push(taken);
    }
    remember(shopper, item.id);
  }
  return { clicks, end: t };
}

/** Back to a product seen before, straight to its page (a bookmark, the cart, an e-mail): no search, no impression. */
function revisit(deps: SessionDeps, shopper: Shopper, start: number, log: Log, cart: Taken[]): number {
  const product = shopper.rng.pick(shopper.recent);
  log(start, 'detail_view', { product });
  const item = deps.facts.byId.get(product);
  const u = item ? utility(shopper.taste, item, deps.facts, deps.params) + gaussian(shopper.rng) * deps.params.noise : 0;
  if (shopper.rng.chance(sigmoid(deps.params.sharpness * (u - deps.params.cartBar + 0.5)))) {
    log(start + 40 * SECOND, 'add_to_cart', { product });
    cart.push({ product });
  }
  return start + 60 * SECOND;
}

function remember(shopper: Shopper, product: string): void {
  shopper.recent = [...shopper.recent.filter((id) => id !== product), product].slice(-RECENT);
}

import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCatalog } from '../../../demo/generate-catalog.ts';
import { catalogFacts, type CatalogFacts } from '../../../demo/shoppers/catalog-facts.ts';
import { createCachedListing, type Listing } from '../../../demo/shoppers/listing.ts';
import type { ShopperParams } from '../../../demo/shoppers/params.ts';
import { PUBLIC_LOG_HEADER, publicLogLines } from '../../../demo/shoppers/public-log.ts';
import { DAY_MS, simulateShoppers, type SimulationSummary } from '../../../demo/shoppers/simulate.ts';
import { buildLexicalIndex } from '../../../src/index/lexical-index.ts';
import { buildFacetVocabulary } from '../../../src/search/facet-vocabulary.ts';
import { createProductSearch } from '../../../src/search/product-search.ts';
import { lexicalDocument } from '../../../src/search/product-text.ts';
import type { NewEvent } from '../../../src/storage/event-log.ts';

const END = new Date('2026-06-01T00:00:00Z');
let facts: CatalogFacts;
let listing: Listing;

/** A small demo store searched by the real (lexical) search stage, as `aisle events simulate` does. */
beforeAll(() => {
  const products = generateDemoCatalog({ seed: 7, count: 1500 }).map((p) => ({ ...p, version: 1 }));
  const search = createProductSearch({ products, lexical: buildLexicalIndex(products.map(lexicalDocument)), vocabulary: buildFacetVocabulary(products) });
  facts = catalogFacts(products);
  listing = createCachedListing(search, 24).listing;
});

async function run(o: { shoppers?: number; days?: number; seed?: number; params?: Partial<ShopperParams> } = {}): Promise<{ events: NewEvent[]; summary: SimulationSummary }> {
  const events: NewEvent[] = [];
  const summary = await simulateShoppers(facts, listing, { shoppers: o.shoppers ?? 150, days: o.days ?? 40, seed: o.seed ?? 3, end: END, params: o.params }, async (day) => {
    events.push(...day);
  });
  return { events, summary };
}

function byUser(events: readonly NewEvent[]): Map<string, NewEvent[]> {
  const users = new Map<string, NewEvent[]>();
  for (const e of events) users.set(e.user, [...(users.get(e.user) ?? []), e]);
  return users;
}

describe('the shopper simulator', () => {
  let base: { events: NewEvent[]; summary: SimulationSummary };
  beforeAll(async () => {
    base = await run();
  });

  it('replays the same events from the same seed, and others from another seed', async () => {
    expect(base.events.length).toBeGreaterThan(5000);
    expect((await run()).events).toEqual(base.events);
    const other = await run({ seed: 4 });
    expect(other.events.slice(0, 200)).not.toEqual(base.events.slice(0, 200));
  });

  it('logs searches as the contract says: a first page of impressions, then actions on them within the hour', () => {
    const at = (e: NewEvent) => Date.parse(e.at as string);
    const shown = new Map<string, NewEvent>();
    for (const e of base.events) {
      expect(e.channel).toBe('simulator');
      expect(at(e)).toBeGreaterThanOrEqual(END.getTime() - 40 * DAY_MS);
      expect(at(e)).toBeLessThan(END.getTime());
      const key = `${e.user}|${e.conversation}|${e.query}|${e.product}`;
      if (e.kind === 'impression') {
        expect(e.position).toBeGreaterThanOrEqual(1);
        expect(e.position).toBeLessThanOrEqual(24);
        shown.set(key, e);
      } else if (e.query !== undefined) {
        const impression = shown.get(key);
        expect(impression, `${e.kind} of ${e.product} without its impression`).toBeDefined();
        expect(e.position).toBe(impression!.position);
        expect(at(e) - at(impression!)).toBeLessThan(60 * 60_000);
      }
    }
    const times = base.events.map(at);
    expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
  });

  it('clicks fall with position (position bias)', () => {
    const shown = new Array<number>(25).fill(0);
    const clicked = new Array<number>(25).fill(0);
    for (const e of base.events) {
      if (e.kind === 'impression') shown[e.position!]! += 1;
      if (e.kind === 'click') clicked[e.position!]! += 1;
    }
    const rate = (from: number, to: number) => sum(clicked.slice(from, to + 1)) / sum(shown.slice(from, to + 1));
    expect(rate(1, 3)).toBeGreaterThan(2.5 * rate(13, 24));
    expect(rate(1, 1)).toBeGreaterThan(rate(2, 2));
  });

  it('clicks what the shopper\'s other clicks predict (shared brand or colour) more than what was shown beside it', () => {
    let clickedScore = 0, clickedN = 0, shownScore = 0, shownN = 0;
    for (const events of byUser(base.events).values()) {
      const clicks = events.filter((e) => e.kind === 'click');
      for (const click of clicks) {
        const history = clicks.filter((h) => h.conversation !== click.conversation).map((h) => facts.byId.get(h.product)!);
        if (history.length < 2) continue;
        const brands = new Set(history.map((h) => h.brand));
        const colours = new Set(history.flatMap((h) => h.colours));
        const score = (id: string) => { const item = facts.byId.get(id)!; return Number(brands.has(item.brand)) + Number(item.colours.some((c) => colours.has(c))); };
        clickedScore += score(click.product);
        clickedN += 1;
        for (const other of events) {
          if (other.kind === 'impression' && other.conversation === click.conversation && other.query === click.query && other.product !== click.product) {
            shownScore += score(other.product);
            shownN += 1;
          }
        }
      }
    }
    expect(clickedN).toBeGreaterThan(200);
    expect(clickedScore / clickedN).toBeGreaterThan(shownScore / shownN + 0.1);
  });

  it('lets tastes drift: early and late clicks share fewer categories than without drift', async () => {
    const still = await run({ params: { drift: 0 } });
    expect(earlyLateOverlap(base.events)).toBeLessThan(earlyLateOverlap(still.events) - 0.1);
  });

  it('brings new shoppers in over the period', () => {
    expect(base.summary.arrivedLater).toBeGreaterThan(40);
    const firstSeen = [...byUser(base.events).values()].map((events) => Date.parse(events[0]!.at as string));
    const secondHalf = END.getTime() - 20 * DAY_MS;
    expect(firstSeen.filter((t) => t >= secondHalf).length).toBeGreaterThan(10);
  });

  it('writes a public-style log: one row per shopper, session and product, with the furthest step taken', () => {
    const lines = publicLogLines(base.events).trim().split('\n');
    expect(PUBLIC_LOG_HEADER).toBe('user_id,product_id,event,timestamp\n');
    const taken = base.events.filter((e) => e.kind !== 'impression');
    expect(lines.length).toBe(new Set(taken.map((e) => `${e.user}|${e.conversation}|${e.product}`)).size);
    const purchases = new Set(base.events.filter((e) => e.kind === 'purchase').map((e) => `${e.user},${e.product}`));
    expect(lines.filter((l) => l.split(',')[2] === 'purchase').length).toBe(base.summary.byKind.purchase);
    for (const line of lines.filter((l) => l.split(',')[2] === 'purchase')) expect(purchases.has(line.split(',').slice(0, 2).join(','))).toBe(true);
  });
});

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Mean over shoppers with clicks in both of the share of their late-period click categories also clicked early. */
function earlyLateOverlap(events: readonly NewEvent[]): number {
  const cut = (days: number) => END.getTime() - days * DAY_MS;
  const shares: number[] = [];
  for (const list of byUser(events).values()) {
    const leaves = (from: number, to: number) => new Set(list.filter((e) => e.kind === 'click' && Date.parse(e.at as string) >= from && Date.parse(e.at as string) < to)
      .map((e) => facts.byId.get(e.product)!.leaf));
    const early = leaves(cut(40), cut(27));
    const late = leaves(cut(13), cut(0));
    if (early.size && late.size) shares.push([...late].filter((l) => early.has(l)).length / late.size);
  }
  return sum(shares) / shares.length;
}

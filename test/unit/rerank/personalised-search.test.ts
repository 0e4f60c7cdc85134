import { describe, expect, it } from 'vitest';
import { createPersonalisedSearch, type PersonalisedSearchDeps } from '../../../src/rerank/personalised-search.ts';
import type { HistoryEvent, RerankModel, RerankRequest } from '../../../src/rerank/reranker.ts';
import type { ProductSearch, SearchOptions, SearchResult } from '../../../src/search/search.ts';
import { product } from '../search/catalog-fixture.ts';

const CATALOG = Array.from({ length: 40 }, (_, i) => product(`p${i}`, `Product ${i}`, { category: ['Shoes', `Kind ${i % 7}`], brand: `Brand ${i}` }));
const at = new Date('2026-11-29T12:00:00Z');

/** A base search over CATALOG in id order, noting what it was asked. */
function baseSearch(asked: SearchOptions[]): ProductSearch {
  return {
    mode: 'lexical', size: CATALOG.length, product: (id) => CATALOG.find((p) => p.id === id),
    search: async (text, options): Promise<SearchResult> => {
      asked.push(options);
      const results = CATALOG.slice(0, options.k).map((p, i) => ({ product: p, score: 1 / (i + 1), components: { lexicalRank: i + 1 } }));
      return { query: text, filters: { priceMax: 50 }, relaxed: [], mode: 'lexical', results };
    },
  };
}

/** A model that likes one product: 1 for it, 0 for the rest. */
function liking(id: string, calls: RerankRequest[] = []): RerankModel {
  return {
    version: 'v1-202611291200',
    score: async (req) => { calls.push(req); return { personal: Float32Array.from(req.candidates, (c) => (c.id === id ? 1 : 0)), version: 'v1-202611291200' }; },
    close: async () => {},
  };
}

const events = (n: number): HistoryEvent[] => Array.from({ length: n }, (_, i) => ({ product: `p${30 + (i % 5)}`, kind: 'click', at: new Date(at.getTime() - (i + 1) * 60_000) }));

function setup(over: Partial<PersonalisedSearchDeps> = {}) {
  const asked: SearchOptions[] = [];
  const deps: PersonalisedSearchDeps = {
    base: baseSearch(asked), model: () => liking('p25'), history: async () => events(10), arm: () => 'personalised', candidates: 30, now: () => at, ...over,
  };
  return { asked, search: createPersonalisedSearch(deps) };
}
const ids = (r: SearchResult) => r.results.map((h) => h.product.id);
const PLAIN = ['p0', 'p1', 'p2', 'p3', 'p4'];

describe('personalised search', () => {
  it('moves what the shopper\'s history points at up, scores each hit and keeps the base\'s filters', async () => {
    const { asked, search } = setup();
    const result = await search.search('shoes', { k: 5, user: 'shop:1' });
    expect(asked[0]).toEqual({ k: 30 });
    expect(ids(result)[0]).toBe('p25');
    expect(result.results).toHaveLength(5);
    expect(result.results.map((h) => h.components.personal)).toEqual([1, 0, 0, 0, 0]);
    expect(result.filters).toEqual({ priceMax: 50 });
    expect(result.personalised).toEqual({ version: 'v1-202611291200', history: 10 });
  });

  it.each([
    ['no user', {}, { k: 5 }],
    ['personalise=false', {}, { k: 5, user: 'shop:1', personalise: false }],
    ['the control group', { arm: () => 'control' as const }, { k: 5, user: 'shop:1' }],
    ['no model', { model: () => undefined }, { k: 5, user: 'shop:1' }],
    ['no history (cold start)', { history: async () => [] }, { k: 5, user: 'shop:1' }],
  ])('serves the plain search, as asked, with %s', async (_, over, options: SearchOptions) => {
    const { asked, search } = setup(over);
    const result = await search.search('shoes', options);
    expect(ids(result)).toEqual(PLAIN);
    expect(asked).toEqual([{ k: 5 }]);
    expect(result.personalised).toBeUndefined();
    expect(result.results[0]!.components.personal).toBeUndefined();
  });

  it('blends in as history grows: one event nudges, ten let the model lead', async () => {
    const one = await setup({ history: async () => events(1) }).search.search('shoes', { k: 5, user: 'shop:1' });
    expect(ids(one)).not.toContain('p25');
    const near = await setup({ history: async () => events(1), model: () => liking('p4') }).search.search('shoes', { k: 5, user: 'shop:1' });
    expect(ids(near)[0]).toBe('p0');
    expect(ids(near).indexOf('p4')).toBeLessThan(4);
    const ten = await setup({ history: async () => events(10) }).search.search('shoes', { k: 5, user: 'shop:1' });
    expect(ids(ten)[0]).toBe('p25');
  });

  it('with a full history orders by the model alone: the plain rank, already one of its inputs, is not added again', async () => {
    // Scores that prefer the plain order's tail only slightly: added to z(plain), the head would stay first.
    const tailward: RerankModel = {
      version: 'v1-202611291200',
      score: async (req) => ({ personal: Float32Array.from(req.candidates, (_, i) => i * 0.01), version: 'v1-202611291200' }),
      close: async () => {},
    };
    const full = await setup({ history: async () => events(10), model: () => tailward }).search.search('shoes', { k: 3, user: 'shop:1' });
    expect(ids(full)).toEqual(['p29', 'p28', 'p27']);
  });

  it('hands the model the plain ranks, the history and the time', async () => {
    const calls: RerankRequest[] = [];
    await setup({ model: () => liking('p3', calls) }).search.search('shoes', { k: 5, user: 'shop:1' });
    expect(calls[0]!.candidates.slice(0, 2)).toEqual([{ id: 'p0', score: 1, rank: 1 }, { id: 'p1', score: 0.5, rank: 2 }]);
    expect(calls[0]!.history).toHaveLength(10);
    expect(calls[0]!.at).toEqual(at);
    expect(calls[0]!.user).toBe('shop:1');
  });

  it('serves the plain order when the model fails', async () => {
    const broken: RerankModel = { version: 'v2-202611291200', score: async () => { throw new Error('boom'); }, close: async () => {} };
    const result = await setup({ model: () => broken }).search.search('shoes', { k: 5, user: 'shop:1' });
    expect(ids(result)).toEqual(PLAIN);
  });
});

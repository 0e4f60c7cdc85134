import { describe, expect, it } from 'vitest';
import {
  FEATURE_COUNT, buildRerankInput, fnv1a32, gapBucket, historySlots, itemIndex, kindCode,
  type FeatureSources, type ItemFacts, type ItemTable,
} from '../../../src/rerank/features.ts';
import type { HistoryEvent, RerankRequest } from '../../../src/rerank/reranker.ts';

const MIN = 60_000;
const at = new Date('2026-11-01T12:00:00Z');
const ago = (minutes: number) => new Date(at.getTime() - minutes * MIN);

const facts: Record<string, ItemFacts> = {
  shoe: { price: 100, rating: 4.5, leafCategory: 'Running Shoes', brand: 'stride', colours: ['red'], priceLevel: 0.2 },
  trail: { price: 150, leafCategory: 'Running Shoes', brand: 'stride', colours: ['blue'], priceLevel: 0.5 },
  mat: { price: 25, rating: 4, leafCategory: 'Yoga Mats', brand: 'zen', colours: ['red', 'grey'], priceLevel: -0.4 },
  cheap: { price: 1, rating: 0, leafCategory: 'Socks' },
};
const vectors: Record<string, Float32Array> = { shoe: new Float32Array([1, 0]), mat: new Float32Array([0, 1]) };
const items: ItemTable = { mode: 'vocab', maxItems: 10, index: new Map([['shoe', 1], ['mat', 2]]), popularity: new Map([['shoe', 9]]) };
const sources: FeatureSources = { items, facts: (id) => facts[id], vector: (id) => vectors[id], contentDim: 2, historyLen: 4 };

function request(history: HistoryEvent[]): RerankRequest {
  return {
    at, queryVector: new Float32Array([0.6, 0.8]), history,
    candidates: [{ id: 'shoe', score: 0.5, rank: 1 }, { id: 'trail', score: 0.25, rank: 2 }, { id: 'cheap', score: Number.NaN, rank: 3 }],
  };
}

describe('gapBucket', () => {
  it.each([[0, 1], [0.5, 1], [1, 2], [3, 3], [60, 6], [60 * 24 * 365 * 10, 20]])('puts %f minutes in bucket %i', (minutes, bucket) => {
    expect(gapBucket(minutes * MIN)).toBe(bucket);
  });
});

describe('item ids', () => {
  it('looks up vocab indexes, 0 for unseen', () => {
    expect(itemIndex('mat', items)).toBe(2);
    expect(itemIndex('nope', items)).toBe(0);
    expect(itemIndex('shoe', undefined)).toBe(0);
  });
  it('hashes the items seen in training into 1..maxItems in hashed mode, and gives an unseen one 0', () => {
    const hashed: ItemTable = { mode: 'hashed', maxItems: 7, index: new Map([['mat', 1 + (fnv1a32('mat') % 7)]]), popularity: new Map() };
    expect(itemIndex('mat', hashed)).toBe(1 + (fnv1a32('mat') % 7));
    expect(itemIndex('new-product', hashed)).toBe(0);
    expect(fnv1a32('a')).toBe(0xe40c292c); // the published FNV-1a test vector
  });
  it('codes kinds from 1', () => expect(['click', 'detail_view', 'add_to_cart', 'purchase'].map((k) => kindCode(k as never))).toEqual([1, 2, 3, 4]));
});

describe('historySlots', () => {
  it('keeps events strictly before the search, newest first, at most H', () => {
    const events: HistoryEvent[] = [
      { product: 'a', kind: 'click', at: ago(30) }, { product: 'b', kind: 'click', at: ago(1) },
      { product: 'now', kind: 'click', at }, { product: 'c', kind: 'purchase', at: ago(10) },
    ];
    expect(historySlots(events, at, 2).map((e) => e.product)).toEqual(['b', 'c']);
  });
});

describe('buildRerankInput', () => {
  const history: HistoryEvent[] = [
    { product: 'mat', kind: 'purchase', at: ago(3) },
    { product: 'shoe', kind: 'click', at: ago(60) },
    { product: 'ghost', kind: 'detail_view', at: ago(0.5) },
  ];
  const input = buildRerankInput([request(history), { ...request([]), candidates: [{ id: 'mat', score: 1, rank: 1 }] }], sources);
  const feat = (b: number, c: number) => Array.from(input.candFeat.slice((b * 3 + c) * FEATURE_COUNT, (b * 3 + c + 1) * FEATURE_COUNT));

  it('shapes the batch to the longest candidate list and H', () => {
    expect([input.batch, input.candidates, input.historyLen, input.vecDim]).toEqual([2, 3, 4, 2]);
    expect(input.candFeat.length).toBe(2 * 3 * FEATURE_COUNT);
    expect(input.histKind.length).toBe(2 * 4);
  });

  it('writes the history newest first with kinds, gaps, ids and vectors, zero-padded', () => {
    expect(Array.from(input.histKind.slice(0, 4))).toEqual([2n, 4n, 1n, 0n]);
    expect(Array.from(input.histGap.slice(0, 4))).toEqual([1n, 3n, 6n, 0n]);
    expect(Array.from(input.histId.slice(0, 4))).toEqual([0n, 2n, 1n, 0n]);
    expect(Array.from(input.histVec.slice(0, 8))).toEqual([0, 0, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(input.histKind.slice(4))).toEqual([0n, 0n, 0n, 0n]);
  });

  it('computes the twelve contract features', () => {
    // history (newest first): ghost (no facts, no vector), mat, shoe. Prices: mat 25, shoe 100 → median 62.5;
    // categories: Yoga 1, Running 1 of 3 events; brands zen 1, stride 1; red in 2 of 3 events; mean price level
    // (-0.4 + 0.2) / 2 = -0.1; mean vector 0.9 · mat + 0.81 · shoe = [0.81, 0.9].
    const cosShoe = 0.81 / Math.hypot(0.81, 0.9);
    expect(feat(0, 0)).toEqual([1, 1, Math.log(100 / 62.5), 0.9, 1, Math.log1p(9) / 10, 1, 1 / 3, 1 / 3, 2 / 3, 0.3, cosShoe].map(Math.fround));
    expect(feat(0, 1)).toEqual([1 / Math.log2(3), 0.5, Math.log(150 / 62.5), 0, 0, 0, 0, 1 / 3, 1 / 3, 0, 0.6, 0].map(Math.fround));
    expect(feat(0, 2)).toEqual([0.5, 0, -3, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives a cold-start search zero personal features and pads its missing candidates', () => {
    expect(feat(1, 0)).toEqual([1, 1, 0, 0.8, 1, 0, 0, 0, 0, 0, 0, 0].map(Math.fround));
    expect(feat(1, 1)).toEqual(new Array(FEATURE_COUNT).fill(0));
    expect(input.candId[4]).toBe(0n);
    expect(Array.from(input.query)).toEqual([0.6, 0.8, 0.6, 0.8].map(Math.fround));
  });

  it('counts a history event sharing two colours with the candidate once', () => {
    const twice = buildRerankInput([{ ...request([{ product: 'mat', kind: 'click', at: ago(5) }, { product: 'shoe', kind: 'click', at: ago(9) }]),
      candidates: [{ id: 'mat', score: 1, rank: 1 }] }], sources);
    // mat is red and grey, shoe red: both slots share a colour with mat, mat's slot counted once.
    expect(twice.candFeat[9]).toBe(1);
    expect(twice.candFeat[8]).toBe(0.5);
  });

  it('feeds [.., 1] zero vectors to an ids-only model', () => {
    const idsOnly = buildRerankInput([request(history)], { ...sources, contentDim: 0 });
    expect(idsOnly.vecDim).toBe(1);
    expect(Array.from(idsOnly.candVec)).toEqual([0, 0, 0]);
    expect(Array.from(idsOnly.query)).toEqual([0]);
    // No content, no cosine to the history's mean vector (feature 11), as in training an ids-only model.
    expect(idsOnly.candFeat[11]).toBe(0);
    expect(idsOnly.candFeat[9]).toBeCloseTo(2 / 3, 6);
  });
});

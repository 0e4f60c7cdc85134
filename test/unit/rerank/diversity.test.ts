import { describe, expect, it } from 'vitest';
import { diversify, intraListDiversity, productDistance, variantKey } from '../../../src/rerank/diversity.ts';
import { rerankArm } from '../../../src/rerank/ab-split.ts';
import { product } from '../search/catalog-fixture.ts';

const SHOES = ['Shoes', 'Sneakers', 'Running Shoes'];
const shoe = (id: string, title: string, brand: string, colors: string[] = []) => ({ product: product(id, title, { category: SHOES, brand, colors }) });

describe('variantKey', () => {
  it('groups a product\'s colours and sizes, not different products', () => {
    const a = product('a', 'Elm Lite Kids Bike, Sky Blue', { category: [], brand: 'Little Lantern', colors: ['Sky Blue'] });
    const b = product('b', 'Elm Lite Kids Bike, Red', { category: [], brand: 'Little Lantern', colors: ['Red'] });
    const c = product('c', 'Elm Pro Kids Bike, Red', { category: [], brand: 'Little Lantern', colors: ['Red'] });
    expect(variantKey(a)).toBe(variantKey(b));
    expect(variantKey(a)).not.toBe(variantKey(c));
  });
});

describe('diversify', () => {
  const colours = ['Red', 'Blue', 'Green', 'Black', 'White'];
  const hits = [
    ...colours.map((c, i) => shoe(`lark-${i}`, `Lark Pro Road Running Shoes, ${c}`, 'Pace Theory', [c])),
    shoe('p1', 'Tempo Trail Runner', 'Pace Theory'), shoe('p2', 'Vista Racer', 'Pace Theory'), shoe('p3', 'Glide Daily', 'Pace Theory'),
    shoe('o1', 'Ridge Trail Shoe', 'Summit'), shoe('o2', 'Canyon Runner', 'Dune'),
  ];

  it('keeps one variant per product and at most three per brand on the first page, dropping nothing', () => {
    const out = diversify(hits, { text: 'running shoes' }, { pageSize: 5, maxPerBrand: 3 });
    expect(out.slice(0, 5).map((h) => h.product.id)).toEqual(['lark-0', 'p1', 'p2', 'o1', 'o2']);
    expect(out.map((h) => h.product.id).sort()).toEqual(hits.map((h) => h.product.id).sort());
    expect(out.slice(5).map((h) => h.product.id)).toEqual(['lark-1', 'lark-2', 'lark-3', 'lark-4', 'p3']);
  });

  it('lets a brand the shopper asked for fill the page, and a product named in full show its variants', () => {
    const brand = diversify(hits, { text: 'pace theory shoes', brands: ['Pace Theory'] }, { pageSize: 4, maxPerBrand: 3 });
    expect(brand.slice(0, 4).map((h) => h.product.id)).toEqual(['lark-0', 'p1', 'p2', 'p3']);
    const named = diversify(hits, { text: 'lark pro road running shoes' }, { pageSize: 3, maxPerBrand: 9 });
    expect(named.slice(0, 3).map((h) => h.product.id)).toEqual(['lark-0', 'lark-1', 'lark-2']);
  });

  it('fills the page with held-back products when there are too few distinct ones', () => {
    const out = diversify(hits.slice(0, 3), { text: 'shoes' }, { pageSize: 3, maxPerBrand: 3 });
    expect(out.map((h) => h.product.id)).toEqual(['lark-0', 'lark-1', 'lark-2']);
  });
});

describe('intra-list diversity', () => {
  it('is 0 for variants of one product and grows with brands and categories', () => {
    const same = [0, 1, 2].map((i) => shoe(`v${i}`, `Lark Shoe, ${['Red', 'Blue', 'Grey'][i]}`, 'Pace', [['Red', 'Blue', 'Grey'][i]!]).product);
    expect(intraListDiversity(same, productDistance)).toBe(0);
    const mixed = [same[0]!, product('m', 'Mug', { category: ['Kitchen', 'Mugs'], brand: 'Kettle' }), shoe('o', 'Ridge', 'Summit').product];
    expect(intraListDiversity(mixed, productDistance)).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(intraListDiversity([same[0]!], productDistance)).toBe(0);
  });
});

describe('the A/B split', () => {
  it('is stable per user and gives the control group about its share', () => {
    const users = Array.from({ length: 20_000 }, (_, i) => `shop:${i}`);
    const control = users.filter((u) => rerankArm(u, 0.1) === 'control');
    expect(control.length / users.length).toBeGreaterThan(0.09);
    expect(control.length / users.length).toBeLessThan(0.11);
    expect(users.every((u) => rerankArm(u, 0.1) === rerankArm(u, 0.1))).toBe(true);
    // raising the share only moves shoppers into control
    expect(control.every((u) => rerankArm(u, 0.3) === 'control')).toBe(true);
    expect(rerankArm('shop:1', 0)).toBe('personalised');
    expect(rerankArm('shop:1', 1)).toBe('control');
  });
});

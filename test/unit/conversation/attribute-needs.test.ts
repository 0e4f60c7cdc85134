import { describe, expect, it } from 'vitest';
import { emptyProduct, type StoredProduct } from '../../../src/domain.ts';
import { meetingNeeds, readAttributeNeeds } from '../../../src/conversation/attribute-needs.ts';
import { wantsModestPrice } from '../../../src/conversation/refine-search.ts';

function item(id: string, attributes: Record<string, string>, sizes: string[] = []): StoredProduct {
  return { ...emptyProduct(id, id), attributes, sizes, version: 1 };
}
const tents = [item('t1', { capacity: '1-person' }), item('t6', { capacity: '6-person' }), item('t4', { capacity: '4-person' }), item('t2', { capacity: '2-person' })];
const games = [item('g1', { players: '2-4 players', play_time: '90 minutes' }), item('g2', { players: '2-6 players', play_time: '30 minutes' }), item('g3', { players: '3-8 players', play_time: '60 minutes' })];
const planters = [item('p1', { dimensions: '20" W x 10" D x 10" H' }), item('p2', { dimensions: '40" W x 20" D x 20" H' }), item('p3', { dimensions: '60" W x 30" D x 30" H' })];
const ids = (ps: StoredProduct[]) => ps.map((p) => p.id);

describe('numbers that map onto a product attribute', () => {
  it('"for 4 people" keeps tents that sleep four, the closest capacity first', () => {
    const { needs, rest } = readAttributeNeeds('for 4 people', tents);
    expect(rest).toBe('');
    expect(ids(meetingNeeds(tents, needs))).toEqual(['t4', 't6']);
  });

  it('"for 6 players" keeps games whose player range holds six', () => {
    expect(ids(meetingNeeds(games, readAttributeNeeds('for 6 players', games).needs))).toEqual(['g2', 'g3']);
  });

  it('"something shorter, like under an hour" is a play time under 60 minutes', () => {
    const { needs } = readAttributeNeeds('something shorter, like under an hour', games);
    expect(ids(meetingNeeds(games, needs))).toEqual(['g2']);
  });

  it('"bigger ones" keeps products larger than the middle of those shown', () => {
    expect(ids(meetingNeeds(planters, readAttributeNeeds('bigger ones', planters).needs))).toEqual(['p3']);
    const pots = [item('a', {}, ['4 in']), item('b', {}, ['8 in']), item('c', {}, ['12 in'])];
    expect(ids(meetingNeeds(pots, readAttributeNeeds('smaller', pots).needs))).toEqual(['a']);
  });

  it('reads nothing where the products have no such attribute, or the number is an age', () => {
    expect(readAttributeNeeds('for 4 people', planters).needs).toEqual([]);
    expect(readAttributeNeeds('for 8 year olds', games).needs).toEqual([]);
  });

  it.each([
    ['I need a laptop for college, nothing crazy expensive', true],
    ['a reasonably priced blender', true],
    ['something that won\'t break the bank', true],
    ['an expensive watch', false],
    ['not red', false],
  ] as const)('"%s" asks for a modest price: %s', (text, expected) => {
    expect(wantsModestPrice(text)).toBe(expected);
  });
});

describe('a need no product record can check', () => {
  it('"for two people" about products with no capacity is reported unread, not guessed', () => {
    const kayaks = [item('k1', { weight: '40 lb' }), item('k2', { weight: '35 lb' })];
    expect(readAttributeNeeds('for two people', kayaks)).toMatchObject({ needs: [], unread: ['for two people'] });
  });
});

import { describe, expect, it } from 'vitest';
import { isOfKind, kindNounsOf, missingKind, namedKind, type StoreKinds } from '../../../src/search/kind-match.ts';

const GOLF_BAG = { title: 'Lightweight Nylon Golf Bag by Quickmile', category: ['Sports', 'Golf', 'Golf Gear'] };
const SOCCER_BALL = { title: 'Granite Peak Soccer Ball, Cobalt', category: ['Sports', 'Team Sports', 'Balls'] };
const BIKE_PUMP = { title: 'Durable Aluminum Bike Pump', category: ['Sports', 'Cycling', 'Bike Accessories'] };
const KIDS_BIKE = { title: 'Bluebird Basics Nori Kids Bike, Lime Green', category: ['Toys', 'Outdoor Play', 'Ride-Ons & Scooters'] };
const BOTTLE = { title: 'Classic Glass Water Bottle, Olive', category: ['Kitchen', 'Drinkware', 'Mugs & Tumblers'] };
const SHEETS = { title: 'Egyptian Cotton Sheet Set', category: ['Bedding', 'Sheets', 'Sheet Sets'] };
const FACETS: Record<string, 'color' | 'material' | 'size'> = { glass: 'material', king: 'size', emerald: 'color', velvet: 'material' };
const store: StoreKinds = {
  nouns: kindNounsOf([GOLF_BAG, SOCCER_BALL, BIKE_PUMP, KIDS_BIKE, BOTTLE, SHEETS]),
  knows: (t) => ['golf', 'ball', 'bike', 'glass', 'wine', 'sheet', 'velvet', 'emerald', 'bag'].includes(t),
  facetOf: (w) => FACETS[w],
};

describe('the kind a short request names', () => {
  it('is the last content word before the details, with the words before it', () => {
    expect(namedKind('do you have bikes?')).toMatchObject({ head: 'bike', phrase: 'bikes' });
    expect(namedKind('wine glasses')).toMatchObject({ head: 'glass', phrase: 'wine glasses' });
    expect(namedKind('I need a laptop for college')).toMatchObject({ head: 'laptop' });
    expect(namedKind('tv 55 inch')).toMatchObject({ head: 'tv' });
  });

  it('is none for a need, a gift or a message that opens on its details', () => {
    expect(namedKind('something for my dog to chew on')).toBeUndefined();
    expect(namedKind('what about shorts')).toBeUndefined();
    expect(namedKind('a gift')).toBeUndefined();
  });

  it('reads a product by the head of its title or category: a bike pump is no bike', () => {
    expect(isOfKind(BIKE_PUMP, 'bike')).toBe(false);
    expect(isOfKind(KIDS_BIKE, 'bike')).toBe(true);
    expect(isOfKind(BOTTLE, 'tumbler')).toBe(true);
  });
});

describe('a named kind none of the results is', () => {
  it('is said back when the first results are of other kinds', () => {
    expect(missingKind('golf balls', [GOLF_BAG, GOLF_BAG], store)).toBe('golf balls');
    expect(missingKind('do you have bikes', [BIKE_PUMP], store)).toBe('bikes');
    expect(missingKind('wine glasses', [BOTTLE], store)).toBe('wine glasses');
  });

  it('is not said when a result is of the kind, for colours and materials alone, sizes after the thing, or misspellings', () => {
    expect(missingKind('bikes', [BIKE_PUMP, KIDS_BIKE], store)).toBeUndefined();
    expect(missingKind('emerald velvet', [BOTTLE], store)).toBeUndefined();
    expect(missingKind('sheets king', [SHEETS], store)).toBeUndefined();
    expect(missingKind('sneekers', [BOTTLE], store)).toBeUndefined();
  });

  it('is not judged in a longer message, where the last noun is often the setting', () => {
    expect(missingKind('keep the pens and clutter tidy on my desk', [BOTTLE], store)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { bodyOf } from '../../../bench/lib/shopper-crowd.ts';
import { createShopperScripts, type ShopperStep } from '../../../bench/lib/shopper-script.ts';

const SEARCHES = ['blue velvet sofa', 'running shoes under $80', 'a gift for a coffee lover'];

describe('createShopperScripts', () => {
  it('opens every session with a search, each search the next phrasing in turn, and keeps each session within the per-connection allowance', () => {
    const scripts = createShopperScripts(SEARCHES, 3);
    const sessions = Array.from({ length: 200 }, () => scripts.next());
    const openings = sessions.map((s) => s[0]!);
    expect(openings.every((s) => s.purpose === 'search')).toBe(true);
    // Every search, the openings and the occasional second one, takes the next phrasing, so none repeats early.
    const searches = sessions.flat().filter((s) => s.purpose === 'search').map((s) => s.kind === 'text' && s.text);
    expect(searches.slice(0, 6)).toEqual([...SEARCHES, ...SEARCHES]);
    expect(searches.length).toBeGreaterThan(sessions.length);
    for (const s of sessions) {
      expect(s.length).toBeGreaterThanOrEqual(4);
      expect(s.length).toBeLessThanOrEqual(8); // the default allowance is 30 messages a minute per connection
    }
  });

  it('walks a shopper from search to cart: a refinement second, details before add to cart, add to cart in every session', () => {
    for (const session of Array.from({ length: 100 }, ((scripts) => () => scripts.next())(createShopperScripts(SEARCHES)))) {
      const purposes = session.map((s) => s.purpose);
      expect(purposes[1]).toBe('refine');
      expect(purposes.indexOf('details')).toBeLessThan(purposes.indexOf('add to cart'));
    }
  });

  it('mixes card presses and typed wishes, and varies the words', () => {
    const steps = Array.from({ length: 100 }, ((scripts) => () => scripts.next())(createShopperScripts(SEARCHES))).flat();
    const cart = steps.filter((s) => s.purpose === 'add to cart');
    expect(cart.some((s) => s.kind === 'action')).toBe(true);
    expect(cart.some((s) => s.kind === 'text')).toBe(true);
    expect(new Set(steps.filter((s) => s.purpose === 'refine').map((s) => s.kind === 'text' && s.text)).size).toBeGreaterThan(5);
  });

  it('is the same for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 20 }, ((scripts) => () => scripts.next())(createShopperScripts(SEARCHES, seed)));
    expect(take(5)).toEqual(take(5));
    expect(take(5)).not.toEqual(take(6));
  });

  it('refuses an empty list of searches', () => {
    expect(() => createShopperScripts([])).toThrow(/at least one search/);
  });
});

describe('bodyOf', () => {
  const press: ShopperStep = { kind: 'action', purpose: 'add to cart', action: 'add_to_cart', position: 1, text: 'add the second one to my cart' };

  it('presses the card the last products reply showed at that position', () => {
    expect(bodyOf(press, ['P1', 'P2', 'P3'])).toEqual({ action: { type: 'add_to_cart', productId: 'P2' } });
  });

  it('types the wish when no reply showed that many products', () => {
    expect(bodyOf(press, ['P1'])).toEqual({ text: 'add the second one to my cart' });
    expect(bodyOf({ kind: 'text', purpose: 'refine', text: 'cheaper' }, ['P1'])).toEqual({ text: 'cheaper' });
  });
});

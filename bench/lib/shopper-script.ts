import { mulberry32 } from '../../src/seeded-random.ts';

/** What a step is for: latencies are reported per purpose. */
export type StepPurpose = 'search' | 'refine' | 'details' | 'compare' | 'add to cart';

/**
 * One thing a simulated shopper sends. An action step presses a card button (`position`, 0-based, in the
 * last reply that showed products) and says `text` instead when no reply has shown that many products.
 */
export type ShopperStep =
  | { kind: 'text'; purpose: StepPurpose; text: string }
  | { kind: 'action'; purpose: 'details' | 'add to cart'; action: 'details' | 'add_to_cart'; position: number; text: string };

const REFINEMENTS = [
  'cheaper', 'under $150', 'something in blue', 'only ones in stock', 'a smaller one', 'any with better reviews?',
  'show me more', 'what about in black?', 'less than 100 dollars', 'from a different brand', 'something more premium',
  'in a lighter colour', 'do you have it in wool?', 'a bigger size', 'under 50 please',
];
const ORDINALS = ['first', 'second', 'third'];
const DETAILS = ['tell me more about the {n} one', 'what are the dimensions of the {n} one?', 'is the {n} one any good?', 'details on the {n}'];
const ADD = ['add the {n} one to my cart', 'I\'ll take the {n} one', 'put the {n} in my basket', 'buy the {n} one'];
const COMPARE = ['compare the first two', 'what is the difference between the first and second?', 'compare the first and the third'];

/** A seeded generator of shopper sessions; `searches` supplies each session's opening query, in turn. */
export interface ShopperScripts {
  /** The next session: search, one or two refinements, details, sometimes a comparison, add to cart, sometimes a second search. */
  next(): ShopperStep[];
}

export function createShopperScripts(searches: readonly string[], seed = 11): ShopperScripts {
  if (searches.length === 0) throw new Error('createShopperScripts needs at least one search phrasing');
  const random = mulberry32(seed);
  let cursor = 0;
  const search = (): ShopperStep => ({ kind: 'text', purpose: 'search', text: searches[cursor++ % searches.length]! });
  return { next: () => session(random, search) };
}

function session(random: () => number, search: () => ShopperStep): ShopperStep[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const refine = (): ShopperStep => ({ kind: 'text', purpose: 'refine', text: pick(REFINEMENTS) });
  const steps: ShopperStep[] = [search(), refine()];
  if (random() < 0.5) steps.push(refine());
  steps.push(pressOrSay(random, 'details', pick(DETAILS)));
  if (random() < 0.3) steps.push({ kind: 'text', purpose: 'compare', text: pick(COMPARE) });
  steps.push(pressOrSay(random, 'add to cart', pick(ADD)));
  if (random() < 0.3) steps.push(search(), refine());
  return steps;
}

/** Half the time the card's button, half the time the same wish typed ("the second one"). */
function pressOrSay(random: () => number, purpose: 'details' | 'add to cart', template: string): ShopperStep {
  const position = Math.floor(random() * ORDINALS.length);
  const text = template.replace('{n}', ORDINALS[position]!);
  if (random() < 0.5) return { kind: 'text', purpose, text };
  return { kind: 'action', purpose, action: purpose === 'details' ? 'details' : 'add_to_cart', position, text };
}

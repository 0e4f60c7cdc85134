/**
 * Whether a catalog word in a query names what the shopper wants or only describes its setting.
 * "a sofa bed for my flat": "flat" is the shopper's home, not the shoe category Flats; "sheets for a
 * king bed": the bed is what the sheets fit, not a bed to buy. English puts the thing wanted first
 * and its setting after a preposition or a possessive, so the position decides, not a word list.
 */
import type { Facet } from './facet-vocabulary.ts';

/** Words that open a phrase describing where or what a product is for ("a lamp in the bedroom"). */
const PREPOSITIONS = new Set(['for', 'in', 'on', 'with', 'to', 'into', 'onto', 'inside', 'beside', 'near', 'under', 'above', 'behind', 'fits', 'fit', 'fitting', 'matches', 'match', 'against']);
/** Of those, the ones that never describe the product's own colour or material ("in blue", "with oak legs" do). */
const PURPOSE = new Set(['for', 'to', 'fits', 'fit', 'fitting', 'matches', 'match', 'against', 'beside', 'near']);
/** The shopper's own things: what follows is owned already, not wanted. */
const POSSESSIVES = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'mine']);
/** Words allowed between the opener and the catalog word: "for a new king", "with the big". */
const FILLERS = new Set(['a', 'an', 'the', 'this', 'that', 'new', 'old', 'big', 'small', 'little', 'large', 'tiny', 'whole', 'entire', 'current', 'existing']);

/** A plain word naming which setting ("home" office, "bunk" bed): no preposition, possessive or facet value. */
function isModifier(tokens: readonly string[], j: number, clue: ContextClue): boolean {
  const token = tokens[j]!;
  return /^[a-z]+$/.test(token) && !PREPOSITIONS.has(token) && !POSSESSIVES.has(token) && !clue.facetAt.has(j);
}

/** Facets whose words can describe a setting; sizes and brands always speak about the product. */
const CONTEXTUAL: ReadonlySet<Facet> = new Set(['category', 'color', 'material']);

export interface ContextClue {
  /** Indexes of the tokens that matched a facet value, and which facet. */
  facetAt: ReadonlyMap<number, Facet>;
  /** A stemmed-word test for "this token is a product noun the store uses" (sofa, sheet, lamp). */
  isProductNoun?: (token: string) => boolean;
}

/**
 * True when the facet match starting at `start` describes the setting: after a possessive ("my
 * flat"), or inside a prepositional phrase that follows a product noun ("sheets for a king bed").
 * Words skipped on the way back are fillers, numbers, units and other facet words ("a 65 inch", "king").
 */
export function describesSetting(tokens: readonly string[], start: number, facet: Facet, clue: ContextClue, measured = false): boolean {
  // A measurement describes what it follows: "a stand for a 65 inch TV" is no 65" stand.
  if (!CONTEXTUAL.has(facet) && !measured) return false;
  let i = start - 1;
  // One word of the setting's own name may come between: "my home office", "a bunk bed", "the dining table".
  let named = 0;
  const skippable = (j: number) => FILLERS.has(tokens[j]!) || /^\d/.test(tokens[j]!) || clue.facetAt.get(j) === 'size' || clue.facetAt.get(j) === 'color' || clue.facetAt.get(j) === 'material';
  while (i >= 0 && (skippable(i) || (named++ === 0 && i === start - 1 && facet === 'category' && isModifier(tokens, i, clue)))) i--;
  if (i < 0) return false;
  if (POSSESSIVES.has(tokens[i]!)) return true;
  if (!(facet === 'category' || measured ? PREPOSITIONS : PURPOSE).has(tokens[i]!)) return false;
  // "for the kitchen" alone is what the shopper wants things for: the setting is the only clue, keep it.
  for (let j = i - 1; j >= 0; j--) {
    if (clue.facetAt.get(j) === 'category' || clue.isProductNoun?.(tokens[j]!)) return true;
  }
  return false;
}

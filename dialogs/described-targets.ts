import type { Product } from '../src/domain.ts';
import { facetKey } from '../src/search/filters.ts';

/** What a description reads of a product on screen. */
export type Describable = Pick<Product, 'price' | 'rating' | 'colors'> & { id: string };

interface Extreme {
  pattern: RegExp;
  value: (p: Describable) => number | undefined;
  best: 'min' | 'max';
}

const EXTREMES: Extreme[] = [
  { pattern: /\b(?:cheapest|least expensive|lowest[- ]priced?|lowest price|most affordable)\b/g, value: (p) => p.price, best: 'min' },
  { pattern: /\b(?:most expensive|priciest|dearest|highest[- ]priced?|highest price)\b/g, value: (p) => p.price, best: 'max' },
  { pattern: /\b(?:top[- ]rated|best[- ]rated|highest[- ]rated|best[- ]reviewed)\b/g, value: (p) => p.rating, best: 'max' },
  { pattern: /\b(?:lowest[- ]rated|worst[- ]rated|worst[- ]reviewed)\b/g, value: (p) => p.rating, best: 'min' },
  // Comparatives pick the same way among what is on screen: "add the cheaper one" after a comparison of two.
  { pattern: /\bthe (?:cheaper|less expensive|lower[- ]priced)\b(?!\s+than)|\b(?:cheaper|less expensive) (?:one|option)\b/g, value: (p) => p.price, best: 'min' },
  { pattern: /\bthe (?:more expensive|pricier|dearer|higher[- ]priced)\b(?!\s+than)/g, value: (p) => p.price, best: 'max' },
  { pattern: /\b(?:higher|better)[- ](?:rated|reviewed)\b|\b(?:higher|better) (?:rating|reviews)\b/g, value: (p) => p.rating, best: 'max' },
  { pattern: /\b(?:lower|worse)[- ]rated\b|\b(?:lower|worse) rating\b/g, value: (p) => p.rating, best: 'min' },
];
const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
/** "the blue one", "that navy blue one", "the red ones": up to three words between the article and "one". */
const THE_X_ONE = /\b(?:the|that|this|those|these)\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+ones?\b/g;

/** Products on screen picked out by a description, and the colours that were used as one (not asked about). */
export interface Described {
  ids: string[];
  colours: string[];
}

/**
 * The products on screen a message describes: "the cheapest one", "the two most expensive",
 * "the top rated one", "the blue one". Ids in the order the descriptions are said; ties are all
 * kept (the dialog then asks which). Undefined when the message describes none; empty ids when it
 * describes something no product on screen has ("the purple one"). `knownColours` are colour
 * words read from the message, so a colour none of them has is still recognised as one.
 */
export function describedTargets(text: string, shown: readonly Describable[], knownColours: readonly string[] = []): Described | undefined {
  const t = text.toLowerCase();
  const found: { at: number; ids: string[] }[] = [];
  for (const extreme of EXTREMES) {
    for (const m of t.matchAll(extreme.pattern)) found.push({ at: m.index, ids: pickExtreme(shown, extreme, countNear(t, m.index, m[0].length)) });
  }
  const colours: string[] = [];
  for (const m of t.matchAll(THE_X_ONE)) {
    const colour = colourNamed(m[1]!, shown, knownColours);
    if (!colour) continue;
    colours.push(colour);
    found.push({ at: m.index, ids: shown.filter((p) => colourKeys(p.colors).has(colour)).map((p) => p.id) });
  }
  if (found.length === 0) return undefined;
  const ids = found.sort((a, b) => a.at - b.at).flatMap((f) => f.ids);
  return { ids: [...new Set(ids)], colours };
}

/** The n products with the lowest (or highest) value; with n = 1, every product tied for it. */
function pickExtreme(shown: readonly Describable[], extreme: Extreme, n: number): string[] {
  const valued = shown.flatMap((p) => {
    const v = extreme.value(p);
    return v === undefined ? [] : [{ id: p.id, v }];
  });
  const sorted = valued.sort((a, b) => (extreme.best === 'min' ? a.v - b.v : b.v - a.v));
  if (n > 1) return sorted.slice(0, n).map((x) => x.id);
  return sorted.filter((x) => x.v === sorted[0]!.v).map((x) => x.id);
}

/** "the two cheapest", "the cheapest three": how many; 1 when unsaid. */
function countNear(text: string, at: number, length: number): number {
  const before = text.slice(0, at).match(/\b(two|three|four|[234])\s+$/);
  const after = text.slice(at + length).match(/^\s+(two|three|four|[234])\b/);
  return COUNTS[before?.[1] ?? after?.[1] ?? ''] ?? 1;
}

/** The colour key a phrase names ("navy blue", or "blue" in "blue velvet"), if any shown or known colour. */
function colourNamed(phrase: string, shown: readonly Describable[], knownColours: readonly string[]): string | undefined {
  const known = new Set([...colourKeys(shown.flatMap((p) => p.colors)), ...colourKeys(knownColours)]);
  const key = facetKey(phrase);
  if (known.has(key)) return key;
  return key.split(' ').find((word) => known.has(word));
}

/** Each colour's key and its words: "Navy Blue" → {"navy blue", "navy", "blue"}. */
function colourKeys(colours: readonly string[]): Set<string> {
  return new Set(colours.flatMap((c) => [facetKey(c), ...facetKey(c).split(' ')]));
}

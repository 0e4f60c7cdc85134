/** An order for the results of a search, said by the shopper: "cheapest first", "top rated", "sort by price". */
export type ResultOrder = 'price-asc' | 'price-desc' | 'rating';

const ORDERS: readonly [ResultOrder, RegExp][] = [
  ['price-asc', /\b(?:cheapest|least expensive|lowest[- ]priced?|lowest prices?|lowest cost|most affordable|(?:price\s+)?low(?:est)? to high(?:est)?|sort(?:ed)? by price)\b/],
  ['price-desc', /\b(?:most expensive|priciest|highest[- ]priced?|highest prices?|(?:price\s+)?high(?:est)? to low(?:est)?)\b/],
  ['rating', /\b(?:top[- ]rated|best[- ]rated|highest[- ]rated|best[- ]reviewed|best reviews|highest ratings?|best ratings?|sort(?:ed)? by (?:rating|reviews?))\b/],
];

/**
 * The order a message asks for, and the message without the words that asked for it (so "top rated"
 * is not read as the category Tops, nor "cheapest" as a price cap). Undefined when it asks for none.
 */
export function readResultOrder(text: string): { order: ResultOrder; words: string; rest: string } | undefined {
  const lower = text.toLowerCase();
  for (const [order, pattern] of ORDERS) {
    const m = pattern.exec(lower);
    if (m) return { order, words: text.slice(m.index, m.index + m[0].length), rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim() };
  }
  return undefined;
}

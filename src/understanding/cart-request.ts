/** What a message asks of the cart beyond adding: seeing its total, taking a line out, emptying it. */
export type CartRequest = 'view' | 'remove' | 'clear';

const CART = String.raw`(?:cart|basket|bag|trolley)`;
/** "empty my cart", "clear the basket", "remove everything from my cart". */
const CLEAR = new RegExp(String.raw`\b(?:clear|empty|reset)\b.{0,12}\b${CART}\b|\b(?:remove|delete|take out)\s+(?:everything|all|all of (?:it|them)|it all)\b`);
/** "remove the second one", "take the lamp out", "delete that from my basket", "get rid of it". */
const REMOVE = /\b(?:remove|delete|take\s+(?:\w+\s+){0,3}(?:out|off)|get rid of|drop)\b/;
/** "how much is my total", "what's the cart total", "how much altogether". */
const TOTAL = new RegExp(String.raw`\b(?:my|the|${CART})\s+total\b|\btotal\s+(?:cost|price|comes? to)\b|\baltogether\b|\bin total\b`);

/**
 * The cart request a message makes, read from its verbs; undefined for none. "drop" and "remove"
 * only count with a cart word or a pointing word ("it", "the second one"), so "drop-leaf table"
 * and "stain remover" stay searches.
 */
export function readCartRequest(text: string): CartRequest | undefined {
  const t = text.toLowerCase().replace(/[’']/g, '');
  if (CLEAR.test(t)) return 'clear';
  const pointing = new RegExp(String.raw`\b${CART}\b|\b(?:it|that|this|those|these|them|one|ones|first|second|third|fourth|fifth|last)\b`).test(t);
  if (REMOVE.test(t) && pointing) return 'remove';
  if (TOTAL.test(t)) return 'view';
  return undefined;
}

/**
 * Numbers written as words, shared by every reader of them (prices, counts, durations, ordinals' counts),
 * so "twelve" means the same wherever a shopper writes it.
 */
export const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
export const TENS: Readonly<Record<string, number>> = {
  ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** A regex alternation of the words for `from`..`to` ("two|three|four"), longest first so none stops short. */
export function numberWordsPattern(from = 1, to = 12): string {
  return Object.entries(SMALL_NUMBERS)
    .filter(([, n]) => n >= from && n <= to)
    .map(([word]) => word)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/** The value of a number word or of digits; undefined for anything else. */
export function numberValue(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return SMALL_NUMBERS[token.toLowerCase()];
}

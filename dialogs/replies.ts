import type { Reply } from '../src/conversation/reply.ts';

/** Quick replies offered when the shopper may not know what to say next. */
export const STARTERS = ['Find a product', 'Track my order', 'Return policy', 'Talk to a person'];
export const COMPARE_FIRST_TWO = 'Compare the first two';
const AFTER_RESULTS = ['Show more', 'Cheaper', 'Only in stock', COMPARE_FIRST_TWO];

/** Quick replies after results, for `shown` products on screen: comparing needs two of them. */
export function afterResults(shown: number): string[] {
  return shown >= 2 ? AFTER_RESULTS : AFTER_RESULTS.filter((s) => s !== COMPARE_FIRST_TWO);
}

export function say(text: string, extra: Omit<Reply, 'text'> = {}): Reply {
  return { text, ...extra };
}

import type { Reply } from '../src/conversation/reply.ts';

/** Quick replies offered when the shopper may not know what to say next. */
export const STARTERS = ['Find a product', 'Track my order', 'Return policy', 'Talk to a person'];
export const AFTER_RESULTS = ['Show more', 'Cheaper', 'Only in stock', 'Compare the first two'];

export function say(text: string, extra: Omit<Reply, 'text'> = {}): Reply {
  return { text, ...extra };
}

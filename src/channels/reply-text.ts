import type { Reply } from '../conversation/reply.ts';

/**
 * The words every channel shows for a reply: its text, or, for a reply that only carries an action, what
 * happens ("Adding that to your cart."), since an empty message shows as a blank bubble or is refused.
 */
export function replyText(reply: Reply): string {
  if (reply.text) return reply.text;
  if (reply.actions?.some((a) => a.type === 'add_to_cart')) return 'Adding that to your cart.';
  if (reply.actions?.some((a) => a.type === 'remove_from_cart')) return 'Taking that out of your cart.';
  if (reply.handoff) return 'Passing you to a person from our team.';
  return '';
}

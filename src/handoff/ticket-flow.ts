import type { HandoffQueue, Ticket } from './handoff-queue.ts';
import { CANCEL_WAITING, EMAIL, WORDS } from './handoff-words.ts';
import type { Interception } from './shopper-desk.ts';

/**
 * Out of hours: the shopper writes a message and an e-mail address, in either order or in one go; once both are
 * in, the ticket is open for the team. "cancel" drops it.
 */
export function continueTicket(queue: HandoffQueue, draft: Ticket, text: string): Interception {
  const hold = (reply: string, after: () => Promise<void>): Interception => ({ replies: [{ text: reply }], hold: true, relayed: false, after });
  if (CANCEL_WAITING.test(text)) return hold(WORDS.ticketDropped, () => queue.updateTicket(draft.id, { status: 'closed' }));
  const email = EMAIL.exec(text)?.[0];
  const rest = email ? text.replace(email, '').replace(/^[\s,.:;-]*(?:my e-?mail(?: address)? is|e-?mail:?|it'?s)?[\s,.:;-]*$/i, '').trim() : text.trim();
  const said = rest.replace(/\s{2,}/g, ' ').replace(/[\s,;:-]+$/, ''); // "it broke, ann@example.com": the comma went with the address
  const message = said.length >= 3 ? [draft.message, said].filter(Boolean).join('\n') : draft.message;
  if (!email && !draft.email && draft.message && text.includes('@')) return hold(WORDS.badEmail, async () => {});
  const address = email ?? draft.email;
  const change = { message: message ?? undefined, email: address ?? undefined };
  if (message && address) return hold(WORDS.ticketSent(address), () => queue.updateTicket(draft.id, { ...change, status: 'open' }));
  return hold(address ? WORDS.askMessage : WORDS.askEmail, () => queue.updateTicket(draft.id, change));
}

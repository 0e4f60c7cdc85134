import { maskIdentifiers, MASKED_EMAIL, MASKED_ORDER } from '../understanding/identifiers.ts';
import type { Slots } from '../understanding/slots.ts';
import type { TurnCommit } from '../storage/conversation-store.ts';
import { MAX_MESSAGE_CHARS } from './turn.ts';

/** What the turn log keeps of a message that answered a request for proof (the e-mail or postcode on an order). */
export const MASKED_PROOF = '[proof]';

/** The most characters of a message, or of the replies, the turn log keeps; the rest is cut with a note. */
export const MAX_LOGGED_CHARS = MAX_MESSAGE_CHARS;

type LogEntry = TurnCommit['log'];

/**
 * The turn-log entry as stored: e-mail addresses and order numbers masked in the text, the replies and the
 * slots (the shopper gave them for one answer, not for the history), and over-long text cut to MAX_LOGGED_CHARS.
 * Masking comes first, so a cut cannot leave half an address unmasked.
 */
export function privateLogEntry(log: LogEntry): LogEntry {
  return {
    ...log,
    text: log.text === null ? null : capped(maskIdentifiers(log.text)),
    reply: capped(maskIdentifiers(log.reply)),
    slots: maskedSlots(log.slots),
  };
}

function capped(text: string): string {
  if (text.length <= MAX_LOGGED_CHARS) return text;
  return `${text.slice(0, MAX_LOGGED_CHARS)}… [cut: ${text.length} characters in all]`;
}

function maskedSlots(slots: Slots): Slots {
  const out = { ...slots };
  if (out.emails) out.emails = out.emails.map(() => MASKED_EMAIL);
  if (out.orderNumbers) out.orderNumbers = out.orderNumbers.map(() => MASKED_ORDER);
  return out;
}

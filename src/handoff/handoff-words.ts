// What shoppers are told about a handoff, in one place so every channel says the same.
import type { BusinessHours } from './business-hours.ts';

export const WORDS = {
  inLine: (position: number) => position <= 1
    ? 'You\'re next in line; I\'ll tell you as soon as someone joins. Say "cancel" to go back to the assistant.'
    : `You're number ${position} in line; I'll tell you as soon as someone joins. Say "cancel" to go back to the assistant.`,
  stillWaiting: (position: number | undefined) => `I've passed that on.${position ? ` You're number ${position} in line.` : ''} Say "cancel" to go back to the assistant.`,
  cancelled: 'OK, I\'ve taken you out of the line. I\'m the store\'s assistant again: what can I help you with?',
  joined: (name: string) => `${name} from our team has joined the chat.`,
  resolved: (name: string) => `${name} has closed this chat. I'm the store's assistant again: ask me anything, or say "talk to a person" to reach the team again.`,
  offline: (hours: BusinessHours) => `Our team isn't available right now (we answer ${hours.text}, ${hours.timeZone} time). ` +
    'Leave a message here with your e-mail address, and we\'ll write back. Say "cancel" to keep shopping with me.',
  nobodyOnline: 'Nobody from our team is online right now. Leave a message here with your e-mail address, and we\'ll write back. ' +
    'Say "cancel" to keep shopping with me.',
  nobodyNow: 'Nobody from our team is online at the moment: say "leave a message" to write to us instead, and we\'ll answer by e-mail.',
  writeInstead: 'Sure. Write your message here with your e-mail address, and we\'ll write back. Say "cancel" to keep shopping with me.',
  askEmail: 'Thanks, I\'ve noted that. What e-mail address should we answer you at?',
  askMessage: 'Thanks. And what would you like to tell our team?',
  badEmail: 'That doesn\'t look like an e-mail address. Please type it like name@example.com, or say "cancel".',
  ticketSent: (email: string) => `Thanks! Your message is with our team, and we'll answer you at ${email}. Anything else I can help with meanwhile?`,
  ticketDropped: 'OK, no message left. What can I help you with?',
};

/**
 * "cancel", "never mind", "forget it", "stop waiting", "start over": the shopper no longer wants to wait, also
 * after a word or two of hesitation ("no wait, never mind", "actually, cancel that").
 */
export const CANCEL_WAITING = /^\s*(?:(?:no|nah|ok|okay|actually|wait|um+|oh|hmm+|sorry|please)[\s,.!]+){0,3}(?:cancel|never\s*mind|nevermind|forget (?:it|that)|stop waiting|no thanks|start over|go back)\b/i;

/** "leave a message", "email me instead": a waiting shopper would rather write. */
export const LEAVE_MESSAGE = /\b(?:leave (?:a |you a )?message|e-?mail me|write (?:to )?(?:you|them) instead)\b/i;

export const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/i;

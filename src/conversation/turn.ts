import type { Logger } from '../logger.ts';
import type { Intent } from '../understanding/intents.ts';
import type { Slots } from '../understanding/slots.ts';
import type { Reply, TurnAction } from './reply.ts';

/** Maximum characters of one message; longer ones are refused with a clear reply, not truncated silently. */
export const MAX_MESSAGE_CHARS = 2000;

/** One thing the shopper did: typed text, or pressed a card button. */
export interface TurnInput {
  conversation: string;
  user: string;
  /** Channel name for the log and rendering choices: 'cli', 'msteams', 'webchat', … */
  channel?: string;
  text?: string;
  action?: TurnAction;
  /** The shopper's address, when the front door passes it: order verification failures are limited per address too. */
  ip?: string;
}

/** What the engine answers for one turn; `aisle chat --jsonl` prints this shape. */
export interface TurnResult {
  conversation: string;
  replies: Reply[];
  /** The recognised intent, or 'not_sure' when confidence was too low to act on. */
  intent: Intent | 'not_sure';
  /** Calibrated probability of `intent`, 0–1 (1 for a button press). */
  confidence: number;
  slots: Slots;
  handoff: boolean;
  /** The message went to the person who has the conversation, not to the bot. */
  relayed?: boolean;
}

/** How a channel runs one turn. */
export interface TurnOptions {
  /** The request's logger (with its request id); the turn logs through a child of it, adding a turn id. */
  log?: Logger;
}

/** The conversation engine: everything a channel needs. */
export interface ConversationEngine {
  /**
   * Serialised per conversation: concurrent calls for one conversation run one after another. A turn that
   * cannot have its conversation in time (another turn still running) is answered "still working on it".
   */
  handle(turn: TurnInput, options?: TurnOptions): Promise<TurnResult>;
  close(): Promise<void>;
}

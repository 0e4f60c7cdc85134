import type { TurnLogEntry } from '../storage/conversation-store.ts';
import { SUPPORT_INTENTS, type Intent } from '../understanding/intents.ts';

/** Why a question counts as unanswered (see README.md, "Unanswered questions"). */
export type UnansweredWhy = 'no_answer' | 'not_understood' | 'answer_rejected';

/** A shopper's question the bot could not answer, as the turn log kept it (masked). */
export interface UnansweredQuestion {
  text: string;
  conversation: string;
  seq: number;
  at: string;
  intent: string;
  why: UnansweredWhy;
}

/** Starts a question even without its "?": "how long does shipping take". */
const QUESTION_START = /^(?:what|whats|what's|how|hows|how's|when|where|wheres|where's|why|who|which|can|could|do|does|did|is|are|was|were|will|would|should|may|might|have|has|any)\b/i;

/** A message shaped like a question: it has a "?" or starts like one. */
export function isQuestionShaped(text: string): boolean {
  return text.includes('?') || QUESTION_START.test(text.trim());
}

/**
 * Why this typed turn went unanswered, or undefined. `no_answer`: a customer-service topic (or a question the model
 * could not place) met "a person can help" with no help answer and no products; `not_understood`: a question read as
 * unclear or off-topic that got neither an answer nor products. Turns while a person has the conversation never count.
 */
export function unansweredWhy(turn: TurnLogEntry): UnansweredWhy | undefined {
  if (turn.text === null || turn.action !== null) return undefined;
  const outcome = turn.outcome ?? {};
  if (outcome.answer || outcome.handoff || turn.shown.length > 0) return undefined;
  const unclear = turn.intent === 'not_sure' || turn.intent === 'out_of_scope';
  const question = isQuestionShaped(turn.text);
  if (outcome.offeredPerson && (SUPPORT_INTENTS.includes(turn.intent as Intent) || (unclear && question))) return 'no_answer';
  return unclear && question ? 'not_understood' : undefined;
}

/** A thumbs press as the turn log keeps it in `action`. */
export function feedbackOf(turn: TurnLogEntry): { answer: string; helpful: boolean } | undefined {
  const a = turn.action as { type?: unknown; answer?: unknown; helpful?: unknown } | null;
  if (a?.type !== 'feedback' || typeof a.answer !== 'string' || typeof a.helpful !== 'boolean') return undefined;
  return { answer: a.answer, helpful: a.helpful };
}

/** As an UnansweredQuestion. */
export function questionOf(turn: TurnLogEntry, why: UnansweredWhy): UnansweredQuestion {
  return { text: turn.text ?? '', conversation: turn.conversation, seq: turn.seq, at: turn.at, intent: turn.intent, why };
}

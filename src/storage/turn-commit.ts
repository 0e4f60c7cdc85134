/** What both conversation stores share about writing a turn: the serialised rows and the retry policy. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnCommit } from './conversation-store.ts';
import { AppError } from '../errors.ts';

/** Attempts at one turn before giving up when other writers keep committing first. */
export const MAX_TURN_ATTEMPTS = 5;

/** Returned by an attempt that found another writer had committed since it read. */
export const CONFLICT = Symbol('conflict');

/** A turn's writes, serialised to JSON text before any database work, so a bad value writes nothing. */
export interface PreparedTurn {
  /** ISO time of the turn; also the conversation's and profile's updated_at. */
  at: string;
  state: string;
  text: string | null;
  action: string | null;
  intent: string;
  confidence: number;
  slots: string;
  shown: string;
  reply: string;
  /** JSON of the turn's outcome; null when the caller gave none. */
  outcome: string | null;
  profile: string;
}

export function prepareTurn(user: string, commit: TurnCommit): PreparedTurn {
  if (commit.profile.user !== user) {
    // Writing it under `user` would hand one shopper's history to another.
    throw new AppError('INTERNAL', `A turn for user "${user}" tried to save the profile of "${commit.profile.user}".`);
  }
  const { log } = commit;
  return {
    at: new Date().toISOString(),
    state: JSON.stringify(commit.state ?? null),
    text: log.text ?? null,
    action: log.action == null ? null : JSON.stringify(log.action),
    intent: log.intent,
    confidence: log.confidence,
    slots: JSON.stringify(log.slots ?? {}),
    shown: JSON.stringify(log.shown ?? []),
    reply: log.reply,
    outcome: log.outcome ? JSON.stringify(log.outcome) : null,
    profile: JSON.stringify(commit.profile),
  };
}

/**
 * Runs `attempt` until it does not return CONFLICT, waiting a growing, jittered moment in between so that two
 * writers that collided do not collide again in lockstep; AppError UNAVAILABLE after MAX_TURN_ATTEMPTS.
 */
export async function retryOnConflict<T>(conversation: string, attempt: (n: number) => Promise<T | typeof CONFLICT>): Promise<T> {
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome !== CONFLICT) return outcome;
    if (n >= MAX_TURN_ATTEMPTS) break;
    await sleep(Math.round(n * (5 + Math.random() * 20)));
  }
  throw new AppError('UNAVAILABLE',
    `Conversation "${conversation}" (or its shopper's profile) was changed by another writer ${MAX_TURN_ATTEMPTS} times while this turn ran. Send the message again.`);
}

/** A turn that waited `waitedMs` for its conversation while another turn held it: nothing was written. */
export function busy(conversation: string, waitedMs: number, cause?: unknown): AppError {
  return new AppError('BUSY', `Conversation "${conversation}" is still busy with another turn after ${waitedMs} ms; send the message again in a moment.`, { cause });
}

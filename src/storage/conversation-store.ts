import type { Intent } from '../understanding/intents.ts';
import type { Slots } from '../understanding/slots.ts';

/** A conversation's dialog state as stored: opaque JSON to the store, typed by dialogs/. */
export interface StoredConversation {
  id: string;
  user: string;
  channel: string;
  /** Dialog state, JSON-serialisable. */
  state: unknown;
  /** Increments with every saved turn; used to detect a concurrent writer. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What one shopper did over time; the ranking issue reads it. JSON-serialisable. */
export interface UserProfile {
  user: string;
  /** Product ids opened (details), newest first, capped. */
  viewed: string[];
  /** Product ids added to cart, newest first, capped. */
  carted: string[];
  /** Turns taken across all conversations. */
  turns: number;
  updatedAt: string;
}

/** One logged turn: what was said, understood and shown. */
export interface TurnLogEntry {
  conversation: string;
  user: string;
  /** Position within the conversation, from 1. */
  seq: number;
  at: string;
  text: string | null;
  action: unknown | null;
  intent: Intent | 'not_sure';
  confidence: number;
  slots: Slots;
  /** Ids of the products shown in the replies, in order. */
  shown: string[];
  /** The replies' texts, joined, for an agent reading the history. */
  reply: string;
  /** What the turn's replies did, for reports (src/analytics); absent on turns logged before it was recorded. */
  outcome?: TurnOutcome;
}

/** A turn's result in structured form: what `aisle report` counts, so it never parses reply text. */
export interface TurnOutcome {
  /** The replies passed the conversation to a person, for this reason (Handoff['reason']). */
  handoff?: string;
  /** A reply offered a person (the chip) without handing over yet. */
  offeredPerson?: boolean;
  /** A help-centre answer that takes thumbs: its `feedback.answer` (passage ids) and the cited article URLs. */
  answer?: { id: string; citations: string[] };
  /**
   * The product search whose results the turn showed: its words (masked), how many products came back, and
   * `alternatives` when nothing matched all it asked (a facet dropped, a kind or thing the store does not sell).
   */
  search?: { text: string; results: number; alternatives?: boolean };
}

/** One page of `scanTurns`: pass `next` back for the following page; absent on the last. */
export interface TurnPage {
  turns: TurnLogEntry[];
  next?: string;
}

/** Turns `scanTurns` returns per page by default, and at most. */
export const DEFAULT_TURN_PAGE = 1000;
export const MAX_TURN_PAGE = 10_000;

/** What a turn writes back, all at once. */
export interface TurnCommit {
  state: unknown;
  log: Omit<TurnLogEntry, 'seq' | 'at' | 'conversation' | 'user'>;
  profile: UserProfile;
}

/** What `forgetUser` deleted. */
export interface ForgetReport {
  profiles: number;
  conversations: number;
  /** Turn-log rows: the shopper's own, and every turn of the conversations deleted with them. */
  turns: number;
}

/** What `mergeUser` moved. */
export interface MergeReport {
  /** 1 when `from` had a profile (folded into `to`'s and deleted), else 0. */
  profiles: number;
  conversations: number;
  turns: number;
}

/** Entries a profile's `viewed` and `carted` lists keep, newest first. */
export const PROFILE_CAP = 50;

/** How long a turn waits for its conversation by default (ms) before giving up with BUSY. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5000;

/**
 * Conversation state, profiles and the turn log. `runTurn` serialises the turns of a conversation
 * (across processes too: PostgreSQL locks, SQLite reruns a turn that lost a race, so `turn` must
 * be safe to run again) and writes state, log and profile in one transaction. A turn that cannot
 * have its conversation within the store's lock timeout rejects with AppError BUSY, having written nothing.
 */
export interface ConversationStore {
  runTurn<T>(
    key: { conversation: string; user: string; channel: string },
    turn: (current: { conversation?: StoredConversation; profile: UserProfile }) => Promise<{ commit: TurnCommit; result: T }>,
  ): Promise<T>;
  conversation(id: string): Promise<StoredConversation | undefined>;
  profile(user: string): Promise<UserProfile | undefined>;
  /** The conversation's turns in order, oldest first; `limit` keeps the newest ones. */
  turns(conversation: string, limit?: number): Promise<TurnLogEntry[]>;
  /**
   * Logged turns of every conversation with `from` <= at < `to`, in time order (then conversation, seq), a page at a
   * time: reports read the whole log this way without holding it all. A cursor that is not one of `next`'s is BAD_INPUT.
   */
  scanTurns(range: { from?: Date; to?: Date }, page?: { after?: string; size?: number }): Promise<TurnPage>;
  /** Deletes the shopper's profile, the conversations last written by them, and all those turns plus their own. */
  forgetUser(user: string): Promise<ForgetReport>;
  /**
   * Sign-in: folds `from`'s profile into `to`'s (see mergeProfiles) and deletes it, and makes `from`'s conversations
   * and logged turns `to`'s, in one transaction; afterwards `from` maps to nothing. Running it again moves nothing.
   */
  mergeUser(from: string, to: string): Promise<MergeReport>;
  /** Deletes turn-log rows logged before `before` (conversation state and profiles stay); returns how many. */
  purgeTurns(before: Date): Promise<number>;
  /** Resolves when the database answers a trivial query; AppError UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function emptyProfile(user: string): UserProfile {
  return { user, viewed: [], carted: [], turns: 0, updatedAt: new Date(0).toISOString() };
}

/**
 * One profile from two: `to`'s identity, the lists of the more recently updated profile first (then the other's,
 * without repeats, up to PROFILE_CAP), turns added.
 */
export function mergeProfiles(from: UserProfile, to: UserProfile | undefined, user: string): UserProfile {
  const into = to ?? emptyProfile(user);
  const [newer, older] = from.updatedAt > into.updatedAt ? [from, into] : [into, from];
  const join = (a: string[], b: string[]) => [...new Set([...a, ...b])].slice(0, PROFILE_CAP);
  return {
    user, viewed: join(newer.viewed, older.viewed), carted: join(newer.carted, older.carted),
    turns: from.turns + into.turns, updatedAt: newer.updatedAt,
  };
}

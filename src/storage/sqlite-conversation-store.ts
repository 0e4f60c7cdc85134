import type Database from 'better-sqlite3';
import {
  DEFAULT_LOCK_TIMEOUT_MS, emptyProfile, mergeProfiles, type ConversationStore, type ForgetReport, type MergeReport, type StoredConversation,
  type TurnLogEntry, type UserProfile,
} from './conversation-store.ts';
import { AppError } from '../errors.ts';
import { createKeyedMutex } from './keyed-mutex.ts';
import { busy, CONFLICT, prepareTurn, retryOnConflict, type PreparedTurn } from './turn-commit.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { nextCursor, pageSize, readCursor } from './turn-scan.ts';

/**
 * Kept in conversation_meta, not `user_version`: the catalog owns that, and `sqlite:PATH` may name one file for both.
 * 2: turns.outcome (what a turn's replies did, for reports) and an index on turns.at (scans by time).
 */
const SCHEMA_VERSION = 2;

const TABLES = `
  CREATE TABLE conversation_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
  CREATE TABLE conversations (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL, channel TEXT NOT NULL,
    state TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
  CREATE TABLE turns (conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
    user TEXT NOT NULL, at TEXT NOT NULL, text TEXT, action TEXT, intent TEXT NOT NULL, confidence REAL NOT NULL,
    slots TEXT NOT NULL, shown TEXT NOT NULL, reply TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
  CREATE TABLE profiles (user TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
  INSERT INTO conversation_meta (key, value) VALUES ('schema_version', '1');
`;
const TO_VERSION_2 = `
  ALTER TABLE turns ADD COLUMN outcome TEXT;
  CREATE INDEX turns_at ON turns (at, conversation, seq);
  UPDATE conversation_meta SET value = '2' WHERE key = 'schema_version';
`;

type Key = { conversation: string; user: string; channel: string };
type ConversationRow = { id: string; user: string; channel: string; state: string; version: number; created_at: string; updated_at: string };
type TurnRow = Omit<TurnLogEntry, 'action' | 'slots' | 'shown' | 'outcome'> & { action: string | null; slots: string; shown: string; outcome: string | null };
type ProfileRow = { data: string; version: number };

/**
 * Opens (creating if needed) the conversation tables in the SQLite file at `path`; AppError UNAVAILABLE when it cannot.
 * `lockTimeoutMs` bounds how long a turn queues behind another turn of its conversation in this process.
 */
export async function openSqliteConversationStore(path: string, options: { lockTimeoutMs?: number } = {}): Promise<ConversationStore> {
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    return createStore(db, path, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
  } catch (err) {
    db?.close();
    if (err instanceof AppError) throw err;
    throw new AppError('UNAVAILABLE', `Cannot open the SQLite conversation store at ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const installed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversation_meta'`).get();
    if (!installed) db.exec(TABLES);
    const found = Number(db.prepare(`SELECT value FROM conversation_meta WHERE key = 'schema_version'`).pluck().get());
    if (found < 2) db.exec(TO_VERSION_2);
    if (found > SCHEMA_VERSION) {
      throw new AppError('ARTIFACT_MISMATCH',
        `The SQLite conversation store at ${path} has schema ${found}, newer than this Aisle understands (${SCHEMA_VERSION}). Upgrade Aisle or use another --db.`);
    }
  }).immediate(); // two processes opening a fresh file at once: the second waits, then sees the tables
}

function prepareStatements(db: Database.Database) {
  return {
    conversation: db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?'),
    profile: db.prepare<[string], ProfileRow>('SELECT data, version FROM profiles WHERE user = ?'),
    conversationVersion: db.prepare<[string], number>('SELECT version FROM conversations WHERE id = ?').pluck(),
    profileVersion: db.prepare<[string], number>('SELECT version FROM profiles WHERE user = ?').pluck(),
    saveConversation: db.prepare<[Key & { state: string; version: number; at: string }]>(
      `INSERT INTO conversations (id, user, channel, state, version, created_at, updated_at)
       VALUES (@conversation, @user, @channel, @state, @version, @at, @at)
       ON CONFLICT (id) DO UPDATE SET user = excluded.user, channel = excluded.channel, state = excluded.state,
         version = excluded.version, updated_at = excluded.updated_at`),
    logTurn: db.prepare<[Key & PreparedTurn]>(
      `INSERT INTO turns (conversation, seq, user, at, text, action, intent, confidence, slots, shown, reply, outcome)
       VALUES (@conversation, (SELECT coalesce(max(seq), 0) + 1 FROM turns WHERE conversation = @conversation),
         @user, @at, @text, @action, @intent, @confidence, @slots, @shown, @reply, @outcome)`),
    saveProfile: db.prepare<[string, string, number, string]>(
      `INSERT INTO profiles (user, data, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`),
    // The newest `limit` turns (-1: all), put back in order.
    turns: db.prepare<[string, number], TurnRow>(
      'SELECT * FROM (SELECT * FROM turns WHERE conversation = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq'),
    // `at` is toISOString() text, so text order is time order; row values compare in the ORDER BY's order.
    scanTurns: db.prepare<[string, string, string, string, number, number], TurnRow>(
      `SELECT * FROM turns WHERE at >= ? AND at < ? AND (at, conversation, seq) > (?, ?, ?)
       ORDER BY at, conversation, seq LIMIT ?`),
    forgetTurns: db.prepare<[{ user: string }]>('DELETE FROM turns WHERE user = @user OR conversation IN (SELECT id FROM conversations WHERE user = @user)'),
    forgetConversations: db.prepare<[string]>('DELETE FROM conversations WHERE user = ?'),
    forgetProfile: db.prepare<[string]>('DELETE FROM profiles WHERE user = ?'),
    moveConversations: db.prepare<[string, string]>('UPDATE conversations SET user = ? WHERE user = ?'),
    moveTurns: db.prepare<[string, string]>('UPDATE turns SET user = ? WHERE user = ?'),
    // `at` is always toISOString() output, so text order is time order.
    purgeTurns: db.prepare<[string]>('DELETE FROM turns WHERE at < ?'),
    ping: db.prepare('SELECT 1').pluck(),
  };
}

function createStore(db: Database.Database, path: string, lockTimeoutMs: number): ConversationStore {
  const sql = prepareStatements(db);
  const locks = createKeyedMutex();
  let closed = false;
  const live = () => {
    if (closed) throw new AppError('UNAVAILABLE', `The SQLite conversation store at ${path} is closed.`);
    return sql;
  };

  const read = db.transaction((key: Key) => {
    const row = sql.conversation.get(key.conversation);
    const profile = sql.profile.get(key.user);
    return { conversation: row && toConversation(row), profile: profile && { data: JSON.parse(profile.data) as UserProfile, version: profile.version } };
  });

  /** Writes the turn unless someone else wrote the conversation or profile since they were read at these versions. */
  const commit = db.transaction((key: Key, turn: PreparedTurn, seen: { conversation: number; profile: number }): boolean => {
    if ((sql.conversationVersion.get(key.conversation) ?? 0) !== seen.conversation) return false;
    if ((sql.profileVersion.get(key.user) ?? 0) !== seen.profile) return false;
    sql.saveConversation.run({ ...key, state: turn.state, version: seen.conversation + 1, at: turn.at });
    sql.logTurn.run({ ...key, ...turn });
    sql.saveProfile.run(key.user, turn.profile, seen.profile + 1, turn.at);
    return true;
  });

  const forget = db.transaction((user: string): ForgetReport => {
    const turns = sql.forgetTurns.run({ user }).changes;
    const conversations = sql.forgetConversations.run(user).changes;
    return { profiles: sql.forgetProfile.run(user).changes, conversations, turns };
  });

  // A turn of either shopper running meanwhile finds its profile's version changed at commit and reruns on the merged state.
  const merge = db.transaction((from: string, to: string): MergeReport => {
    if (from === to) return { profiles: 0, conversations: 0, turns: 0 };
    const gone = sql.profile.get(from);
    if (gone) {
      const kept = sql.profile.get(to);
      const merged = mergeProfiles(JSON.parse(gone.data) as UserProfile, kept && (JSON.parse(kept.data) as UserProfile), to);
      sql.saveProfile.run(to, JSON.stringify(merged), (kept?.version ?? 0) + 1, new Date().toISOString());
      sql.forgetProfile.run(from);
    }
    const conversations = sql.moveConversations.run(to, from).changes;
    return { profiles: gone ? 1 : 0, conversations, turns: sql.moveTurns.run(to, from).changes };
  });

  return {
    // The mutex serialises turns in this process; the version check in `commit` catches other processes,
    // whose turn then reruns on the fresh state.
    runTurn: async (key, turn) => {
      live();
      return locks.run(key.conversation, () => retryOnConflict(key.conversation, async () => {
        const current = read(key);
        const { commit: written, result } = await turn({ conversation: current.conversation, profile: current.profile?.data ?? emptyProfile(key.user) });
        const prepared = prepareTurn(key.user, written);
        const seen = { conversation: current.conversation?.version ?? 0, profile: current.profile?.version ?? 0 };
        // IMMEDIATE takes the write lock before the version check, so no other connection can slip in between.
        return saving(path, () => commit.immediate(key, prepared, seen)) ? result : CONFLICT;
      }), { ms: lockTimeoutMs, error: () => busy(key.conversation, lockTimeoutMs) });
    },
    conversation: async (id) => {
      const row = live().conversation.get(id);
      return row && toConversation(row);
    },
    profile: async (user) => {
      const row = live().profile.get(user);
      return row && (JSON.parse(row.data) as UserProfile);
    },
    turns: async (conversation, limit) => live().turns.all(conversation, limit === undefined ? -1 : Math.max(0, Math.floor(limit))).map(toEntry),
    scanTurns: async (range, page = {}) => {
      const size = pageSize(page.size);
      const after = readCursor(page.after);
      const turns = live().scanTurns.all(range.from?.toISOString() ?? '', range.to?.toISOString() ?? '~', ...after, size).map(toEntry);
      const next = nextCursor(turns, size);
      return { turns, ...(next ? { next } : {}) };
    },
    forgetUser: async (user) => {
      live();
      return saving(path, () => forget.immediate(user), 'delete the shopper from');
    },
    mergeUser: async (from, to) => {
      live();
      return saving(path, () => merge.immediate(from, to), 'merge shoppers in');
    },
    purgeTurns: async (before) => saving(path, () => live().purgeTurns.run(before.toISOString()).changes, 'purge old turns from'),
    ping: async () => {
      saving(path, () => live().ping.get(), 'read');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await locks.idle(); // turns already started finish and save first
      db.close();
    },
  };
}

/** Runs a statement; SQLite's own errors become UNAVAILABLE saying what could not be done (`task`). */
function saving<T>(path: string, write: () => T, task = 'save the turn to'): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof AppError || !String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw err;
    throw new AppError('UNAVAILABLE', `Cannot ${task} the SQLite conversation store at ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    id: row.id, user: row.user, channel: row.channel, state: JSON.parse(row.state), version: row.version,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toEntry(row: TurnRow): TurnLogEntry {
  return {
    conversation: row.conversation, user: row.user, seq: row.seq, at: row.at, text: row.text,
    action: row.action === null ? null : JSON.parse(row.action), intent: row.intent, confidence: row.confidence,
    slots: JSON.parse(row.slots), shown: JSON.parse(row.shown), reply: row.reply,
    ...(row.outcome === null ? {} : { outcome: JSON.parse(row.outcome) }),
  };
}

import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';
import type { WidgetEntry, WidgetLog } from './widget-log.ts';

// Its own tables beside the conversation tables (same file); created when missing.
const ENTRIES = `
  CREATE TABLE IF NOT EXISTS widget_entries (conversation TEXT NOT NULL, seq INTEGER NOT NULL, user TEXT NOT NULL,
    role TEXT NOT NULL, client_id TEXT, body TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
  CREATE UNIQUE INDEX IF NOT EXISTS widget_entries_client ON widget_entries (conversation, client_id) WHERE client_id IS NOT NULL;
  CREATE INDEX IF NOT EXISTS widget_entries_user ON widget_entries (user);`;
// One row per conversation: its owner (null once forgotten) and the highest seq handed out, which outlives the entries.
// A log written before this table existed gets it filled from its entries, once.
const CONVERSATIONS = `
  CREATE TABLE widget_conversations (conversation TEXT PRIMARY KEY NOT NULL, user TEXT, last_seq INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX widget_conversations_user ON widget_conversations (user);
  INSERT INTO widget_conversations (conversation, user, last_seq)
    SELECT conversation, (SELECT f.user FROM widget_entries f WHERE f.conversation = e.conversation ORDER BY f.seq LIMIT 1), max(seq)
    FROM widget_entries e GROUP BY conversation;`;

type Row = { seq: number; role: 'shopper' | 'aisle'; client_id: string | null; body: string; at: string };

/** The widget log in the SQLite file at `path` (the conversations' file); UNAVAILABLE when it cannot be opened. */
export function openSqliteWidgetLog(path: string): WidgetLog {
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    migrate(db);
    return createLog(db);
  } catch (err) {
    db?.close();
    throw new AppError('UNAVAILABLE', `Cannot open the widget log in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(ENTRIES);
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'widget_conversations'`).get()) db.exec(CONVERSATIONS);
  }).immediate(); // two processes opening one file at once: the second waits, then finds the tables
}

function prepareStatements(db: Database.Database) {
  return {
    byClient: db.prepare<[string, string], Row>('SELECT seq, role, client_id, body, at FROM widget_entries WHERE conversation = ? AND client_id = ?'),
    next: db.prepare<[string, string], number>(`INSERT INTO widget_conversations (conversation, user, last_seq) VALUES (?, ?, 1)
      ON CONFLICT (conversation) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`).pluck(),
    insert: db.prepare('INSERT INTO widget_entries (conversation, seq, user, role, client_id, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    after: db.prepare<[string, number, number], Row>(
      'SELECT * FROM (SELECT seq, role, client_id, body, at FROM widget_entries WHERE conversation = ? AND seq > ? ORDER BY seq DESC LIMIT ?) ORDER BY seq'),
    forgetEntries: db.prepare<[{ user: string }]>(
      'DELETE FROM widget_entries WHERE user = @user OR conversation IN (SELECT conversation FROM widget_conversations WHERE user = @user)'),
    unlink: db.prepare<[string]>('UPDATE widget_conversations SET user = NULL WHERE user = ?'),
    purge: db.prepare<[string]>('DELETE FROM widget_entries WHERE at < ?'),
    owner: db.prepare<[string], { user: string | null }>('SELECT user FROM widget_conversations WHERE conversation = ?'),
    moveEntries: db.prepare<[string, string]>('UPDATE widget_entries SET user = ? WHERE user = ?'),
    moveConversations: db.prepare<[string, string]>('UPDATE widget_conversations SET user = ? WHERE user = ?'),
  };
}

function createLog(db: Database.Database): WidgetLog {
  const sql = prepareStatements(db);
  const append = (conversation: string, user: string, role: WidgetEntry['role'], clientId: string | null, body: unknown): WidgetEntry => {
    const entry: WidgetEntry = { seq: sql.next.get(conversation, user)!, role, body, at: new Date().toISOString(), ...(clientId ? { clientId } : {}) };
    sql.insert.run(conversation, entry.seq, user, role, clientId, JSON.stringify(body), entry.at);
    return entry;
  };
  // IMMEDIATE: the write lock is taken before the client id is looked up, so two processes never log one message twice.
  const logMessage = db.transaction((conversation: string, user: string, clientId: string, body: unknown) => {
    const seen = sql.byClient.get(conversation, clientId);
    return seen ? { entry: toEntry(seen), fresh: false } : { entry: append(conversation, user, 'shopper', clientId, body), fresh: true };
  });
  const logReplies = db.transaction((conversation: string, user: string, bodies: readonly unknown[]) =>
    bodies.map((body) => append(conversation, user, 'aisle', null, body)));
  const forget = db.transaction((user: string) => {
    const deleted = sql.forgetEntries.run({ user }).changes;
    sql.unlink.run(user);
    return deleted;
  });
  const merge = db.transaction((from: string, to: string) => {
    sql.moveEntries.run(to, from);
    return sql.moveConversations.run(to, from).changes;
  });
  return {
    logMessage: async (conversation, user, clientId, body) => logMessage.immediate(conversation, user, clientId, body),
    logReplies: async (conversation, user, bodies) => logReplies.immediate(conversation, user, bodies),
    after: async (conversation, after, limit) => sql.after.all(conversation, after, limit).map(toEntry),
    owner: async (conversation) => sql.owner.get(conversation)?.user,
    forgetUser: async (user) => forget.immediate(user),
    purgeBefore: async (before) => sql.purge.run(before.toISOString()).changes,
    mergeUser: async (from, to) => merge.immediate(from, to),
    close: async () => { db.close(); },
  };
}

function toEntry(row: Row): WidgetEntry {
  return { seq: row.seq, role: row.role, body: JSON.parse(row.body), at: row.at, ...(row.client_id ? { clientId: row.client_id } : {}) };
}

import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';
import type { WidgetEntry, WidgetLog } from './widget-log.ts';

// Its own table beside the conversation tables (same file); created when missing.
const TABLE = `
  CREATE TABLE IF NOT EXISTS widget_entries (conversation TEXT NOT NULL, seq INTEGER NOT NULL, user TEXT NOT NULL,
    role TEXT NOT NULL, client_id TEXT, body TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
  CREATE UNIQUE INDEX IF NOT EXISTS widget_entries_client ON widget_entries (conversation, client_id) WHERE client_id IS NOT NULL;`;

type Row = { seq: number; role: 'shopper' | 'aisle'; client_id: string | null; body: string; at: string };

/** The widget log in the SQLite file at `path` (the conversations' file); UNAVAILABLE when it cannot be opened. */
export function openSqliteWidgetLog(path: string): WidgetLog {
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    db.exec(TABLE);
    return createLog(db);
  } catch (err) {
    db?.close();
    throw new AppError('UNAVAILABLE', `Cannot open the widget log in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function createLog(db: Database.Database): WidgetLog {
  const sql = {
    byClient: db.prepare<[string, string], Row>('SELECT seq, role, client_id, body, at FROM widget_entries WHERE conversation = ? AND client_id = ?'),
    next: db.prepare<[string], number>('SELECT coalesce(max(seq), 0) + 1 FROM widget_entries WHERE conversation = ?').pluck(),
    insert: db.prepare('INSERT INTO widget_entries (conversation, seq, user, role, client_id, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    after: db.prepare<[string, number, number], Row>(
      'SELECT * FROM (SELECT seq, role, client_id, body, at FROM widget_entries WHERE conversation = ? AND seq > ? ORDER BY seq DESC LIMIT ?) ORDER BY seq'),
    forget: db.prepare<[string]>('DELETE FROM widget_entries WHERE user = ?'),
    purge: db.prepare<[string]>('DELETE FROM widget_entries WHERE at < ?'),
    owner: db.prepare<[string], string>('SELECT user FROM widget_entries WHERE conversation = ? ORDER BY seq LIMIT 1').pluck(),
  };
  const append = (conversation: string, user: string, role: WidgetEntry['role'], clientId: string | null, body: unknown): WidgetEntry => {
    const entry: WidgetEntry = { seq: sql.next.get(conversation)!, role, body, at: new Date().toISOString(), ...(clientId ? { clientId } : {}) };
    sql.insert.run(conversation, entry.seq, user, role, clientId, JSON.stringify(body), entry.at);
    return entry;
  };
  // IMMEDIATE: the write lock is taken before max(seq) is read, so two processes never pick one number.
  const logMessage = db.transaction((conversation: string, user: string, clientId: string, body: unknown) => {
    const seen = sql.byClient.get(conversation, clientId);
    return seen ? { entry: toEntry(seen), fresh: false } : { entry: append(conversation, user, 'shopper', clientId, body), fresh: true };
  });
  const logReplies = db.transaction((conversation: string, user: string, bodies: readonly unknown[]) =>
    bodies.map((body) => append(conversation, user, 'aisle', null, body)));
  return {
    logMessage: async (conversation, user, clientId, body) => logMessage.immediate(conversation, user, clientId, body),
    logReplies: async (conversation, user, bodies) => logReplies.immediate(conversation, user, bodies),
    after: async (conversation, after, limit) => sql.after.all(conversation, after, limit).map(toEntry),
    owner: async (conversation) => sql.owner.get(conversation),
    forgetUser: async (user) => sql.forget.run(user).changes,
    purgeBefore: async (before) => sql.purge.run(before.toISOString()).changes,
    close: async () => { db.close(); },
  };
}

function toEntry(row: Row): WidgetEntry {
  return { seq: row.seq, role: row.role, body: JSON.parse(row.body), at: row.at, ...(row.client_id ? { clientId: row.client_id } : {}) };
}

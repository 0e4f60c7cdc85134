import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { checkEvents, type EventLog } from './event-log.ts';
import { EVENT_COLUMNS, eventQuery, eventScanQuery, eventValues, nextEventCursor, scanPageSize, toEvent, type EventRow } from './event-sql.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';

// Beside the conversation tables (same file); created when missing. `at` is toISOString() text, so text order is time order.
const TABLE = `
  CREATE TABLE IF NOT EXISTS behaviour_events (id INTEGER PRIMARY KEY, user TEXT NOT NULL, product TEXT NOT NULL, kind TEXT NOT NULL,
    query TEXT, position INTEGER, channel TEXT NOT NULL, conversation TEXT, key TEXT, at TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS behaviour_events_user ON behaviour_events (user, at);
  CREATE INDEX IF NOT EXISTS behaviour_events_at ON behaviour_events (at);
  CREATE INDEX IF NOT EXISTS behaviour_events_conversation ON behaviour_events (conversation, product) WHERE conversation IS NOT NULL;
  CREATE UNIQUE INDEX IF NOT EXISTS behaviour_events_key ON behaviour_events (conversation, key) WHERE key IS NOT NULL;`;

/** The event log in the SQLite file at `path` (the conversations' file); UNAVAILABLE when it cannot be opened. */
export function openSqliteEventLog(path: string): EventLog {
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    db.exec(TABLE);
    return createLog(db, path);
  } catch (err) {
    db?.close();
    throw new AppError('UNAVAILABLE', `Cannot open the event log in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function createLog(db: Database.Database, path: string): EventLog {
  const columns = EVENT_COLUMNS.join(', ');
  const sql = {
    // OR IGNORE: only the key index can refuse a row, and a repeated key is a report sent again.
    insert: db.prepare(`INSERT OR IGNORE INTO behaviour_events (${columns}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`),
    merge: db.prepare<[string, string]>('UPDATE behaviour_events SET user = ? WHERE user = ?'),
    forget: db.prepare<[string]>('DELETE FROM behaviour_events WHERE user = ?'),
    purge: db.prepare<[string]>('DELETE FROM behaviour_events WHERE at < ?'),
  };
  const reads = new Map<string, Database.Statement<unknown[], EventRow>>();
  const append = db.transaction((rows: unknown[][]) => rows.reduce<number>((n, row) => n + sql.insert.run(...row).changes, 0));
  const run = <T>(task: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('UNAVAILABLE', `Cannot ${task} the event log in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
    }
  };
  return {
    append: async (events) => {
      const rows = checkEvents(events).map(eventValues);
      return run('write to', () => append.immediate(rows));
    },
    read: async (filter) => run('read', () => {
      const { sql: tail, values } = eventQuery(filter, () => '?', (d) => d.toISOString());
      let statement = reads.get(tail);
      if (!statement) reads.set(tail, statement = db.prepare<unknown[], EventRow>(`SELECT id, ${columns} FROM behaviour_events ${tail}`));
      return statement.all(...values).map(toEvent);
    }),
    scan: async (range, page = {}) => run('read', () => {
      const size = scanPageSize(page.size);
      const { sql: tail, values } = eventScanQuery(range, page.after, size, () => '?', (d) => d.toISOString());
      let statement = reads.get(tail);
      if (!statement) reads.set(tail, statement = db.prepare<unknown[], EventRow>(`SELECT id, ${columns} FROM behaviour_events ${tail}`));
      const rows = statement.all(...values) as (EventRow & { id: number })[];
      const next = nextEventCursor(rows, size);
      return { events: rows.map(toEvent), ...(next ? { next } : {}) };
    }),
    mergeUser: async (from, to) => run('merge shoppers in', () => sql.merge.run(to, from).changes),
    forgetUser: async (user) => run('delete from', () => sql.forget.run(user).changes),
    purgeBefore: async (before) => run('purge', () => sql.purge.run(before.toISOString()).changes),
    close: async () => { db.close(); },
  };
}

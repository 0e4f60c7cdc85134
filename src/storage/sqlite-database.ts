import Database from 'better-sqlite3';

/**
 * Opens a SQLite file with the settings every Aisle store uses. The catalog and the conversations
 * may share one file, so their connections must agree on journal mode and lock waiting.
 */
export function openSqliteDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

import { AppError } from '../errors.ts';
import { checkSchemaName, resolveDbTarget } from '../storage/db-target.ts';
import { refusedStatement } from '../storage/postgres-errors.ts';
import { createPool } from '../storage/postgres-pool.ts';
import { transaction } from '../storage/postgres-transaction.ts';
import { openSqliteDatabase } from '../storage/sqlite-database.ts';
import { hintFor, reasonOf } from '../storage/sqlite-errors.ts';
import { postgresRunner, sqliteRunner, type SqlRunner } from '../storage/sql-runner.ts';
import type { AgentDirectory } from './agent-directory.ts';
import { createSqlAgentDirectory } from './sql-agent-directory.ts';
import { handoffDdl } from './handoff-sql.ts';
import type { HandoffQueue } from './handoff-queue.ts';
import { createSqlHandoffQueue } from './sql-handoff-queue.ts';
import { createSqlReplyAddresses, type ReplyAddresses } from './reply-addresses.ts';

/** The handoff queue and the agent accounts, beside the conversations; `close` releases the connection both use. */
export interface HandoffStore {
  queue: HandoffQueue;
  agents: AgentDirectory;
  /** Where Bot Service conversations are written to proactively. */
  addresses: ReplyAddresses;
  close(): Promise<void>;
}

/** Opens (creating when missing) the handoff tables where `--db` keeps the conversations. */
export async function openHandoffStore(db: string, homeDir: string): Promise<HandoffStore> {
  const target = resolveDbTarget(db, homeDir, 'conversations.db', { createHome: true });
  const runner = target.kind === 'sqlite' ? openSqlite(target.path) : await openPostgres(target.url, target.schema);
  return { queue: createSqlHandoffQueue(runner), agents: createSqlAgentDirectory(runner), addresses: createSqlReplyAddresses(runner), close: () => runner.close() };
}

function openSqlite(path: string): SqlRunner {
  let db;
  try {
    db = openSqliteDatabase(path);
    const statements = handoffDdl({ dialect: 'sqlite', table: (n) => n });
    db.pragma('foreign_keys = ON');
    db.transaction(() => { for (const sql of statements) db!.exec(sql); }).immediate();
    return sqliteRunner(db, path);
  } catch (err) {
    db?.close();
    throw new AppError('UNAVAILABLE', `Cannot open the handoff tables in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

async function openPostgres(url: string, schema: string): Promise<SqlRunner> {
  checkSchemaName(schema);
  const target = { pool: createPool(url, 4), url, refused: (err: unknown) => refusedStatement(url, `use the handoff tables in schema "${schema}"`, err) };
  const runner = postgresRunner(target, schema);
  try {
    await transaction(target, async (c) => {
      // Two processes opening a fresh schema at once would race on CREATE.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-handoffs:${schema}`]);
      const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (exists.rowCount === 0) await c.query(`CREATE SCHEMA "${schema}"`);
      for (const sql of handoffDdl(runner)) await c.query(sql);
    });
  } catch (err) {
    await target.pool.end().catch(() => {});
    throw err;
  }
  return runner;
}

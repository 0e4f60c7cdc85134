import { createHash } from 'node:crypto';
import {
  DEFAULT_LOCK_TIMEOUT_MS, emptyProfile, mergeProfiles, type ConversationStore, type MergeReport, type StoredConversation, type TurnCommit,
  type TurnLogEntry, type UserProfile,
} from './conversation-store.ts';
import { AppError } from '../errors.ts';
import { createKeyedMutex } from './keyed-mutex.ts';
import { refusedStatement } from './postgres-errors.ts';
import { checkSchemaName } from './db-target.ts';
import { createPool, withClient, type Client, type PgTarget } from './postgres-pool.ts';
import { transaction } from './postgres-transaction.ts';
import { conversationSql, migrateConversationTables } from './postgres-conversation-schema.ts';
import { nextCursor, pageSize, readCursor } from './turn-scan.ts';
import { busy, CONFLICT, prepareTurn, retryOnConflict, type PreparedTurn } from './turn-commit.ts';

type Sql = ReturnType<typeof conversationSql>;
type Key = { conversation: string; user: string; channel: string };
type ConversationRow = { id: string; user: string; channel: string; state: unknown; version: number; created_at: Date; updated_at: Date };
type TurnRow = Omit<TurnLogEntry, 'at' | 'outcome'> & { at: Date; outcome: TurnLogEntry['outcome'] | null };
type Current = { conversation?: StoredConversation; profile: UserProfile };
type TurnFn<T> = (current: Current) => Promise<{ commit: TurnCommit; result: T }>;

interface Db extends PgTarget {
  schema: string;
  lockTimeoutMs: number;
}

/** SQLSTATE lock_not_available: lock_timeout ran out while waiting. */
const LOCK_NOT_AVAILABLE = '55P03';

/** Carries an error thrown by the caller's turn callback past the driver-error translation (it has no driver code), untouched. */
class TurnFailed {
  constructor(readonly error: unknown) {}
}

/**
 * Opens the conversation tables in `options.schema` (default `aisle`, created if missing unless `create: false`,
 * which refuses a missing store with ARTIFACT_MISSING and creates nothing) of the PostgreSQL
 * database at `url`. Each turn holds a pooled connection while its callback runs, so the pool bounds how many
 * conversations take turns at once; others queue. A turn waits at most `lockTimeoutMs` in all for its conversation
 * (behind this process's turns, then for the advisory lock other processes may hold) before rejecting with BUSY.
 */
export async function openPostgresConversationStore(url: string, options: { schema?: string; lockTimeoutMs?: number; create?: boolean } = {}): Promise<ConversationStore> {
  const schema = options.schema ?? 'aisle';
  checkSchemaName(schema);
  const pool = createPool(url, 10);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const db: Db = { pool, url, schema, lockTimeoutMs, refused: (err) => refusedStatement(url, `use the conversation tables in schema "${schema}"`, err) };
  try {
    await transaction(db, (c) => migrateConversationTables(c, schema, options.create ?? true));
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return createStore(db);
}

function createStore(db: Db): ConversationStore {
  const sql = conversationSql(`"${db.schema}"`);
  const locks = createKeyedMutex();
  let closed = false;
  const live = () => {
    if (closed) throw new AppError('UNAVAILABLE', `The PostgreSQL conversation store (schema "${db.schema}") is closed.`);
  };
  return {
    // The mutex queues this process's turns without each holding a connection; the advisory lock queues
    // other processes' turns. It is released by COMMIT or ROLLBACK, so a failed turn cannot leave it held.
    runTurn: async (key, turn) => {
      live();
      const deadline = Date.now() + db.lockTimeoutMs;
      return locks.run(key.conversation, () => transaction(db, async (c) => {
        await lockConversation(c, db, key.conversation, deadline);
        return retryOnConflict(key.conversation, (n) => attemptTurn(c, sql, key, turn, n));
      }), { ms: db.lockTimeoutMs, error: () => busy(key.conversation, db.lockTimeoutMs) }).catch((err: unknown) => {
        throw err instanceof TurnFailed ? err.error : err;
      });
    },
    conversation: async (id) => {
      live();
      const { rows } = await withClient(db, (c) => c.query<ConversationRow>(sql.conversation, [id]));
      return rows[0] && toConversation(rows[0]);
    },
    profile: async (user) => {
      live();
      const { rows } = await withClient(db, (c) => c.query<{ data: UserProfile; version: number }>(sql.profile, [user]));
      return rows[0]?.data;
    },
    turns: async (conversation, limit) => {
      live();
      const { rows } = await withClient(db, (c) => c.query<TurnRow>(sql.turns, [conversation, limit === undefined ? null : Math.max(0, Math.floor(limit))]));
      return rows.map(toEntry);
    },
    scanTurns: async (range, page = {}) => {
      live();
      const size = pageSize(page.size);
      const [at, conversation, seq] = readCursor(page.after);
      const values = [range.from ?? '-infinity', range.to ?? 'infinity', at || '-infinity', conversation, seq, size];
      const turns = (await withClient(db, (c) => c.query<TurnRow>(sql.scanTurns, values))).rows.map(toEntry);
      const next = nextCursor(turns, size);
      return { turns, ...(next ? { next } : {}) };
    },
    forgetUser: async (user) => {
      live();
      return transaction(db, async (c) => {
        const turns = (await c.query(sql.forgetTurns, [user])).rowCount ?? 0;
        const conversations = (await c.query(sql.forgetConversations, [user])).rowCount ?? 0;
        return { profiles: (await c.query(sql.forgetProfile, [user])).rowCount ?? 0, conversations, turns };
      });
    },
    mergeUser: async (from, to) => {
      live();
      return transaction(db, (c) => mergeUser(c, sql, from, to));
    },
    purgeTurns: async (before) => {
      live();
      return (await withClient(db, (c) => c.query(sql.purgeTurns, [before]))).rowCount ?? 0;
    },
    ping: async () => {
      live();
      await withClient(db, (c) => c.query('SELECT 1'));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await locks.idle(); // turns already started finish and save first
      await db.pool.end();
    },
  };
}

/**
 * One try at a turn, inside the transaction holding the conversation's lock. The profile is shared by the
 * shopper's other conversations, which may commit it meanwhile: the save then reports CONFLICT and the turn
 * reruns, this time holding the profile row's lock from the read on, so it cannot lose twice.
 */
async function attemptTurn<T>(c: Client, sql: Sql, key: Key, turn: TurnFn<T>, n: number): Promise<T | typeof CONFLICT> {
  const found = await c.query<ConversationRow>(sql.conversation, [key.conversation]);
  const profile = (await c.query<{ data: UserProfile; version: number }>(n > 1 ? sql.lockProfile : sql.profile, [key.user])).rows[0];
  const conversation = found.rows[0] && toConversation(found.rows[0]);
  const { result, prepared } = await callTurn(turn, key.user, { conversation, profile: profile?.data ?? emptyProfile(key.user) });
  const saved = await c.query(sql.saveProfile, [key.user, prepared.profile, profile?.version ?? 0, prepared.at]);
  if (saved.rowCount === 0) return CONFLICT;
  const version = conversation?.version ?? 0;
  const written = await c.query(sql.saveConversation, [key.conversation, key.user, key.channel, prepared.state, version, prepared.at]);
  if (written.rowCount === 0) {
    // Only a writer that skipped the advisory lock (another program, an old Aisle) gets here.
    throw new AppError('INTERNAL', `Conversation "${key.conversation}" was written without its lock; the turn was not saved.`);
  }
  await c.query(sql.logTurn, [key.conversation, key.user, prepared.at, prepared.text, prepared.action,
    prepared.intent, prepared.confidence, prepared.slots, prepared.shown, prepared.reply, prepared.outcome]);
  return result;
}

/**
 * Folds `from` into `to` with both profile rows locked: a turn of either shopper that read a profile before
 * finds its version changed when it saves, and reruns on the merged one.
 */
async function mergeUser(c: Client, sql: Sql, from: string, to: string): Promise<MergeReport> {
  if (from === to) return { profiles: 0, conversations: 0, turns: 0 };
  const { rows } = await c.query<{ user: string; data: UserProfile }>(sql.lockProfiles, [[from, to]]);
  const gone = rows.find((r) => r.user === from)?.data;
  if (gone) {
    await c.query(sql.putProfile, [to, JSON.stringify(mergeProfiles(gone, rows.find((r) => r.user === to)?.data, to))]);
    await c.query(sql.forgetProfile, [from]);
  }
  const conversations = (await c.query(sql.moveConversations, [from, to])).rowCount ?? 0;
  return { profiles: gone ? 1 : 0, conversations, turns: (await c.query(sql.moveTurns, [from, to])).rowCount ?? 0 };
}

/** Runs the caller's callback; whatever it throws is marked so that runTurn passes it on untouched. */
async function callTurn<T>(turn: TurnFn<T>, user: string, current: Current): Promise<{ result: T; prepared: PreparedTurn }> {
  try {
    const out = await turn(current);
    return { result: out.result, prepared: prepareTurn(user, out.commit) };
  } catch (err) {
    throw new TurnFailed(err);
  }
}

/**
 * Takes the conversation's advisory lock, waiting until `deadline` at most (lock_timeout); BUSY after that. Later
 * lock waits in the transaction (the profile row on a rerun) get the full timeout again.
 */
async function lockConversation(c: Client, db: Db, conversation: string, deadline: number): Promise<void> {
  await c.query(`SELECT set_config('lock_timeout', $1, true)`, [String(Math.max(1, deadline - Date.now()))]);
  try {
    await c.query('SELECT pg_advisory_xact_lock($1::bigint)', [conversationLockKey(db.schema, conversation)]);
  } catch (err) {
    if ((err as { code?: unknown }).code === LOCK_NOT_AVAILABLE) throw busy(conversation, db.lockTimeoutMs, err);
    throw err;
  }
  await c.query(`SELECT set_config('lock_timeout', $1, true)`, [String(db.lockTimeoutMs)]);
}

/** A signed 64-bit key for pg_advisory_xact_lock, distinct per schema so separate deployments never wait on each other. */
export function conversationLockKey(schema: string, conversation: string): string {
  return createHash('sha256').update(`aisle-conversation\0${schema}\0${conversation}`).digest().readBigInt64BE(0).toString();
}

function toEntry({ outcome, ...row }: TurnRow): TurnLogEntry {
  return { ...row, at: row.at.toISOString(), ...(outcome === null ? {} : { outcome }) };
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    id: row.id, user: row.user, channel: row.channel, state: row.state, version: row.version,
    createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
  };
}

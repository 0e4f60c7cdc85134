/** The PostgreSQL conversation store's tables and statements, kept apart from its transaction logic. */
import type pg from 'pg';
import { AppError } from '../errors.ts';

/**
 * Kept in conversation_meta; a schema written by a newer Aisle is refused.
 * 2: turns.outcome (what a turn's replies did, for reports) and an index on turns.at (scans by time).
 */
const SCHEMA_VERSION = 2;

/**
 * Creates the tables (and the schema) when missing; safe when the catalog's tables already share the schema.
 * With `create: false` missing tables are ARTIFACT_MISSING and nothing is created.
 */
export async function migrateConversationTables(c: pg.PoolClient, schema: string, create = true): Promise<void> {
  const q = `"${schema}"`;
  // Two processes opening a fresh schema at once would race on CREATE.
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-conversations:${schema}`]);
  const installed = await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${q}.conversation_meta`]);
  // DDL only when missing: even CREATE ... IF NOT EXISTS demands CREATE privileges an app role may lack.
  if (installed.rows[0]?.t == null) {
    if (!create) {
      throw new AppError('ARTIFACT_MISSING',
        `No conversation store in PostgreSQL schema "${schema}" (check ?schema= in --db): \`aisle serve\` or \`aisle chat\` creates it.`);
    }
    await createTables(c, q, schema);
  }
  const { rows } = await c.query<{ value: string }>(`SELECT value FROM ${q}.conversation_meta WHERE key = 'schema_version'`);
  const found = Number(rows[0]?.value);
  if (found < 2) {
    await c.query(`ALTER TABLE ${q}.turns ADD COLUMN outcome jsonb;
      CREATE INDEX turns_at ON ${q}.turns (at, conversation, seq);
      UPDATE ${q}.conversation_meta SET value = '2' WHERE key = 'schema_version';`);
  }
  if (found > SCHEMA_VERSION) {
    throw new AppError('ARTIFACT_MISMATCH',
      `The PostgreSQL conversation store in schema "${schema}" has schema ${found}, newer than this Aisle understands (${SCHEMA_VERSION}). Upgrade Aisle or use another schema.`);
  }
}

async function createTables(c: pg.PoolClient, q: string, schema: string): Promise<void> {
  const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (exists.rowCount === 0) await c.query(`CREATE SCHEMA ${q}`);
  await c.query(`
    CREATE TABLE ${q}.conversation_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE ${q}.conversations (
      id text COLLATE "C" PRIMARY KEY, "user" text NOT NULL, channel text NOT NULL, state jsonb NOT NULL,
      version integer NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
    CREATE TABLE ${q}.turns (
      conversation text COLLATE "C" NOT NULL REFERENCES ${q}.conversations (id) ON DELETE CASCADE, seq integer NOT NULL,
      "user" text NOT NULL, at timestamptz NOT NULL, text text, action jsonb, intent text NOT NULL,
      confidence double precision NOT NULL, slots jsonb NOT NULL, shown jsonb NOT NULL, reply text NOT NULL,
      PRIMARY KEY (conversation, seq));
    CREATE TABLE ${q}.profiles (
      "user" text COLLATE "C" PRIMARY KEY, data jsonb NOT NULL, version integer NOT NULL, updated_at timestamptz NOT NULL);
    INSERT INTO ${q}.conversation_meta (key, value) VALUES ('schema_version', '1');`);
}

/** Statements over the tables in `q` (a quoted schema name). */
export function conversationSql(q: string) {
  const profile = `SELECT data, version FROM ${q}.profiles WHERE "user" = $1`;
  return {
    conversation: `SELECT id, "user", channel, state, version, created_at, updated_at FROM ${q}.conversations WHERE id = $1`,
    profile,
    lockProfile: `${profile} FOR UPDATE`,
    // Both saves check the version read before the turn ran: no row changed means someone else wrote first.
    saveProfile: `
      INSERT INTO ${q}.profiles AS p ("user", data, version, updated_at) VALUES ($1, $2::jsonb, $3 + 1, $4)
      ON CONFLICT ("user") DO UPDATE SET data = EXCLUDED.data, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
      WHERE p.version = $3`,
    saveConversation: `
      INSERT INTO ${q}.conversations AS c (id, "user", channel, state, version, created_at, updated_at)
      VALUES ($1, $2, $3, $4::jsonb, $5 + 1, $6, $6)
      ON CONFLICT (id) DO UPDATE SET "user" = EXCLUDED."user", channel = EXCLUDED.channel, state = EXCLUDED.state,
        version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
      WHERE c.version = $5`,
    logTurn: `
      INSERT INTO ${q}.turns (conversation, seq, "user", at, text, action, intent, confidence, slots, shown, reply, outcome)
      SELECT $1::text, coalesce(max(seq), 0) + 1, $2::text, $3::timestamptz, $4::text, $5::jsonb, $6::text, $7::float8,
        $8::jsonb, $9::jsonb, $10::text, $11::jsonb
      FROM ${q}.turns WHERE conversation = $1`,
    // The newest `limit` turns (NULL: all), put back in order.
    turns: `
      SELECT conversation, seq, "user", at, text, action, intent, confidence, slots, shown, reply, outcome FROM (
        SELECT * FROM ${q}.turns WHERE conversation = $1 ORDER BY seq DESC LIMIT $2) t
      ORDER BY seq`,
    // Row values compare in the ORDER BY's order; the cursor's conversation in the column's collation ("C").
    scanTurns: `
      SELECT conversation, seq, "user", at, text, action, intent, confidence, slots, shown, reply, outcome FROM ${q}.turns
      WHERE at >= $1 AND at < $2 AND (at, conversation, seq) > ($3::timestamptz, $4::text COLLATE "C", $5::int)
      ORDER BY at, conversation, seq LIMIT $6`,
    forgetTurns: `DELETE FROM ${q}.turns WHERE "user" = $1 OR conversation IN (SELECT id FROM ${q}.conversations WHERE "user" = $1)`,
    forgetConversations: `DELETE FROM ${q}.conversations WHERE "user" = $1`,
    forgetProfile: `DELETE FROM ${q}.profiles WHERE "user" = $1`,
    purgeTurns: `DELETE FROM ${q}.turns WHERE at < $1`,
    // Both profiles locked in one order, so two merges into one shopper cannot deadlock.
    lockProfiles: `SELECT "user", data, version FROM ${q}.profiles WHERE "user" = ANY($1::text[]) ORDER BY "user" FOR UPDATE`,
    putProfile: `
      INSERT INTO ${q}.profiles AS p ("user", data, version, updated_at) VALUES ($1, $2::jsonb, 1, now())
      ON CONFLICT ("user") DO UPDATE SET data = EXCLUDED.data, version = p.version + 1, updated_at = EXCLUDED.updated_at`,
    moveConversations: `UPDATE ${q}.conversations SET "user" = $2 WHERE "user" = $1`,
    moveTurns: `UPDATE ${q}.turns SET "user" = $2 WHERE "user" = $1`,
  };
}

import { checkSchemaName } from './db-target.ts';
import { refusedStatement } from './postgres-errors.ts';
import { createPool, withClient, type Client, type PgTarget } from './postgres-pool.ts';
import { transaction } from './postgres-transaction.ts';
import type { WidgetEntry, WidgetLog } from './widget-log.ts';

type Row = { seq: number; role: 'shopper' | 'aisle'; client_id: string | null; body: unknown; at: Date };

/** The widget log in `schema` of the PostgreSQL database at `url` (the conversations' schema); its tables are created when missing. */
export async function openPostgresWidgetLog(url: string, schema = 'aisle'): Promise<WidgetLog> {
  checkSchemaName(schema);
  const q = `"${schema}"`;
  const db: PgTarget = { pool: createPool(url, 4), url, refused: (err) => refusedStatement(url, `use the widget log in schema "${schema}"`, err) };
  try {
    await transaction(db, (c) => migrate(c, q, schema));
  } catch (err) {
    await db.pool.end().catch(() => {});
    throw err;
  }
  const cols = 'seq, role, client_id, body, at';
  // One conversation's appends are serialised by a transaction-scoped advisory lock, so a client id is logged once.
  const lock = `SELECT pg_advisory_xact_lock(hashtext('aisle-widget-entries:' || $1))`;
  // The number comes from the conversation's row, which keeps the highest one handed out after entries are deleted.
  const insert = `WITH n AS (INSERT INTO ${q}.widget_conversations AS w (conversation, "user", last_seq) VALUES ($1, $2, 1)
      ON CONFLICT (conversation) DO UPDATE SET last_seq = w.last_seq + 1 RETURNING last_seq)
    INSERT INTO ${q}.widget_entries (conversation, seq, "user", role, client_id, body, at)
    SELECT $1, n.last_seq, $2, $3, $4, $5::jsonb, now() FROM n RETURNING ${cols}`;
  return {
    logMessage: (conversation, user, clientId, body) => transaction(db, async (c) => {
      await c.query(lock, [conversation]);
      const seen = await c.query<Row>(`SELECT ${cols} FROM ${q}.widget_entries WHERE conversation = $1 AND client_id = $2`, [conversation, clientId]);
      if (seen.rows[0]) return { entry: toEntry(seen.rows[0]), fresh: false };
      const added = await c.query<Row>(insert, [conversation, user, 'shopper', clientId, JSON.stringify(body)]);
      return { entry: toEntry(added.rows[0]!), fresh: true };
    }),
    logReplies: (conversation, user, bodies) => transaction(db, async (c) => {
      await c.query(lock, [conversation]);
      const entries: WidgetEntry[] = [];
      for (const body of bodies) entries.push(toEntry((await c.query<Row>(insert, [conversation, user, 'aisle', null, JSON.stringify(body)])).rows[0]!));
      return entries;
    }),
    after: (conversation, after, limit) => withClient(db, async (c) => (await c.query<Row>(
      `SELECT * FROM (SELECT ${cols} FROM ${q}.widget_entries WHERE conversation = $1 AND seq > $2 ORDER BY seq DESC LIMIT $3) t ORDER BY seq`,
      [conversation, after, limit])).rows.map(toEntry)),
    owner: (conversation) => withClient(db, async (c) => (await c.query<{ user: string | null }>(
      `SELECT "user" FROM ${q}.widget_conversations WHERE conversation = $1`, [conversation])).rows[0]?.user),
    forgetUser: (user) => transaction(db, async (c) => {
      const deleted = await c.query(`DELETE FROM ${q}.widget_entries WHERE "user" = $1
        OR conversation IN (SELECT conversation FROM ${q}.widget_conversations WHERE "user" = $1)`, [user]);
      await c.query(`UPDATE ${q}.widget_conversations SET "user" = NULL WHERE "user" = $1`, [user]);
      return deleted.rowCount ?? 0;
    }),
    purgeBefore: (before) => withClient(db, async (c) => (await c.query(`DELETE FROM ${q}.widget_entries WHERE at < $1`, [before])).rowCount ?? 0),
    mergeUser: (from, to) => transaction(db, async (c) => {
      await c.query(`UPDATE ${q}.widget_entries SET "user" = $2 WHERE "user" = $1`, [from, to]);
      return (await c.query(`UPDATE ${q}.widget_conversations SET "user" = $2 WHERE "user" = $1`, [from, to])).rowCount ?? 0;
    }),
    close: () => db.pool.end(),
  };
}

/** Creates what is missing (DDL only then: an app role may lack CREATE); a log from before widget_conversations gets it filled once. */
async function migrate(c: Client, q: string, schema: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-widget:${schema}`]);
  const exists = async (table: string) => (await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${q}.${table}`])).rows[0]?.t != null;
  if (!(await exists('widget_entries'))) {
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${q};
      CREATE TABLE ${q}.widget_entries (conversation text COLLATE "C" NOT NULL, seq integer NOT NULL, "user" text NOT NULL,
        role text NOT NULL, client_id text, body jsonb NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (conversation, seq));
      CREATE UNIQUE INDEX widget_entries_client ON ${q}.widget_entries (conversation, client_id) WHERE client_id IS NOT NULL;`);
  }
  if (await exists('widget_conversations')) return;
  await c.query(`CREATE INDEX IF NOT EXISTS widget_entries_user ON ${q}.widget_entries ("user");
    CREATE TABLE ${q}.widget_conversations (conversation text COLLATE "C" PRIMARY KEY, "user" text, last_seq integer NOT NULL);
    CREATE INDEX widget_conversations_user ON ${q}.widget_conversations ("user");
    INSERT INTO ${q}.widget_conversations (conversation, "user", last_seq)
      SELECT DISTINCT ON (conversation) conversation, "user", max(seq) OVER (PARTITION BY conversation)
      FROM ${q}.widget_entries ORDER BY conversation, seq;`);
}

function toEntry(row: Row): WidgetEntry {
  return { seq: row.seq, role: row.role, body: row.body, at: row.at.toISOString(), ...(row.client_id ? { clientId: row.client_id } : {}) };
}

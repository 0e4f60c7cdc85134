import { checkSchemaName } from './db-target.ts';
import { checkEvents, type EventLog } from './event-log.ts';
import { EVENT_COLUMNS, eventQuery, eventScanQuery, eventValues, nextEventCursor, scanPageSize, toEvent, type EventRow } from './event-sql.ts';
import { refusedStatement } from './postgres-errors.ts';
import { createPool, withClient, type Client, type PgTarget } from './postgres-pool.ts';
import { transaction } from './postgres-transaction.ts';

/** The event log in `schema` of the PostgreSQL database at `url` (the conversations' schema); its table is created when missing. */
export async function openPostgresEventLog(url: string, schema = 'aisle'): Promise<EventLog> {
  checkSchemaName(schema);
  const q = `"${schema}"`;
  const db: PgTarget = { pool: createPool(url, 4), url, refused: (err) => refusedStatement(url, `use the event log in schema "${schema}"`, err) };
  try {
    await transaction(db, (c) => createTable(c, q, schema));
  } catch (err) {
    await db.pool.end().catch(() => {});
    throw err;
  }
  const columns = EVENT_COLUMNS.join(', ');
  // A repeated key (conversation, key) is a report sent again: ignored, not an error.
  const insert = `INSERT INTO ${q}.behaviour_events (${columns}) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
    $5::int[], $6::text[], $7::text[], $8::text[], $9::timestamptz[]) ON CONFLICT DO NOTHING`;
  return {
    append: async (events) => {
      const rows = checkEvents(events).map(eventValues);
      if (rows.length === 0) return 0;
      const byColumn = EVENT_COLUMNS.map((_, i) => rows.map((row) => row[i]));
      return withClient(db, async (c) => (await c.query(insert, byColumn)).rowCount ?? 0);
    },
    read: (filter) => withClient(db, async (c) => {
      const { sql, values } = eventQuery(filter, (n) => `$${n}`, (d) => d);
      return (await c.query<EventRow>(`SELECT ${columns} FROM ${q}.behaviour_events ${sql}`, values)).rows.map(toEvent);
    }),
    scan: (range, page = {}) => withClient(db, async (c) => {
      const size = scanPageSize(page.size);
      const { sql, values } = eventScanQuery(range, page.after, size, (n) => `$${n}`, (d) => d);
      const { rows } = await c.query<EventRow & { id: string }>(`SELECT id, ${columns} FROM ${q}.behaviour_events ${sql}`, values);
      const next = nextEventCursor(rows, size);
      return { events: rows.map(toEvent), ...(next ? { next } : {}) };
    }),
    mergeUser: (from, to) => withClient(db, async (c) => (await c.query(`UPDATE ${q}.behaviour_events SET "user" = $2 WHERE "user" = $1`, [from, to])).rowCount ?? 0),
    forgetUser: (user) => withClient(db, async (c) => (await c.query(`DELETE FROM ${q}.behaviour_events WHERE "user" = $1`, [user])).rowCount ?? 0),
    purgeBefore: (before) => withClient(db, async (c) => (await c.query(`DELETE FROM ${q}.behaviour_events WHERE at < $1`, [before])).rowCount ?? 0),
    close: () => db.pool.end(),
  };
}

/** DDL only when missing (an app role may lack CREATE); an advisory lock keeps two processes from racing on it. */
async function createTable(c: Client, q: string, schema: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-events:${schema}`]);
  if ((await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${q}.behaviour_events`])).rows[0]?.t != null) return;
  await c.query(`CREATE SCHEMA IF NOT EXISTS ${q};
    CREATE TABLE ${q}.behaviour_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "user" text COLLATE "C" NOT NULL,
      product text NOT NULL, kind text NOT NULL, query text, position integer, channel text NOT NULL,
      conversation text COLLATE "C", key text, at timestamptz NOT NULL);
    CREATE INDEX behaviour_events_user ON ${q}.behaviour_events ("user", at);
    CREATE INDEX behaviour_events_at ON ${q}.behaviour_events (at);
    CREATE INDEX behaviour_events_conversation ON ${q}.behaviour_events (conversation, product) WHERE conversation IS NOT NULL;
    CREATE UNIQUE INDEX behaviour_events_key ON ${q}.behaviour_events (conversation, key) WHERE key IS NOT NULL;`);
}

// The handoff tables, written once for SQLite and PostgreSQL (see storage/sql-runner.ts).
import type { SqlRunner } from '../storage/sql-runner.ts';

/** Open statuses, as SQL. */
export const OPEN_SQL = `('waiting', 'assigned', 'active')`;

/** The statements that create the handoff and agent tables when missing, in this database's dialect. */
export function handoffDdl(db: Pick<SqlRunner, 'dialect' | 'table'>): string[] {
  const pg = db.dialect === 'postgres';
  const t = (name: string) => db.table(name);
  const serial = pg ? 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
  const time = pg ? 'timestamptz' : 'TEXT';
  const json = pg ? 'jsonb' : 'TEXT';
  const id = pg ? 'text COLLATE "C"' : 'TEXT';
  return [
    `CREATE TABLE IF NOT EXISTS ${t('handoffs')} (n ${serial}, id ${id} NOT NULL UNIQUE, conversation ${id} NOT NULL, "user" ${id} NOT NULL,
      channel text NOT NULL, status text NOT NULL, reason text NOT NULL, summary text NOT NULL, headline text NOT NULL, context ${json} NOT NULL,
      agent text, created_at ${time} NOT NULL, claimed_at ${time}, ended_at ${time}, updated_at ${time} NOT NULL)`,
    // The one rule that makes a second handoff of a conversation impossible while one is open.
    `CREATE UNIQUE INDEX IF NOT EXISTS handoffs_open ON ${t('handoffs')} (conversation) WHERE status IN ${OPEN_SQL}`,
    `CREATE INDEX IF NOT EXISTS handoffs_status ON ${t('handoffs')} (status, n)`,
    `CREATE TABLE IF NOT EXISTS ${t('handoff_messages')} (id ${serial}, handoff ${id} NOT NULL, conversation ${id} NOT NULL,
      role text NOT NULL, author text, text text NOT NULL, delivered boolean NOT NULL, at ${time} NOT NULL)`,
    `CREATE INDEX IF NOT EXISTS handoff_messages_handoff ON ${t('handoff_messages')} (handoff, id)`,
    `CREATE INDEX IF NOT EXISTS handoff_messages_pending ON ${t('handoff_messages')} (conversation, id) WHERE NOT delivered`,
    `CREATE TABLE IF NOT EXISTS ${t('handoff_tickets')} (n ${serial}, id ${id} NOT NULL UNIQUE, conversation ${id} NOT NULL, "user" ${id} NOT NULL,
      channel text NOT NULL, reason text NOT NULL, summary text NOT NULL, message text, email text, status text NOT NULL,
      created_at ${time} NOT NULL, updated_at ${time} NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS handoff_tickets_draft ON ${t('handoff_tickets')} (conversation) WHERE status = 'draft'`,
    // Where Bot Service channels are written to when an agent sends (reply-addresses.ts); one row per conversation.
    `CREATE TABLE IF NOT EXISTS ${t('handoff_addresses')} (conversation ${id} PRIMARY KEY, "user" ${id} NOT NULL, address ${json} NOT NULL,
      saved_at ${time} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${t('agents')} (email ${id} PRIMARY KEY, name text NOT NULL, role text NOT NULL, password text NOT NULL,
      created_at ${time} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${t('agent_sessions')} (token ${id} PRIMARY KEY, agent ${id} NOT NULL REFERENCES ${t('agents')} (email) ON DELETE CASCADE,
      csrf text NOT NULL, expires_at ${time} NOT NULL, last_seen ${time} NOT NULL)`,
  ];
}

import { randomUUID } from 'node:crypto';
import { isoOf, jsonOf, type SqlRunner } from '../storage/sql-runner.ts';
import { OPEN_SQL } from './handoff-sql.ts';
import type { HandoffMessage, HandoffQueue, HandoffRecord, Ticket } from './handoff-queue.ts';

type Row = Record<string, unknown>;
const HANDOFF_COLUMNS = 'id, conversation, "user", channel, status, reason, summary, headline, context, agent, created_at, claimed_at, ended_at';
const TICKET_COLUMNS = 'id, conversation, "user", channel, reason, summary, message, email, status, created_at, updated_at';
const MESSAGE_COLUMNS = 'id, handoff, role, author, text, delivered, at';

/** The handoff queue over either database (see HandoffQueue for the rules). */
export function createSqlHandoffQueue(db: SqlRunner): HandoffQueue {
  const h = db.table('handoffs');
  const m = db.table('handoff_messages');
  const tk = db.table('handoff_tickets');
  const ad = db.table('handoff_addresses');
  const now = () => new Date().toISOString();
  const one = async (sql: string, params: unknown[]) => (await db.all<Row>(sql, params)).map(toHandoff)[0];
  const current = (conversation: string) => one(`SELECT ${HANDOFF_COLUMNS} FROM ${h} WHERE conversation = $1 AND status IN ${OPEN_SQL}`, [conversation]);
  const draft = async (conversation: string) =>
    (await db.all<Row>(`SELECT ${TICKET_COLUMNS} FROM ${tk} WHERE conversation = $1 AND status = 'draft'`, [conversation])).map(toTicket)[0];
  return {
    async open(input) {
      const at = now();
      // The partial unique index refuses a second open handoff: the row then is the one already open.
      const created = await db.run(`INSERT INTO ${h} (id, conversation, "user", channel, status, reason, summary, headline, context, created_at, updated_at)
        VALUES ($1, $2, $3, $4, 'waiting', $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING`,
      [randomUUID(), input.conversation, input.user, input.channel, input.reason, input.summary, input.headline, JSON.stringify(input.context), at]);
      const handoff = await current(input.conversation);
      if (!handoff) return this.open(input); // resolved between the two statements: open a fresh one
      return { handoff, created: created > 0 };
    },
    current,
    get: (id) => one(`SELECT ${HANDOFF_COLUMNS} FROM ${h} WHERE id = $1`, [id]),
    list: async (statuses, limit = 200) => {
      const marks = statuses.map((_, i) => `$${i + 1}`).join(', ');
      const rows = await db.all<Row>(`SELECT ${HANDOFF_COLUMNS} FROM ${h} WHERE status IN (${marks}) ORDER BY n LIMIT $${statuses.length + 1}`, [...statuses, limit]);
      return rows.map(toHandoff);
    },
    async position(id) {
      const rows = await db.all<{ p: number | string }>(`SELECT count(*) AS p FROM ${h} w, ${h} me
        WHERE me.id = $1 AND me.status = 'waiting' AND w.status = 'waiting' AND w.n <= me.n`, [id]);
      const p = Number(rows[0]?.p ?? 0);
      return p > 0 ? p : undefined;
    },
    transition: (id, change) => {
      const marks = change.from.map((_, i) => `$${i + 5}`).join(', ');
      const at = now();
      const ended = change.to === 'resolved' || change.to === 'abandoned' ? at : null;
      // One conditional UPDATE: of two agents claiming at once, exactly one finds the row still waiting.
      const owner = `CAST($${change.from.length + 5} AS text)`;
      return one(`UPDATE ${h} SET status = $2, agent = coalesce(CAST($3 AS text), agent), updated_at = $4,
          claimed_at = CASE WHEN CAST($3 AS text) IS NULL THEN claimed_at ELSE $4 END, ended_at = coalesce($${change.from.length + 6}, ended_at)
        WHERE id = $1 AND status IN (${marks}) AND (${owner} IS NULL OR agent = ${owner})
        RETURNING ${HANDOFF_COLUMNS}`, [id, change.to, change.agent ?? null, at, ...change.from, change.owner ?? null, ended]);
    },
    async post(message) {
      const rows = await db.all<Row>(`INSERT INTO ${m} (handoff, conversation, role, author, text, delivered, at)
        VALUES ($1, (SELECT conversation FROM ${h} WHERE id = $1), $2, $3, $4, $5, $6) RETURNING ${MESSAGE_COLUMNS}`,
      [message.handoff, message.role, message.author, message.text, message.delivered, now()]);
      return toMessage(rows[0]!);
    },
    async relayShopper(handoff, text) {
      // PostgreSQL: FOR SHARE waits for a resolve in flight and re-reads its status; SQLite runs one writer at a time.
      const pg = db.dialect === 'postgres';
      const rows = await db.all<Row>(`INSERT INTO ${m} (handoff, conversation, role, author, text, delivered, at)
        SELECT id, conversation, 'shopper', NULL, CAST($2 AS text), TRUE, ${pg ? 'CAST($3 AS timestamptz)' : '$3'}
        FROM ${h} WHERE id = $1 AND status IN ${OPEN_SQL}${pg ? ' FOR SHARE' : ''}
        RETURNING ${MESSAGE_COLUMNS}`, [handoff, text, now()]);
      return rows[0] && toMessage(rows[0]);
    },
    messages: async (handoff, after = 0) =>
      (await db.all<Row>(`SELECT ${MESSAGE_COLUMNS} FROM ${m} WHERE handoff = $1 AND id > $2 ORDER BY id`, [handoff, after])).map(toMessage),
    undelivered: async (conversation) =>
      (await db.all<Row>(`SELECT ${MESSAGE_COLUMNS} FROM ${m} WHERE conversation = $1 AND NOT delivered ORDER BY id`, [conversation])).map(toMessage),
    async markDelivered(ids) {
      for (const id of ids) await db.run(`UPDATE ${m} SET delivered = $2 WHERE id = $1`, [id, true]);
    },
    async draftTicket(input) {
      const at = now();
      await db.run(`INSERT INTO ${tk} (id, conversation, "user", channel, reason, summary, status, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $7) ON CONFLICT DO NOTHING`,
      [randomUUID(), input.conversation, input.user, input.channel, input.reason, input.summary, at]);
      return (await draft(input.conversation))!;
    },
    draft,
    async updateTicket(id, change) {
      await db.run(`UPDATE ${tk} SET message = coalesce($2, message), email = coalesce($3, email), status = coalesce($4, status), updated_at = $5 WHERE id = $1`,
        [id, change.message ?? null, change.email ?? null, change.status ?? null, now()]);
    },
    tickets: async (status) => (await db.all<Row>(`SELECT ${TICKET_COLUMNS} FROM ${tk} WHERE status = $1 ORDER BY n`, [status])).map(toTicket),
    async forgetUser(user) {
      const messages = await db.run(`DELETE FROM ${m} WHERE handoff IN (SELECT id FROM ${h} WHERE "user" = $1)`, [user]);
      return messages + await db.run(`DELETE FROM ${h} WHERE "user" = $1`, [user]) + await db.run(`DELETE FROM ${tk} WHERE "user" = $1`, [user])
        + await db.run(`DELETE FROM ${ad} WHERE "user" = $1`, [user]);
    },
    // Two statements, each moving what is left: a merge cut short between them is finished by the next sign-in.
    mergeUser: async (from, to) =>
      await db.run(`UPDATE ${h} SET "user" = $2 WHERE "user" = $1`, [from, to]) + await db.run(`UPDATE ${tk} SET "user" = $2 WHERE "user" = $1`, [from, to]),
    async purgeBefore(before) {
      const at = before.toISOString();
      const ended = `SELECT id FROM ${h} WHERE status IN ('resolved', 'abandoned') AND ended_at < $1`;
      const messages = await db.run(`DELETE FROM ${m} WHERE handoff IN (${ended})`, [at]);
      return messages + await db.run(`DELETE FROM ${h} WHERE id IN (${ended})`, [at])
        + await db.run(`DELETE FROM ${tk} WHERE status IN ('closed', 'draft') AND updated_at < $1`, [at])
        + await db.run(`DELETE FROM ${ad} WHERE saved_at < $1`, [at]);
    },
    close: async () => {},
  };
}

function toHandoff(r: Row): HandoffRecord {
  const time = (v: unknown) => (v === null || v === undefined ? null : isoOf(v));
  return {
    id: String(r.id), conversation: String(r.conversation), user: String(r.user), channel: String(r.channel),
    status: r.status as HandoffRecord['status'], reason: r.reason as HandoffRecord['reason'], summary: String(r.summary),
    headline: String(r.headline), context: jsonOf(r.context), agent: (r.agent as string | null) ?? null,
    createdAt: isoOf(r.created_at), claimedAt: time(r.claimed_at), endedAt: time(r.ended_at),
  };
}

function toMessage(r: Row): HandoffMessage {
  return {
    id: Number(r.id), handoff: String(r.handoff), role: r.role as HandoffMessage['role'], author: (r.author as string | null) ?? null,
    text: String(r.text), delivered: Boolean(r.delivered), at: isoOf(r.at),
  };
}

function toTicket(r: Row): Ticket {
  return {
    id: String(r.id), conversation: String(r.conversation), user: String(r.user), channel: String(r.channel),
    reason: r.reason as Ticket['reason'], summary: String(r.summary), message: (r.message as string | null) ?? null,
    email: (r.email as string | null) ?? null, status: r.status as Ticket['status'], createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

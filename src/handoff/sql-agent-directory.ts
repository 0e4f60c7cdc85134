import { AppError } from '../errors.ts';
import { isoOf, type SqlRunner } from '../storage/sql-runner.ts';
import type { Agent, AgentDirectory } from './agent-directory.ts';

type Row = { email: string; name: string; role: Agent['role']; password: string; created_at: unknown };

/** Agent accounts and sessions over either database. */
export function createSqlAgentDirectory(db: SqlRunner): AgentDirectory {
  const a = db.table('agents');
  const s = db.table('agent_sessions');
  const toAgent = (r: Row): Agent => ({ email: r.email, name: r.name, role: r.role, createdAt: isoOf(r.created_at) });
  return {
    async add(agent, options = {}) {
      const email = agent.email.trim().toLowerCase();
      const values = [email, agent.name, agent.role, agent.passwordHash, new Date().toISOString()];
      const upsert = options.replace ? 'ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, password = excluded.password' : 'ON CONFLICT DO NOTHING';
      const added = await db.run(`INSERT INTO ${a} (email, name, role, password, created_at) VALUES ($1, $2, $3, $4, $5) ${upsert}`, values);
      if (added === 0) throw new AppError('BAD_INPUT', `An agent ${email} exists already: add --replace to set a new password, name or role.`);
      if (options.replace) await db.run(`DELETE FROM ${s} WHERE agent = $1`, [email]); // a new password signs every old session out
      return (await this.find(email))!;
    },
    async find(email) {
      const rows = await db.all<Row>(`SELECT email, name, role, password, created_at FROM ${a} WHERE email = $1`, [email.trim().toLowerCase()]);
      return rows[0] && { ...toAgent(rows[0]), passwordHash: rows[0].password };
    },
    list: async () => (await db.all<Row>(`SELECT email, name, role, password, created_at FROM ${a} ORDER BY email`)).map(toAgent),
    async remove(email) {
      const key = email.trim().toLowerCase();
      // Sessions first (no new claims), then the conversations they held go back to the front of the line for
      // another agent; a stop between statements leaves nothing stranded.
      await db.run(`DELETE FROM ${s} WHERE agent = $1`, [key]);
      await db.run(`UPDATE ${db.table('handoffs')} SET status = 'waiting', agent = NULL, claimed_at = NULL, updated_at = $2
        WHERE agent = $1 AND status IN ('assigned', 'active')`, [key, new Date().toISOString()]);
      return (await db.run(`DELETE FROM ${a} WHERE email = $1`, [key])) > 0;
    },
    async startSession(session) {
      await db.run(`INSERT INTO ${s} (token, agent, csrf, expires_at, last_seen) VALUES ($1, $2, $3, $4, $5)`,
        [session.tokenHash, session.email, session.csrf, session.expiresAt, new Date().toISOString()]);
    },
    async session(tokenHash) {
      const rows = await db.all<Row & { csrf: string; expires_at: unknown; last_seen: unknown }>(`SELECT a.email, a.name, a.role, a.password, a.created_at, s.csrf, s.expires_at, s.last_seen
        FROM ${s} s JOIN ${a} a ON a.email = s.agent WHERE s.token = $1`, [tokenHash]);
      const row = rows[0];
      if (!row) return undefined;
      if (Date.parse(isoOf(row.expires_at)) <= Date.now()) {
        await this.endSession(tokenHash);
        return undefined;
      }
      return { agent: toAgent(row), csrf: row.csrf, expiresAt: isoOf(row.expires_at), lastSeen: isoOf(row.last_seen) };
    },
    async endSession(tokenHash) {
      await db.run(`DELETE FROM ${s} WHERE token = $1`, [tokenHash]);
    },
    async seen(tokenHash) {
      await db.run(`UPDATE ${s} SET last_seen = $2 WHERE token = $1`, [tokenHash, new Date().toISOString()]);
    },
    async online(since) {
      const at = new Date().toISOString();
      const rows = await db.all<{ n: number | string }>(`SELECT count(DISTINCT agent) AS n FROM ${s} WHERE last_seen >= $1 AND expires_at > $2`, [since.toISOString(), at]);
      return Number(rows[0]?.n ?? 0);
    },
  };
}

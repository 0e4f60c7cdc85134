import { isoOf, jsonOf, type SqlRunner } from '../storage/sql-runner.ts';

/**
 * Where a channel without a socket of ours (Teams, Web Chat through the Bot Service) can be written to later: the
 * activity's conversation reference, kept per conversation so an agent's message goes out as it is sent, from any
 * replica. Saved by the channel on turns that ask for or talk to a person; opaque to the handoff code.
 */
export interface ReplyAddresses {
  save(conversation: string, user: string, address: object): Promise<void>;
  get(conversation: string): Promise<{ address: object; savedAt: string } | undefined>;
}

type Row = { address: unknown; saved_at: unknown };

/** Over either database (table `handoff_addresses`, created with the handoff tables); one statement each. */
export function createSqlReplyAddresses(db: SqlRunner): ReplyAddresses {
  const t = db.table('handoff_addresses');
  return {
    async save(conversation, user, address) {
      await db.run(`INSERT INTO ${t} (conversation, "user", address, saved_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (conversation) DO UPDATE SET "user" = excluded."user", address = excluded.address, saved_at = excluded.saved_at`,
      [conversation, user, JSON.stringify(address), new Date().toISOString()]);
    },
    async get(conversation) {
      const [row] = await db.all<Row>(`SELECT address, saved_at FROM ${t} WHERE conversation = $1`, [conversation]);
      return row && { address: jsonOf(row.address), savedAt: isoOf(row.saved_at) };
    },
  };
}

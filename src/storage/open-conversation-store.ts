import type { ConversationStore } from './conversation-store.ts';
import { resolveDbTarget } from './db-target.ts';
import { openSqliteConversationStore } from './sqlite-conversation-store.ts';

/**
 * Opens the conversation store named by `db`, with the catalog's rules (resolveDbTarget): PostgreSQL for
 * `postgres://…?schema=NAME`, SQLite for `sqlite:PATH`, SQLite at `<homeDir>/conversations.db` when empty.
 * Its tables do not clash with the catalog's, so both may share one database, schema or file.
 */
export async function openConversationStore(db: string, homeDir: string, options: { lockTimeoutMs?: number } = {}): Promise<ConversationStore> {
  const target = resolveDbTarget(db, homeDir, 'conversations.db');
  if (target.kind === 'sqlite') return openSqliteConversationStore(target.path, options);
  // `pg` loads only for a PostgreSQL target: SQLite homes never pay for it.
  const { openPostgresConversationStore } = await import('./postgres-conversation-store.ts');
  return openPostgresConversationStore(target.url, { schema: target.schema, ...options });
}

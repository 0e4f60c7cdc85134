import type { ConversationStore } from './conversation-store.ts';
import { resolveDbTarget } from './db-target.ts';
import { openSqliteConversationStore } from './sqlite-conversation-store.ts';

/**
 * Opens the conversation store named by `db`, with the catalog's rules (resolveDbTarget): PostgreSQL for
 * `postgres://…?schema=NAME`, SQLite for `sqlite:PATH`, SQLite at `<homeDir>/conversations.db` when empty.
 * Its tables do not clash with the catalog's, so both may share one database, schema or file. With `create: false`
 * a missing PostgreSQL store is refused with ARTIFACT_MISSING and nothing is created (callers check a SQLite file exists).
 */
export async function openConversationStore(db: string, homeDir: string, options: { lockTimeoutMs?: number; create?: boolean } = {}): Promise<ConversationStore> {
  const { create, ...sqliteOptions } = options;
  const target = resolveDbTarget(db, homeDir, 'conversations.db', { createHome: create ?? true });
  if (target.kind === 'sqlite') return openSqliteConversationStore(target.path, sqliteOptions);
  // `pg` loads only for a PostgreSQL target: SQLite homes never pay for it.
  const { openPostgresConversationStore } = await import('./postgres-conversation-store.ts');
  return openPostgresConversationStore(target.url, { schema: target.schema, ...options });
}

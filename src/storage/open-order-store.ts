import { resolveDbTarget } from './db-target.ts';
import type { OrderStore } from './order-store.ts';
import { openSqliteOrderStore } from './sqlite-order-store.ts';

/** The order store beside the conversation store `db` names (same rules as openConversationStore). */
export async function openOrderStore(db: string, homeDir: string): Promise<OrderStore> {
  const target = resolveDbTarget(db, homeDir, 'conversations.db', { createHome: true });
  if (target.kind === 'sqlite') return openSqliteOrderStore(target.path);
  const { openPostgresOrderStore } = await import('./postgres-order-store.ts');
  return openPostgresOrderStore(target.url, target.schema);
}

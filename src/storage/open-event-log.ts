import { resolveDbTarget } from './db-target.ts';
import type { EventLog } from './event-log.ts';
import { openSqliteEventLog } from './sqlite-event-log.ts';

/** The event log beside the conversation store `db` names (same rules as openConversationStore). */
export async function openEventLog(db: string, homeDir: string): Promise<EventLog> {
  const target = resolveDbTarget(db, homeDir, 'conversations.db', { createHome: true });
  if (target.kind === 'sqlite') return openSqliteEventLog(target.path);
  const { openPostgresEventLog } = await import('./postgres-event-log.ts');
  return openPostgresEventLog(target.url, target.schema);
}

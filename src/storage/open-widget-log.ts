import { resolveDbTarget } from './db-target.ts';
import { openSqliteWidgetLog } from './sqlite-widget-log.ts';
import type { WidgetLog } from './widget-log.ts';

/** The widget log beside the conversation store `db` names (same rules as openConversationStore). */
export async function openWidgetLog(db: string, homeDir: string): Promise<WidgetLog> {
  const target = resolveDbTarget(db, homeDir, 'conversations.db', { createHome: true });
  if (target.kind === 'sqlite') return openSqliteWidgetLog(target.path);
  const { openPostgresWidgetLog } = await import('./postgres-widget-log.ts');
  return openPostgresWidgetLog(target.url, target.schema);
}

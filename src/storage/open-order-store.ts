import { resolveDbTarget } from './db-target.ts';
import type { OrderStore } from './order-store.ts';
import { openSqliteOrderStore } from './sqlite-order-store.ts';

/** SQLite's file for orders when --db is empty: business records, kept apart from conversations (and copied with the catalog). */
export const ORDERS_FILE = 'orders.db';

/** The order store `db` names: `<home>/orders.db` when empty, else the same database or schema as every store. */
export async function openOrderStore(db: string, homeDir: string): Promise<OrderStore> {
  const target = resolveDbTarget(db, homeDir, ORDERS_FILE, { createHome: true });
  if (target.kind === 'sqlite') return openSqliteOrderStore(target.path);
  const { openPostgresOrderStore } = await import('./postgres-order-store.ts');
  return openPostgresOrderStore(target.url, target.schema);
}

import type { CatalogStore } from './catalog-store.ts';
import { resolveDbTarget } from './db-target.ts';
import { openPostgresCatalogStore } from './postgres-catalog-store.ts';
import { openSqliteCatalogStore } from './sqlite-catalog-store.ts';

/**
 * Opens the catalog store named by `db` (rules in resolveDbTarget): PostgreSQL for `postgres://…?schema=NAME`,
 * SQLite for `sqlite:PATH`, SQLite at `<homeDir>/catalog.db` when empty.
 */
export async function openCatalogStore(db: string, homeDir: string): Promise<CatalogStore> {
  const target = resolveDbTarget(db, homeDir, 'catalog.db');
  return target.kind === 'postgres'
    ? openPostgresCatalogStore(target.url, { schema: target.schema })
    : openSqliteCatalogStore(target.path);
}

import type { CatalogStore } from './catalog-store.ts';
import { resolveDbTarget } from './db-target.ts';
import { openSqliteCatalogStore } from './sqlite-catalog-store.ts';

/**
 * Opens the catalog store named by `db` (rules in resolveDbTarget): PostgreSQL for `postgres://…?schema=NAME`,
 * SQLite for `sqlite:PATH`, SQLite at `<homeDir>/catalog.db` when empty. With `create: false` (commands that
 * only read the catalog) a missing catalog is refused with ARTIFACT_MISSING and nothing is created: no home,
 * no file, no schema.
 */
export async function openCatalogStore(db: string, homeDir: string, options: { create?: boolean } = {}): Promise<CatalogStore> {
  const create = options.create ?? true;
  const target = resolveDbTarget(db, homeDir, 'catalog.db', { createHome: create });
  if (target.kind === 'sqlite') return openSqliteCatalogStore(target.path, { create });
  // `pg` loads only for a PostgreSQL target: SQLite homes never pay for it.
  const { openPostgresCatalogStore } = await import('./postgres-catalog-store.ts');
  return openPostgresCatalogStore(target.url, { schema: target.schema, create });
}

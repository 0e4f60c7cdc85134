import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { CatalogStore } from './catalog-store.ts';
import { openPostgresCatalogStore } from './postgres-catalog-store.ts';
import { openSqliteCatalogStore } from './sqlite-catalog-store.ts';

/**
 * Opens the catalog store named by `db`: `postgres://` or `postgresql://` → PostgreSQL (tables in the
 * `?schema=NAME` parameter, default `aisle` so nothing collides with other apps' tables in `public`), `sqlite:PATH` → SQLite at PATH, empty → SQLite at
 * `<homeDir>/catalog.db` (homeDir is created).
 */
export async function openCatalogStore(db: string, homeDir: string): Promise<CatalogStore> {
  const target = db.trim();
  if (/^postgres(ql)?:\/\//i.test(target)) return openPostgres(target);
  if (/^sqlite:/i.test(target)) {
    // `sqlite:///abs/file.db` and `sqlite://rel.db` are read like `sqlite:/abs/file.db` and `sqlite:rel.db`.
    const path = target.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new AppError('CONFIG_INVALID', '--db sqlite: needs a file path, e.g. sqlite:./catalog.db.');
    return openSqliteCatalogStore(path);
  }
  if (target === '') return openSqliteCatalogStore(join(ensureDir(homeDir), 'catalog.db'));
  throw new AppError('CONFIG_INVALID',
    `--db "${hidePassword(target)}" is not supported: use postgres://…, sqlite:PATH, or leave it empty for ${join(homeDir, 'catalog.db')}.`);
}

/** `schema` is Aisle's parameter, not libpq's, so it is taken out before the URL reaches the driver. */
function openPostgres(target: string): Promise<CatalogStore> {
  let url: URL;
  try {
    url = new URL(target);
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `--db ${hidePassword(target)} is not a valid URL: ${(err as Error).message}.`, { cause: err });
  }
  const schema = url.searchParams.get('schema') ?? 'aisle';
  url.searchParams.delete('schema');
  return openPostgresCatalogStore(url.toString(), { schema });
}

function ensureDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch (err) {
    throw new AppError('UNAVAILABLE', `Cannot create the Aisle home directory ${dir}: ${(err as Error).message}. Create it or choose another home.`, { cause: err });
  }
}

function hidePassword(target: string): string {
  return target.replace(/\/\/[^@/]*@/, '//***@');
}

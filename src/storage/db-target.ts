import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/** Where a store lives, read from `--db`. */
export type DbTarget =
  | { kind: 'postgres'; url: string; schema: string }
  | { kind: 'sqlite'; path: string };

/**
 * Reads `--db`: `postgres://` or `postgresql://` → PostgreSQL (tables in the `?schema=NAME` parameter, default
 * `aisle` so nothing collides with other apps' tables in `public`), `sqlite:PATH` → SQLite at PATH, empty →
 * SQLite at `<homeDir>/<defaultFile>` (homeDir is created unless `createHome` is false: read-only commands
 * must not leave an empty home behind). Every store opener shares these rules, so one `--db` puts all of
 * Aisle's tables in one place.
 */
export function resolveDbTarget(db: string, homeDir: string, defaultFile: string, options: { createHome?: boolean } = {}): DbTarget {
  const target = db.trim();
  if (/^postgres(ql)?:\/\//i.test(target)) return postgresTarget(target);
  if (/^sqlite:/i.test(target)) {
    // `sqlite:///abs/file.db` and `sqlite://rel.db` are read like `sqlite:/abs/file.db` and `sqlite:rel.db`.
    const path = target.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new AppError('CONFIG_INVALID', `--db sqlite: needs a file path, e.g. sqlite:./${defaultFile}.`);
    return { kind: 'sqlite', path };
  }
  if (target === '') return { kind: 'sqlite', path: join(options.createHome === false ? homeDir : ensureDir(homeDir), defaultFile) };
  throw new AppError('CONFIG_INVALID',
    `--db "${hidePassword(target)}" is not supported: use postgres://…, sqlite:PATH, or leave it empty for ${join(homeDir, defaultFile)}.`);
}

/**
 * Refuses a schema name that would need quoting: it is spliced into every statement. Lives here, not
 * beside the driver, so the configuration is checked without loading `pg`.
 */
export function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new AppError('CONFIG_INVALID', `PostgreSQL schema "${schema}" is not a plain lower-case identifier.`);
  }
}

/** `schema` is Aisle's parameter, not libpq's, so it is taken out before the URL reaches the driver. */
function postgresTarget(target: string): DbTarget {
  let url: URL;
  try {
    url = new URL(target);
  } catch (err) {
    throw new AppError('CONFIG_INVALID', `--db ${hidePassword(target)} is not a valid URL: ${(err as Error).message}.`, { cause: err });
  }
  const schema = url.searchParams.get('schema') ?? 'aisle';
  url.searchParams.delete('schema');
  return { kind: 'postgres', url: url.toString(), schema };
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

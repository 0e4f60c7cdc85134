// One way to run a statement on either database, for stores whose every write is a single statement
// (the handoff queue, the agent directory): their SQL is written once, with $1-style placeholders.
import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { withClient, type PgTarget } from './postgres-pool.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';

export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** `name` as it is written in a statement: the table itself in SQLite, schema-qualified in PostgreSQL. */
  table(name: string): string;
  /** Rows of a query (or of a write's RETURNING). */
  all<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** How many rows a write changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** Over a better-sqlite3 connection: `$n` becomes the named parameter `@pn`, statements are prepared once. */
export function sqliteRunner(db: Database.Database, path: string): SqlRunner {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, statement = db.prepare(sql.replace(/\$(\d+)/g, '@p$1')));
    return statement;
  };
  const named = (params: readonly unknown[]) => Object.fromEntries(params.map((v, i) => [`p${i + 1}`, typeof v === 'boolean' ? Number(v) : v]));
  const guard = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError || !String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw err;
      throw new AppError('UNAVAILABLE', `Cannot use the handoff tables in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
    }
  };
  return {
    dialect: 'sqlite',
    table: (name) => name,
    all: async <R>(sql: string, params: readonly unknown[] = []) => guard(() => {
      const statement = prepare(sql);
      return (statement.reader ? statement.all(named(params)) : (statement.run(named(params)), [])) as R[];
    }),
    run: async (sql, params = []) => guard(() => prepare(sql).run(named(params)).changes),
    close: async () => { db.close(); },
  };
}

/** Over a pg pool, tables in `schema`. */
export function postgresRunner(db: PgTarget, schema: string): SqlRunner {
  return {
    dialect: 'postgres',
    table: (name) => `"${schema}".${name}`,
    all: <R>(sql: string, params: readonly unknown[] = []) => withClient(db, async (c) => (await c.query(sql, [...params])).rows as R[]),
    run: (sql, params = []) => withClient(db, async (c) => (await c.query(sql, [...params])).rowCount ?? 0),
    close: () => db.pool.end(),
  };
}

/** A time column's value as ISO text, whichever database returned it. */
export function isoOf(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A JSON column's value, parsed when the database returned text. */
export function jsonOf<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Product, StoredProduct } from '../domain.ts';
import { AppError } from '../errors.ts';
import type { CatalogChanges, CatalogStore, UpsertResult } from './catalog-store.ts';
import { digestProducts, diffDigests, type ProductDigest } from './catalog-diff.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';
import { openSqliteDatabase } from './sqlite-database.ts';

/** Schema version kept in SQLite's `user_version`; bump it and add a step to MIGRATIONS to change tables. */
const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE products (id TEXT PRIMARY KEY NOT NULL, hash TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX products_version ON products (version);
    CREATE TABLE removed (id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL);
    CREATE INDEX removed_version ON removed (version);
    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    INSERT INTO meta (key, value) VALUES ('version', '0');
  `,
};

interface ProductRow {
  doc: string;
  version: number;
}

/**
 * Opens (creating or migrating) the SQLite catalog at `path`; throws AppError UNAVAILABLE when it cannot.
 * With `create: false` a missing or never-written catalog is ARTIFACT_MISSING and no file is created.
 */
export function openSqliteCatalogStore(path: string, options: { create?: boolean } = {}): CatalogStore {
  const create = options.create ?? true;
  if (!create && !existsSync(path)) throw missingCatalog(path);
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    if (!create && db.pragma('user_version', { simple: true }) === 0) throw missingCatalog(path);
    migrate(db, path);
    return createStore(db);
  } catch (err) {
    db?.close();
    if (err instanceof AppError) throw err;
    throw new AppError('UNAVAILABLE', `Cannot open the SQLite catalog at ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function missingCatalog(path: string): AppError {
  return new AppError('ARTIFACT_MISSING', `No catalog at ${path}: run \`aisle demo\` or \`aisle ingest FILE\` first.`);
}

function migrate(db: Database.Database, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new AppError('ARTIFACT_MISMATCH',
      `The SQLite catalog at ${path} has schema ${current}, newer than this Aisle understands (${SCHEMA_VERSION}). Upgrade Aisle or use another --db.`);
  }
  db.transaction(() => {
    for (let step = current + 1; step <= SCHEMA_VERSION; step++) db.exec(MIGRATIONS[step] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    // Added after schema 1 shipped, so created on open rather than by a migration step.
    db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('catalog_id', ?)`).run(randomUUID());
  }).immediate();
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    version: db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'version'`).pluck(),
    catalogId: db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'catalog_id'`).pluck(),
    setVersion: db.prepare<[string]>(`UPDATE meta SET value = ? WHERE key = 'version'`),
    hash: db.prepare<[string], string>('SELECT hash FROM products WHERE id = ?').pluck(),
    write: db.prepare<[string, string, number, string]>(
      `INSERT INTO products (id, hash, version, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, version = excluded.version, doc = excluded.doc`),
    untomb: db.prepare<[string]>('DELETE FROM removed WHERE id = ?'),
    ids: db.prepare<[], string>('SELECT id FROM products').pluck(),
    remove: db.prepare<[string]>('DELETE FROM products WHERE id = ?'),
    tomb: db.prepare<[string, number]>(
      'INSERT INTO removed (id, version) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version'),
    all: db.prepare<[], ProductRow>('SELECT doc, version FROM products ORDER BY id'),
    get: db.prepare<[string], ProductRow & { id: string }>(
      'SELECT id, doc, version FROM products WHERE id IN (SELECT value FROM json_each(?))'),
    changed: db.prepare<[number], ProductRow>('SELECT doc, version FROM products WHERE version > ? ORDER BY id'),
    removed: db.prepare<[number], string>('SELECT id FROM removed WHERE version > ? ORDER BY id').pluck(),
    count: db.prepare<[], number>('SELECT count(*) FROM products').pluck(),
  };
}

function createStore(db: Database.Database): CatalogStore {
  const sql = prepareStatements(db);
  const upsertTx = db.transaction((products: readonly Product[], replace: boolean) => upsertRows(sql, products, replace));
  const changesTx = db.transaction((since: number): CatalogChanges => ({
    changed: sql.changed.all(since).map(toStored),
    removed: sql.removed.all(since),
    version: readVersion(sql),
  }));
  return {
    // IMMEDIATE takes the write lock before reading, so two connections cannot both build on version N.
    upsert: async (products, options) => upsertTx.immediate(products, options?.replace ?? false),
    all: async () => sql.all.all().map(toStored),
    get: async (ids) => {
      const found = new Map(sql.get.all(JSON.stringify(ids)).map((row) => [row.id, toStored(row)]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    changesSince: async (version) => changesTx(version),
    version: async () => readVersion(sql),
    count: async () => sql.count.get() ?? 0,
    catalogId: async () => sql.catalogId.get()!,
    close: async () => {
      db.close();
    },
  };
}

/** The body of one upsert; runs inside the caller's transaction. */
function upsertRows(sql: Statements, products: readonly Product[], replace: boolean): UpsertResult {
  const digests = digestProducts(products);
  const current = readVersion(sql);
  const next = current + 1;
  const stored = new Map<string, string>();
  for (const d of digests) {
    const hash = sql.hash.get(d.id);
    if (hash !== undefined) stored.set(d.id, hash);
  }
  const diff = diffDigests(digests, stored);
  writeRows(sql, diff.inserted, next, true);
  writeRows(sql, diff.updated, next, false);
  const removed = replace ? removeAbsent(sql, new Set(digests.map((d) => d.id)), next) : 0;
  const changed = diff.inserted.length + diff.updated.length + removed > 0;
  if (changed) sql.setVersion.run(String(next));
  return {
    inserted: diff.inserted.length, updated: diff.updated.length, unchanged: diff.unchanged, removed,
    version: changed ? next : current,
  };
}

function writeRows(sql: Statements, digests: readonly ProductDigest[], version: number, fresh: boolean): void {
  for (const d of digests) {
    sql.write.run(d.id, d.hash, version, d.json);
    if (fresh) sql.untomb.run(d.id); // a product re-added after removal is no longer removed
  }
}

function removeAbsent(sql: Statements, keep: ReadonlySet<string>, version: number): number {
  const absent = sql.ids.all().filter((id) => !keep.has(id));
  for (const id of absent) {
    sql.remove.run(id);
    sql.tomb.run(id, version);
  }
  return absent.length;
}

function readVersion(sql: Statements): number {
  return Number(sql.version.get() ?? 0);
}

function toStored(row: ProductRow): StoredProduct {
  // Set on the parsed object rather than spread into a copy: a 20,000-product load makes half the garbage.
  const product = JSON.parse(row.doc) as StoredProduct;
  product.version = row.version;
  return product;
}

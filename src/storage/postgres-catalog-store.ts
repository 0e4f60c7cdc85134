import { randomUUID } from 'node:crypto';
import type { Product, StoredProduct } from '../domain.ts';
import { AppError } from '../errors.ts';
import type { CatalogChanges, CatalogStore, UpsertResult } from './catalog-store.ts';
import { chunk, digestProducts, diffDigests, type ProductDigest } from './catalog-diff.ts';
import { unopenable } from './postgres-errors.ts';
import { checkSchemaName } from './db-target.ts';
import { createPool, withClient, type Client, type PgTarget } from './postgres-pool.ts';
import { transaction } from './postgres-transaction.ts';

/** Schema version kept in meta('schema_version'); a database written by a newer Aisle is refused. */
const SCHEMA_VERSION = 1;
/** Rows per statement: big enough that 20,000 products take a few dozen round trips. */
const BATCH = 2000;

interface ProductRow {
  id: string;
  doc: Product;
  version: number;
}


interface Db extends PgTarget {
  /** The quoted schema name, prefixed to every table. */
  q: string;
}

/**
 * Opens the PostgreSQL catalog at `url`, creating its tables in `options.schema` (default `public`);
 * with `create: false` a schema without the catalog is ARTIFACT_MISSING and nothing is created.
 */
export async function openPostgresCatalogStore(url: string, options: { schema?: string; create?: boolean } = {}): Promise<CatalogStore> {
  const schema = options.schema ?? 'public';
  const create = options.create ?? true;
  checkSchemaName(schema);
  const pool = createPool(url, 4);
  const db: Db = { pool, url, q: `"${schema}"`, refused: (err) => unopenable(url, schema, err) };
  try {
    await transaction(db, (c) => migrate(c, db.q, schema, create));
  } catch (err) {
    await pool.end().catch(() => {});
    throw err instanceof AppError ? err : unopenable(url, schema, err);
  }
  return createStore(db);
}

async function migrate(c: Client, q: string, schema: string, create: boolean): Promise<void> {
  // Two processes opening a fresh schema at once would race on CREATE.
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-catalog:${schema}`]);
  const installed = await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${q}.meta`]);
  // DDL only when missing: even CREATE ... IF NOT EXISTS demands CREATE privileges an app role may lack.
  if (installed.rows[0]?.t == null) {
    if (!create) {
      throw new AppError('ARTIFACT_MISSING',
        `No catalog in PostgreSQL schema "${schema}" (check ?schema= in --db): run \`aisle demo\` or \`aisle ingest FILE\` first.`);
    }
    await createTables(c, q, schema);
  }
  await c.query(`INSERT INTO ${q}.meta (key, value) VALUES ('catalog_id', $1) ON CONFLICT (key) DO NOTHING`, [randomUUID()]);
  const { rows } = await c.query<{ value: string }>(`SELECT value FROM ${q}.meta WHERE key = 'schema_version'`);
  const found = Number(rows[0]?.value);
  if (found > SCHEMA_VERSION) {
    throw new AppError('ARTIFACT_MISMATCH',
      `The PostgreSQL catalog in schema "${schema}" has schema ${found}, newer than this Aisle understands (${SCHEMA_VERSION}). Upgrade Aisle or use another schema.`);
  }
}

async function createTables(c: Client, q: string, schema: string): Promise<void> {
  const exists = await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (exists.rowCount === 0) await c.query(`CREATE SCHEMA ${q}`);
  await c.query(`
    CREATE TABLE ${q}.meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE ${q}.products (
      id text COLLATE "C" PRIMARY KEY, hash text NOT NULL, version integer NOT NULL, doc jsonb NOT NULL);
    CREATE INDEX products_version ON ${q}.products (version);
    CREATE TABLE ${q}.removed (id text COLLATE "C" PRIMARY KEY, version integer NOT NULL);
    CREATE INDEX removed_version ON ${q}.removed (version);
    INSERT INTO ${q}.meta (key, value) VALUES ('version', '0'), ('schema_version', '${SCHEMA_VERSION}');`);
}

function createStore(db: Db): CatalogStore {
  const { q } = db;
  const select = `SELECT id, doc, version FROM ${q}.products`;
  let closed = false;
  return {
    upsert: async (products, options) => {
      const digests = digestProducts(products); // before BEGIN: a product that cannot be serialised costs no round trip
      return transaction(db, (c) => upsertRows(c, q, digests, options?.replace ?? false));
    },
    all: () => withClient(db, async (c) => (await c.query<ProductRow>(`${select} ORDER BY id`)).rows.map(toStored)),
    get: (ids) => withClient(db, async (c) => {
      const { rows } = await c.query<ProductRow>(`${select} WHERE id = ANY($1::text[])`, [ids]);
      const found = new Map(rows.map((row) => [row.id, toStored(row)]));
      return ids.flatMap((id) => found.get(id) ?? []);
    }),
    changesSince: (version) => transaction(db, (c) => readChanges(c, q, version), 'ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    version: () => withClient(db, (c) => readVersion(c, q)),
    count: () => withClient(db, async (c) => Number((await c.query(`SELECT count(*) AS n FROM ${q}.products`)).rows[0].n)),
    catalogId: () => withClient(db, async (c) => String((await c.query(`SELECT value FROM ${q}.meta WHERE key = 'catalog_id'`)).rows[0].value)),
    close: async () => {
      if (!closed) await db.pool.end();
      closed = true;
    },
  };
}

async function upsertRows(c: Client, q: string, digests: ProductDigest[], replace: boolean): Promise<UpsertResult> {
  // Row lock on the version: concurrent upserts, from any process, queue here and never share a version.
  const current = Number((await c.query(`SELECT value FROM ${q}.meta WHERE key = 'version' FOR UPDATE`)).rows[0].value);
  const next = current + 1;
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, removed: 0, version: current };
  for (const batch of chunk(digests, BATCH)) {
    const { rows } = await c.query<{ id: string; hash: string }>(
      `SELECT p.id, p.hash FROM ${q}.products p JOIN unnest($1::text[]) AS k(id) ON p.id = k.id`, [batch.map((d) => d.id)]);
    const diff = diffDigests(batch, new Map(rows.map((row) => [row.id, row.hash])));
    await writeRows(c, q, [...diff.inserted, ...diff.updated], next);
    if (diff.inserted.length > 0) {
      // A product re-added after removal is no longer removed.
      await c.query(`DELETE FROM ${q}.removed WHERE id = ANY($1::text[])`, [diff.inserted.map((d) => d.id)]);
    }
    result.inserted += diff.inserted.length;
    result.updated += diff.updated.length;
    result.unchanged += diff.unchanged;
  }
  if (replace) result.removed = await removeAbsent(c, q, digests.map((d) => d.id), next);
  if (result.inserted + result.updated + result.removed > 0) {
    await c.query(`UPDATE ${q}.meta SET value = $1 WHERE key = 'version'`, [String(next)]);
    result.version = next;
  }
  return result;
}

async function writeRows(c: Client, q: string, digests: readonly ProductDigest[], version: number): Promise<void> {
  if (digests.length === 0) return;
  await c.query(
    `INSERT INTO ${q}.products (id, hash, version, doc)
     SELECT u.id, u.hash, $4, u.doc::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, hash, doc)
     ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash, version = EXCLUDED.version, doc = EXCLUDED.doc`,
    [digests.map((d) => d.id), digests.map((d) => d.hash), digests.map((d) => d.json), version]);
}

async function removeAbsent(c: Client, q: string, keep: readonly string[], version: number): Promise<number> {
  const { rowCount } = await c.query(
    `WITH gone AS (
       DELETE FROM ${q}.products p WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS k(id) WHERE k.id = p.id)
       RETURNING p.id)
     INSERT INTO ${q}.removed (id, version) SELECT id, $2 FROM gone
     ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`, [keep, version]);
  return rowCount ?? 0;
}

async function readChanges(c: Client, q: string, since: number): Promise<CatalogChanges> {
  const changed = await c.query<ProductRow>(`SELECT id, doc, version FROM ${q}.products WHERE version > $1 ORDER BY id`, [since]);
  const removed = await c.query<{ id: string }>(`SELECT id FROM ${q}.removed WHERE version > $1 ORDER BY id`, [since]);
  return { changed: changed.rows.map(toStored), removed: removed.rows.map((row) => row.id), version: await readVersion(c, q) };
}

async function readVersion(c: Client, q: string): Promise<number> {
  return Number((await c.query(`SELECT value FROM ${q}.meta WHERE key = 'version'`)).rows[0]?.value ?? 0);
}

function toStored(row: ProductRow): StoredProduct {
  return { ...row.doc, version: row.version };
}

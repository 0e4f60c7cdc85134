import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import { catalogVocabulary, VOCABULARY_FILE } from '../search/catalog-vocabulary.ts';
import { productNamePairs } from '../understanding/product-names.ts';
import { buildCategoryIndex, CATEGORY_INDEX_FILE } from '../search/category-index.ts';
import { buildLexicalIndex } from './lexical-index.ts';
import type { KindsOf } from '../search/lexicon.ts';
import { embeddingText, lexicalDocument } from '../search/product-text.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import { createHnswIndex, openHnswIndex, type HnswParams } from './hnsw-index.ts';
import type { WritableVectorIndex } from './vector-index.ts';
import { AppError } from '../errors.ts';
import { activateIndex, indexesDir, MANIFEST_FORMAT, readCurrentIndex, type IndexManifest } from './index-manifest.ts';

export interface BuildProgress {
  done: number;
  total: number;
}

export interface BuildOptions {
  home: string;
  store: CatalogStore;
  /** Absent: build the lexical index only (no model configured). */
  embedder?: Embedder;
  hnsw: HnswParams;
  /** Re-embed everything even when an incremental update would do. */
  full?: boolean;
  batchSize: number;
  onProgress?: (p: BuildProgress) => void;
  /** Kinds of nouns from the lexicon: a category answers to the kinds its name covers. */
  kinds?: KindsOf;
}

export interface BuildReport {
  kind: 'full' | 'incremental' | 'up-to-date';
  embedded: number;
  removed: number;
  manifest: IndexManifest;
}

/** Above this share of deleted labels, an update rebuilds the graph instead of growing it. */
const MAX_DELETED_SHARE = 0.25;
/**
 * Files read from the products at build time so start-up need not (open-search.ts). A build from
 * before one existed is brought up to date by the next `aisle index` (or `start`) without re-embedding.
 */
const DERIVED_FILES = [CATEGORY_INDEX_FILE, VOCABULARY_FILE, 'names.json'];

/** Builds (or incrementally updates) the home's indexes and makes the result the active one. */
export async function buildIndexes(o: BuildOptions): Promise<BuildReport> {
  mkdirSync(indexesDir(o.home), { recursive: true });
  const release = acquireBuildLock(o.home);
  try {
    const plan = await planBuild({ ...o, embedderId: o.embedder?.id ?? null });
    if (plan.kind === 'up-to-date') return { kind: plan.kind, embedded: 0, removed: 0, manifest: plan.current.manifest };
    return await writeBuild(o, plan);
  } finally {
    release();
  }
}

/**
 * What buildIndexes would answer when the active build is current for this catalog and embedder id
 * (null: lexical only), else undefined. Loads no model, so a no-op `aisle index` or `start` stays cheap.
 */
export async function currentBuild(home: string, store: CatalogStore, embedderId: string | null): Promise<BuildReport | undefined> {
  const plan = await planBuild({ home, store, embedderId });
  return plan.kind === 'up-to-date' ? { kind: plan.kind, embedded: 0, removed: 0, manifest: plan.current.manifest } : undefined;
}

type Plan =
  | { kind: 'up-to-date'; current: NonNullable<ReturnType<typeof readCurrentIndex>> }
  | { kind: 'full' | 'incremental'; current: ReturnType<typeof readCurrentIndex>; catalogId: string };

/**
 * Incremental only when the active build is of this very catalog, model and graph, and not too holey. A full
 * build never reads the active one: it is how a damaged build (ARTIFACT_MISMATCH) is repaired.
 */
async function planBuild(o: { home: string; store: CatalogStore; embedderId: string | null; full?: boolean }): Promise<Plan> {
  const current = o.full ? undefined : readCurrentIndex(o.home);
  const [catalogId, version] = [await o.store.catalogId(), await o.store.version()];
  const m = current?.manifest;
  const reusable = m && !o.full && m.catalogId === catalogId && version >= m.catalogVersion &&
    (m.embedder?.id ?? null) === o.embedderId;
  const complete = m && DERIVED_FILES.every((f) => f in m.files);
  if (reusable && version === m.catalogVersion && complete) return { kind: 'up-to-date', current };
  const holey = m?.hnsw ? m.hnsw.deleted / Math.max(1, m.productCount + m.hnsw.deleted) > MAX_DELETED_SHARE : false;
  return { kind: reusable && m.hnsw !== null && !holey ? 'incremental' : 'full', current, catalogId };
}

async function writeBuild(o: BuildOptions, plan: Exclude<Plan, { kind: 'up-to-date' }>): Promise<BuildReport> {
  const incremental = plan.kind === 'incremental';
  const previous = plan.current?.manifest;
  const changes = await o.store.changesSince(incremental ? previous!.catalogVersion : 0);
  const dir = path.join(indexesDir(o.home), `build-${Date.now()}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  let hnsw: IndexManifest['hnsw'] = null;
  if (o.embedder) {
    const vectors = incremental
      ? openHnswIndex(plan.current!.dir, o.embedder.dimensions, o.hnsw)
      : createHnswIndex(o.embedder.dimensions, o.hnsw, changes.changed.length);
    vectors.remove(changes.removed);
    await embedInto(vectors, o.embedder, changes.changed, o);
    vectors.save(dir);
    // An updated graph keeps the parameters it was first built with.
    hnsw = incremental ? { ...previous!.hnsw!, deleted: previous!.hnsw!.deleted + changes.removed.length }
      : { m: o.hnsw.m, efConstruction: o.hnsw.efConstruction, deleted: 0 };
  }
  // A full build already holds every product; only an update reads the catalog again.
  const products = incremental ? await o.store.all() : changes.changed;
  const lexical = buildLexicalIndex(products.map(lexicalDocument));
  const snapshot = lexical.toJSON();
  writeFileSync(path.join(dir, 'lexical.json'), JSON.stringify(snapshot));
  writeFileSync(path.join(dir, CATEGORY_INDEX_FILE), JSON.stringify(buildCategoryIndex(products, o.kinds)));
  writeFileSync(path.join(dir, VOCABULARY_FILE), JSON.stringify(catalogVocabulary(products)));
  writeFileSync(path.join(dir, 'names.json'), JSON.stringify(productNamePairs(products)));
  const terms = Object.keys(snapshot.postings).length;
  const manifest = manifestFor(dir, o, { id: plan.catalogId, version: changes.version }, products.length, terms, hnsw);
  activateIndex(o.home, dir, manifest);
  removeOtherBuilds(o.home, dir);
  return { kind: plan.kind, embedded: o.embedder ? changes.changed.length : 0, removed: changes.removed.length, manifest };
}

/**
 * One build at a time per home: a second `aisle index` (or `start`) would otherwise delete the
 * first one's half-written build. A lock left by a crashed process is taken over.
 */
function acquireBuildLock(home: string): () => void {
  const lock = path.join(indexesDir(home), '.build.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (isAlive(owner)) {
        throw new AppError('UNAVAILABLE', `Another \`aisle index\` (pid ${owner}) is building the indexes in ${home}; wait for it to finish.`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new AppError('UNAVAILABLE', `Cannot take the index build lock ${lock}; remove it if no build is running.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function embedInto(vectors: WritableVectorIndex, embedder: Embedder, products: StoredProduct[], o: BuildOptions) {
  for (let i = 0; i < products.length; i += o.batchSize) {
    const batch = products.slice(i, i + o.batchSize);
    const embedded = await embedder.embed(batch.map(embeddingText));
    vectors.upsert(batch.map((p, j) => ({ id: p.id, vector: embedded[j]! })));
    o.onProgress?.({ done: Math.min(i + o.batchSize, products.length), total: products.length });
  }
}

function manifestFor(
  dir: string, o: BuildOptions, catalog: { id: string; version: number }, count: number, terms: number, hnsw: IndexManifest['hnsw'],
): IndexManifest {
  const files = Object.fromEntries(readdirSync(dir).map((f) => {
    const full = path.join(dir, f);
    return [f, { bytes: statSync(full).size, sha256: createHash('sha256').update(readFileSync(full)).digest('hex') }];
  }));
  return {
    format: MANIFEST_FORMAT, buildId: path.basename(dir), builtAt: new Date().toISOString(),
    catalogId: catalog.id, catalogVersion: catalog.version,
    productCount: count, metric: 'cosine',
    embedder: o.embedder ? { id: o.embedder.id, dimensions: o.embedder.dimensions } : null,
    hnsw,
    lexical: { documents: count, terms },
    files,
  };
}

/** Older builds go once the new one is active; a crash before this leaves only harmless leftovers. */
function removeOtherBuilds(home: string, keep: string): void {
  for (const name of readdirSync(indexesDir(home))) {
    if (name.startsWith('build-') && name !== path.basename(keep)) rmSync(path.join(indexesDir(home), name), { recursive: true, force: true });
  }
}

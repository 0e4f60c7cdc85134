import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import { buildLexicalIndex } from '../search/lexical-index.ts';
import { embeddingText, lexicalDocument } from '../search/product-text.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import { createHnswIndex, openHnswIndex, type HnswParams } from '../vector/hnsw-index.ts';
import type { WritableVectorIndex } from '../vector/vector-index.ts';
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
}

export interface BuildReport {
  kind: 'full' | 'incremental' | 'up-to-date';
  embedded: number;
  removed: number;
  manifest: IndexManifest;
}

/** Builds (or incrementally updates) the home's indexes and makes the result the active one. */
export async function buildIndexes(o: BuildOptions): Promise<BuildReport> {
  const current = readCurrentIndex(o.home);
  const sameModel = current && (current.manifest.embedder?.id ?? null) === (o.embedder?.id ?? null);
  const incremental = !o.full && sameModel && current.manifest.hnsw !== null;
  const changes = await o.store.changesSince(incremental ? current.manifest.catalogVersion : 0);
  if (current && sameModel && !o.full && changes.version === current.manifest.catalogVersion) {
    return { kind: 'up-to-date', embedded: 0, removed: 0, manifest: current.manifest };
  }
  const dir = path.join(indexesDir(o.home), `build-${Date.now()}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  let vectors: WritableVectorIndex | undefined;
  if (o.embedder) {
    vectors = incremental
      ? openHnswIndex(current.dir, o.embedder.dimensions, o.hnsw)
      : createHnswIndex(o.embedder.dimensions, o.hnsw, changes.changed.length);
    vectors.remove(changes.removed);
    await embedInto(vectors, o.embedder, changes.changed, o);
    vectors.save(dir);
  }
  const products = await o.store.all();
  const lexical = buildLexicalIndex(products.map(lexicalDocument));
  writeFileSync(path.join(dir, 'lexical.json'), JSON.stringify(lexical.toJSON()));
  // An updated graph keeps the parameters it was first built with.
  const hnsw = !vectors ? null : incremental ? current.manifest.hnsw : { m: o.hnsw.m, efConstruction: o.hnsw.efConstruction };
  const manifest = manifestFor(dir, o, changes.version, products.length, lexical.toJSON().postings, hnsw);
  activateIndex(o.home, dir, manifest);
  removeOtherBuilds(o.home, dir);
  const kind = incremental ? 'incremental' : 'full';
  return { kind, embedded: o.embedder ? changes.changed.length : 0, removed: changes.removed.length, manifest };
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
  dir: string, o: BuildOptions, catalogVersion: number, count: number, postings: object, hnsw: IndexManifest['hnsw'],
): IndexManifest {
  const files = Object.fromEntries(readdirSync(dir).map((f) => {
    const full = path.join(dir, f);
    return [f, { bytes: statSync(full).size, sha256: createHash('sha256').update(readFileSync(full)).digest('hex') }];
  }));
  return {
    format: MANIFEST_FORMAT, buildId: path.basename(dir), builtAt: new Date().toISOString(), catalogVersion,
    productCount: count, metric: 'cosine',
    embedder: o.embedder ? { id: o.embedder.id, dimensions: o.embedder.dimensions } : null,
    hnsw,
    lexical: { documents: count, terms: Object.keys(postings).length },
    files,
  };
}

/** Older builds go once the new one is active; a crash before this leaves only harmless leftovers. */
function removeOtherBuilds(home: string, keep: string): void {
  for (const name of readdirSync(indexesDir(home))) {
    if (name.startsWith('build-') && name !== path.basename(keep)) rmSync(path.join(indexesDir(home), name), { recursive: true, force: true });
  }
}

import type { Config } from '../config.ts';
import type { Embedder } from '../embed/embedder.ts';
import { resolveModelDir } from '../embed/model-dir.ts';
import { openTransformersEmbedder } from '../embed/transformers-embedder.ts';
import { openWorkerEmbedder } from '../embed/worker-embedder.ts';
import { createCachedEmbedder } from '../embed/cached-embedder.ts';
import { createBatchingEmbedder } from '../embed/batching-embedder.ts';
import { openProductSearch } from '../search/open-search.ts';
import { LEXICON_NAME, openLexicon } from '../search/lexicon.ts';
import path from 'node:path';
import { openCatalogStore } from '../storage/open-catalog-store.ts';
import type { CatalogStore } from '../storage/catalog-store.ts';
import type { HnswParams } from '../index/hnsw-index.ts';

/** Composition helpers for commands: each builds one adapter from the parsed config. */

export function hnswParams(config: Config): HnswParams {
  return { m: config.hnswM, efConstruction: config.hnswEfConstruction, efSearch: config.hnswEfSearch };
}

/**
 * The catalog store. Commands that only read it pass `create: false`, so a mistyped home or schema is
 * refused with "no catalog" instead of being created empty.
 */
export function openStore(config: Config, options: { create: boolean }): Promise<CatalogStore> {
  return openCatalogStore(config.db, config.home, options);
}

/**
 * The configured embedding model, or undefined when search runs lexical-only. `ownThread`: on a thread of
 * its own (a server: encoding then never holds up other requests' work on the main thread).
 */
export async function openEmbedder(config: Config, options: { threads?: number; ownThread?: boolean } = {}): Promise<Embedder | undefined> {
  const modelDir = resolveModelDir(config.model, config.modelsDir);
  if (!modelDir) return undefined;
  const o = { modelDir, device: config.device, batchSize: config.batchSize, threads: options.threads };
  return options.ownThread ? openWorkerEmbedder(o) : openTransformersEmbedder(o);
}

export interface StackOptions {
  /**
   * Read every artifact now: a server, so a damaged file stops it at start-up and no request waits for
   * a load. Otherwise (one-shot commands) what a request may not need is read when first used.
   */
  eager?: boolean;
  /** Also load the product-name index (conversations read product names with it). */
  productNames?: boolean;
}

/** Store, model and index, checked against each other; `close` releases all three. Creates nothing. */
export async function openSearchStack(config: Config, options: StackOptions = {}) {
  const store = await openStore(config, { create: false });
  let embedder: Embedder | undefined;
  try {
    // One ONNX thread for queries: more spin between runs on the core the server needs (docs/benchmarks.md, issue 10).
    const opened = await openEmbedder(config, { threads: 1, ownThread: options.eager === true });
    // Queries repeat within a conversation (the previous message, a refined search): each is encoded once;
    // concurrent requests' queries share model calls instead of queueing one run each.
    embedder = opened && createCachedEmbedder(createBatchingEmbedder(opened));
    const lexicon = openLexicon(path.join(config.modelsDir, LEXICON_NAME), { lazy: !options.eager });
    const { search, language, manifest, names, products, vectors } = await openProductSearch({
      home: config.home, store, embedder, hnsw: hnswParams(config), semanticWeight: config.semanticWeight, lexicon, productNames: options.productNames,
    });
    const close = async () => {
      await embedder?.close();
      await store.close();
    };
    return { search, language, manifest, names, products, vectors, store, embedder, close };
  } catch (err) {
    await embedder?.close();
    await store.close();
    throw err;
  }
}

// What the reranker's commands (train, eval) read of a home besides the event log: the catalog's facts and the
// index's product vectors with the encoder that made them. Either may be missing: a home may hold events only.
import type { Config } from '../config.ts';
import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import { embedderId, resolveModelDir } from '../embed/model-dir.ts';
import { isAppError } from '../errors.ts';
import { openHnswIndex } from '../index/hnsw-index.ts';
import { readCurrentIndex } from '../index/index-manifest.ts';
import type { ItemFacts } from '../rerank/features.ts';
import { productFacts } from '../rerank/item-facts.ts';
import { hnswParams, openEmbedder, openStore } from './services.ts';

/** Price, rating, leaf category, brand, colours and price level of each catalog product; none for a home that holds events only. */
export async function catalogFacts(config: Config): Promise<Map<string, ItemFacts>> {
  let products: StoredProduct[];
  try {
    const store = await openStore(config, { create: false });
    try {
      products = await store.all();
    } finally {
      await store.close();
    }
  } catch (err) {
    if (isAppError(err) && err.code === 'ARTIFACT_MISSING') return new Map();
    throw err;
  }
  return productFacts(products);
}

/** Product vectors of the active index and the encoder for queries. */
export interface ContentSource {
  dimensions: number;
  /** The encoder that made the vectors (the index's embedder id): a model trained on them reads only its vectors. */
  model: string;
  vector(id: string): Float32Array | undefined;
  /** The caller closes it. */
  embedder: Embedder;
}

/** The home's product vectors and encoder; undefined (ids only, said on `log`) when either is missing or they disagree. */
export async function contentSource(config: Config, log: (line: string) => void): Promise<ContentSource | undefined> {
  const index = readCurrentIndex(config.home);
  const built = index?.manifest.embedder;
  const modelDir = resolveModelDir(config.model, config.modelsDir);
  if (!index || !built || !modelDir) {
    log(`No ${!index ? 'index' : 'embedding model'} in this home: ids only (aisle index first to add product vectors).`);
    return undefined;
  }
  if (embedderId(modelDir) !== built.id) {
    log(`The index was built with ${built.id}, not the configured model: ids only (aisle index --full to add product vectors).`);
    return undefined;
  }
  const vectors = openHnswIndex(index.dir, built.dimensions, hnswParams(config));
  const embedder = (await openEmbedder(config))!;
  return { dimensions: built.dimensions, model: built.id, vector: (id: string) => vectors.vector(id), embedder };
}

import type { Config } from '../config.ts';
import type { StoredProduct } from '../domain.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import type { Logger } from '../logger.ts';
import { openActiveModel } from '../rerank/active-model.ts';
import { rerankArm } from '../rerank/ab-split.ts';
import { productFacts } from '../rerank/item-facts.ts';
import { createHistoryReader } from '../rerank/history.ts';
import { openModelStore } from '../rerank/model-store.ts';
import { openOnnxRerankModel, type CatalogSources } from '../rerank/onnx-runtime.ts';
import { createPersonalisedSearch } from '../rerank/personalised-search.ts';
import type { ProductSearch } from '../search/search.ts';
import type { EventLog } from '../storage/event-log.ts';

export interface RerankStackDeps {
  search: ProductSearch;
  products: readonly StoredProduct[];
  vectors?: VectorIndex;
  /** The encoder that built `vectors` (the embedder id). */
  vectorModel?: string;
  events: EventLog;
  log?: Logger;
}

/**
 * The search every front door uses: personalised by the model HOME/reranker/CURRENT names (followed while
 * running), or the plain search with AISLE_RERANK=off. No trained model yet: plain search, no error; a broken
 * or incompatible one is logged with the fix (aisle reranker rollback, or aisle train reranker) and the store
 * serves plain search until CURRENT names one that loads: a model must not keep chat, serve or the widget down.
 */
export async function openRerankStack(config: Config, deps: RerankStackDeps): Promise<{ search: ProductSearch; close(): Promise<void> }> {
  if (config.rerank === 'off') return { search: deps.search, close: async () => {} };
  const catalog = catalogSources(deps.products, deps.vectors, deps.vectorModel);
  const active = await openActiveModel(openModelStore(config.home), { load: (version) => openOnnxRerankModel(version, catalog), log: deps.log });
  const search = createPersonalisedSearch({
    base: deps.search, model: () => active.get(), history: createHistoryReader(deps.events),
    arm: (user) => rerankArm(user, config.rerankControlShare), candidates: config.rerankCandidates, log: deps.log,
  });
  return { search, close: () => active.close() };
}

/** The catalog's facts and vectors, as the feature builder reads them. */
export function catalogSources(products: readonly StoredProduct[], vectors?: VectorIndex, vectorModel?: string): CatalogSources {
  const facts = productFacts(products);
  return {
    facts: (id) => facts.get(id),
    vector: (id) => vectors?.vector(id),
    ...(vectors ? { vectorDimensions: vectors.dimensions } : {}),
    ...(vectors && vectorModel ? { vectorModel } : {}),
  };
}

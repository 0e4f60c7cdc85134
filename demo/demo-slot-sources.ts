import { buildCategoryIndex } from '../src/search/category-index.ts';
import { buildFacetVocabulary } from '../src/search/facet-vocabulary.ts';
import { createProductNameIndex } from '../src/understanding/product-names.ts';
import { productTermsOf } from '../src/search/facet-vocabulary.ts';
import type { SlotSources } from '../src/understanding/slot-extractor.ts';
import { generateDemoCatalog } from './generate-catalog.ts';

/**
 * The demo store's vocabulary and product names, for training and evaluating the intent model
 * without a database: slot tags are features, so training must read slots as a store would.
 */
export function demoSlotSources(products = 20_000, seed = 7): SlotSources {
  const catalog = generateDemoCatalog({ count: products, seed });
  return { vocabulary: buildFacetVocabulary(catalog), names: createProductNameIndex(catalog), productTerms: productTermsOf(catalog), categories: buildCategoryIndex(catalog) };
}

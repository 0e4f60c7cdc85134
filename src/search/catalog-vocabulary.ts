import type { Product } from '../domain.ts';
import { buildFacetVocabulary, productTermsOf, storeCurrencyOf, type FacetValue, type FacetVocabulary } from './facet-vocabulary.ts';

/**
 * The file `aisle index` writes. Its name carries the format: v2 added the leaves, paths and other
 * readings that fit words to the kind of product (kind-fit.ts); a build with the older file re-derives
 * it from the products on the next `aisle index`, without re-embedding.
 */
export const VOCABULARY_FILE = 'vocabulary-v2.json';

/** The catalog's own words, as the query parser and the understanding step read a message with them. */
export interface CatalogVocabulary {
  vocabulary: FacetVocabulary;
  /** Stemmed nouns of the categories and tags, in first-seen order (typo matching walks them in this order). */
  productTerms: ReadonlySet<string>;
  /** The currency most products are priced in. */
  currency: string;
}

/**
 * What `aisle index` writes (VOCABULARY_FILE) so start-up reads the words instead of re-reading every
 * title: about half a second for 20,000 products. Entries keep their order, so a loaded vocabulary
 * is the very one `catalogVocabulary` would build from the same products.
 */
export interface SerializedCatalogVocabulary {
  facets: [string, FacetValue][];
  productTerms: string[];
  currency: string;
}

/** Reads the words from the products (catalog order matters: ties and typo neighbours go to the first seen). */
export function catalogVocabulary(products: readonly Product[]): CatalogVocabulary & { toJSON(): SerializedCatalogVocabulary } {
  return loadCatalogVocabulary({
    facets: [...buildFacetVocabulary(products)],
    productTerms: [...productTermsOf(products)],
    currency: storeCurrencyOf(products),
  });
}

export function loadCatalogVocabulary(data: SerializedCatalogVocabulary): CatalogVocabulary & { toJSON(): SerializedCatalogVocabulary } {
  return { vocabulary: new Map(data.facets), productTerms: new Set(data.productTerms), currency: data.currency, toJSON: () => data };
}

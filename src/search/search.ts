import type { StoredProduct } from '../domain.ts';
import type { CategoryIndex } from './category-index.ts';
import type { FacetVocabulary } from './facet-vocabulary.ts';
import type { Filters } from './filters.ts';
import type { ScoreComponents } from './fusion.ts';
import type { ParsedQuery } from './query-parser.ts';

/** The search stage's contract: what the dialogs, the HTTP API and the CLI may ask of it. */

/** Which retrievers a search uses; validated the same way at the CLI and HTTP boundaries. */
export const SEARCH_MODES = ['hybrid', 'lexical', 'vector'] as const;
/**
 * Weight of the semantic list in rank fusion (the lexical one weighs 1), chosen on the retrieval dev
 * split and the dev needs sets (docs/benchmarks.md): the encoder helps most as a second opinion.
 */
export const DEFAULT_SEMANTIC_WEIGHT = 0.1;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchHit {
  product: StoredProduct;
  /**
   * Fused score, higher is better; comparable only within one result list. The list's order is the
   * ranking: products the category step put first (`components.category`) keep their fused score.
   */
  score: number;
  components: ScoreComponents;
}

export interface SearchResult {
  query: string;
  filters: Filters;
  /** Facets read from the text that were dropped, in order, because keeping them all matched nothing. */
  relaxed: string[];
  /** A budget said in another currency: not applied, so the reply can say so. */
  foreignPrice?: ParsedQuery['foreignPrice'];
  /** The thing asked for has no name in this catalog ("tampons"): the reply says so rather than guess. */
  unsold?: string;
  /**
   * A short request names a kind of product ("golf balls", "wine glasses") that none of the first
   * results is, though the words are the store's: the results are alternatives, not matches.
   */
  unmatchedKind?: string;
  mode: SearchMode;
  results: SearchHit[];
  /** The query's embedding, when the search made one (hybrid, vector): the reranker reads it, never re-embeds. */
  queryVector?: Float32Array;
  /** Set when the shopper's history reordered the results: the model version and how many events it read. */
  personalised?: { version: string; history: number };
}

export interface SearchOptions {
  k: number;
  mode?: SearchMode;
  /** Filters from the caller (a dialog's refinements), merged over the ones parsed from the text. */
  filters?: Filters;
  /**
   * The text was understood already (parse once per turn): it is the words to rank by, and these
   * are the filters read from its words, dropped one by one when nothing matches. No re-parsing.
   */
  understood?: { filters: Filters };
  /** The shopper searching (`shop:…`, `anon:…`, a Slack or Teams id): their history may reorder the results. */
  user?: string;
  /** false: the plain order even when a user is given (the shopper switched personalisation off). */
  personalise?: boolean;
}

export interface ProductSearch {
  /** The default mode: hybrid with an embedding model, lexical without. */
  readonly mode: SearchMode;
  /** Products in the catalog searched. */
  readonly size: number;
  product(id: string): StoredProduct | undefined;
  search(text: string, options: SearchOptions): Promise<SearchResult>;
}

/**
 * The catalog's own words, read once when search opens: what understanding reads a message with.
 * Handed to understanding by the composition root, beside (not through) the search.
 */
export interface CatalogLanguage {
  /** Facet values a shopper could type ("navy blue", "linen", "sofa"), keyed by facetKey. */
  vocabulary: FacetVocabulary;
  /** Stemmed nouns of the catalog's categories and tags ("lamp"): what a product is called here. */
  productTerms: ReadonlySet<string>;
  /** The currency the catalog is priced in. */
  currency: string;
  /** What each leaf category is about, from its products' text. */
  categories: CategoryIndex;
}

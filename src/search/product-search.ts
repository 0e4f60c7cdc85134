import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import { buildCategoryIndex, type CategoryIndex } from './category-index.ts';
import { createFacetIndex } from './facet-index.ts';
import { productTermsOf, storeCurrencyOf, type FacetVocabulary } from './facet-vocabulary.ts';
import { facetKey, mergeFilters, productFacets } from './filters.ts';
import { kindNounsOf, missingKind, type StoreKinds } from './kind-match.ts';
import { catalogWordsFor, unsoldThing, type Lexicon } from './lexicon.ts';
import { parseQuery, type ParsedQuery } from './query-parser.ts';
import { embedOnce, retrieveRelaxing, type Retrieval } from './retrieve.ts';
import { DEFAULT_SEMANTIC_WEIGHT, type CatalogLanguage, type ProductSearch, type SearchMode, type SearchOptions, type SearchResult } from './search.ts';
import { stem, terms } from './text.ts';

export interface ProductSearchDeps {
  products: readonly StoredProduct[];
  lexical: LexicalIndex;
  vocabulary: FacetVocabulary;
  /** Absent when no embedding model is configured: search is then lexical only. */
  semantic?: { embedder: Embedder; vectors: VectorIndex };
  /** Weight of the semantic list in the fusion, the lexical one weighing 1. */
  semanticWeight?: number;
  /** General English, to reach the catalog's words from words it never uses ("brolly"). */
  lexicon?: Lexicon;
  /** The categories' documents as `aisle index` wrote them; read from the products when absent. */
  categories?: CategoryIndex;
  /** The catalog's product nouns and currency as `aisle index` wrote them (VOCABULARY_FILE); read from the products when absent. */
  productTerms?: ReadonlySet<string>;
  currency?: string;
}

/** Everything one search reads, built once when search opens. */
interface SearchState {
  deps: ProductSearchDeps;
  retrieval: Retrieval;
  language: CatalogLanguage;
  defaultMode: SearchMode;
  kinds: StoreKinds;
}

/** The catalog's own words for understanding: what `aisle index` wrote, or read from the products. */
export function catalogLanguageOf(deps: ProductSearchDeps): CatalogLanguage {
  return {
    vocabulary: deps.vocabulary,
    productTerms: deps.productTerms ?? productTermsOf(deps.products),
    currency: deps.currency ?? storeCurrencyOf(deps.products),
    categories: deps.categories ?? buildCategoryIndex(deps.products),
  };
}

/** Hybrid product search: parse filters, retrieve lexically and semantically, fuse, filter. */
export function createProductSearch(deps: ProductSearchDeps, language: CatalogLanguage = catalogLanguageOf(deps)): ProductSearch {
  const byId = new Map(deps.products.map((p) => [p.id, p]));
  const retrieval: Retrieval = {
    byId, lexical: deps.lexical, vectors: deps.semantic?.vectors, semanticWeight: deps.semanticWeight ?? DEFAULT_SEMANTIC_WEIGHT, categories: language.categories,
    facetIndex: createFacetIndex(new Map(deps.products.map((p) => [p.id, productFacets(p)]))),
    categoryPaths: new Map(deps.products.flatMap((p) => (p.category.length ? [[p.category.at(-1)!, p.category] as const] : []))),
  };
  const kinds: StoreKinds = {
    nouns: kindNounsOf(deps.products), knows: (t) => language.categories.knows(t) || language.productTerms.has(t),
    // "lights" is the thing wanted, not the shade "light": the parser reads a plural product noun the same way.
    facetOf: (word) => (stem(word) !== word && language.productTerms.has(stem(word)) ? undefined : language.vocabulary.get(facetKey(word))?.facet),
  };
  const state: SearchState = { deps, retrieval, language, defaultMode: deps.semantic ? 'hybrid' : 'lexical', kinds };
  return {
    mode: state.defaultMode,
    size: byId.size,
    product: (id) => byId.get(id),
    search: (text, options) => searchProducts(state, text, options),
  };
}

/** Reads the filters from the words (unless understood already), retrieves, relaxes, and says what it could not find. */
export async function searchProducts(s: SearchState, text: string, options: SearchOptions): Promise<SearchResult> {
  const { deps, language } = s;
  const parsed: Pick<ParsedQuery, 'residual' | 'filters' | 'foreignPrice'> = options.understood
    ? { residual: text, filters: options.understood.filters }
    : parseQuery(text, language.vocabulary, { productTerms: language.productTerms, storeCurrency: language.currency });
  const filters = mergeFilters(parsed.filters, options.filters);
  const mode = options.mode ?? s.defaultMode;
  if (mode !== 'lexical' && !deps.semantic) {
    throw new AppError('BAD_INPUT', `Search mode ${mode} needs an embedding model; configure one with --model or AISLE_MODEL, or use lexical.`);
  }
  // Words the catalog never uses are searched by their related words it does use.
  const categories = language.categories;
  const added = deps.lexicon ? catalogWordsFor(parsed.residual, deps.lexicon, categories) : [];
  const expanded = [parsed.residual, ...added].join(' ');
  const query = {
    said: parsed.residual, expanded, categoryTerms: categories.spelled(terms(expanded)),
    ...(deps.semantic ? { embed: embedOnce(deps.semantic.embedder, parsed.residual) } : {}),
  };
  const unsold = deps.lexicon && unsoldThing(parsed.residual, deps.lexicon, categories);
  // Nothing the shopper said is a word of this catalog, nor a misspelling of one: whatever came back would be a guess.
  const guessing = unsold !== undefined && query.categoryTerms.length === 0 && terms(expanded).every((t) => !categories.knows(t));
  const { hits, relaxed, filters: applied } = guessing ? { hits: [], relaxed: [], filters } : await retrieveRelaxing(s.retrieval, query, parsed.filters, filters, options, mode);
  // An id the catalog no longer has (index and store out of step) is skipped, never shown half-empty.
  const results = hits.flatMap((h) => {
    const product = s.retrieval.byId.get(h.id);
    return product ? [{ product, score: h.score, components: h.components }] : [];
  });
  const unmatchedKind = unsold ? undefined : missingKind(parsed.residual, results.map((r) => r.product), s.kinds);
  // Made once already by the semantic retriever (embedOnce): handed on for the reranker, not computed again.
  const queryVector = mode !== 'lexical' && results.length > 0 && query.embed ? await query.embed() : undefined;
  return { query: text, filters: applied, relaxed, mode, results, ...(queryVector ? { queryVector } : {}), ...(parsed.foreignPrice ? { foreignPrice: parsed.foreignPrice } : {}), ...(unsold ? { unsold } : {}), ...(unmatchedKind ? { unmatchedKind } : {}) };
}

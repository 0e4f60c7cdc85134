import type { StoredProduct } from '../domain.ts';
import { AppError } from '../errors.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import { productTermsOf, storeCurrencyOf, type FacetVocabulary } from './facet-vocabulary.ts';
import { buildCategoryIndex, type CategoryIndex } from './category-index.ts';
import { leadWithCategories, rankCategories } from './category-step.ts';
import { createFacetIndex } from './facet-index.ts';
import { compileFilters, hasFilters, mergeFilters, productFacets, type Filters } from './filters.ts';
import { fuseRankings, type FusedHit, type ScoreComponents } from './fusion.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import { parseQuery, type ParsedQuery } from './query-parser.ts';
import { catalogWordsFor, unsoldThing, type Lexicon } from './lexicon.ts';
import { terms } from './text.ts';

/** Which retrievers a search uses; validated the same way at the CLI and HTTP boundaries. */
export const SEARCH_MODES = ['hybrid', 'lexical', 'vector'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchHit {
  product: StoredProduct;
  /** Fused score, higher is better; comparable only within one result list. */
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
  mode: SearchMode;
  results: SearchHit[];
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
}

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
  /** The catalog's product nouns and currency as `aisle index` wrote them (vocabulary.json); read from the products when absent. */
  productTerms?: ReadonlySet<string>;
  currency?: string;
}

interface QueryText {
  said: string;
  expanded: string;
}

type RelaxableFacet = 'colors' | 'materials' | 'sizes' | 'audience' | 'brands' | 'categories';
/** Order in which facets guessed from the text are given up when nothing matches them all. */
const RELAX_ORDER: RelaxableFacet[] = ['colors', 'materials', 'sizes', 'audience', 'brands', 'categories'];

/**
 * Below this many filtered candidates, exact distances beat a filtered HNSW walk (which degrades
 * when few nodes pass); above it, fetching each vector from the graph costs more than the walk.
 */
const EXACT_BELOW = 400;

/** Hybrid product search: parse filters, retrieve lexically and semantically, fuse, filter. */
export function createProductSearch(deps: ProductSearchDeps) {
  const byId = new Map(deps.products.map((p) => [p.id, p]));
  const facetIndex = createFacetIndex(new Map(deps.products.map((p) => [p.id, productFacets(p)])));
  const defaultMode: SearchMode = deps.semantic ? 'hybrid' : 'lexical';
  const productTerms = deps.productTerms ?? productTermsOf(deps.products);
  const currency = deps.currency ?? storeCurrencyOf(deps.products);
  const categoryIndex = deps.categories ?? buildCategoryIndex(deps.products);
  const categoryOf = (id: string) => byId.get(id)?.category.at(-1);

  /**
   * `said` is what the shopper's words were (the encoder reads it); `expanded` adds the catalog's words
   * for the words it never uses (the lexical retriever and the category step read it).
   */
  async function retrieve(query: QueryText, filters: Filters, k: number, mode: SearchMode): Promise<FusedHit[]> {
    const compiled = compileFilters(filters);
    const passing = hasFilters(filters) ? facetIndex.matching(compiled) : undefined;
    if (passing?.length === 0) return [];
    const allowed = passing && new Set(passing);
    const accept = allowed && ((id: string) => allowed.has(id));
    if (terms(query.said).length === 0) return byPopularity(passing ?? [...byId.keys()], k);
    const depth = Math.max(3 * k, 150);
    const lexical = mode === 'vector' ? [] : deps.lexical.search(query.expanded, depth, accept);
    const semantic = mode === 'lexical' || !deps.semantic ? [] : await semanticHits(query.said, depth, passing, accept);
    const fused = fuseRankings(lexical, semantic, { lexical: 1, semantic: deps.semanticWeight ?? 1 });
    if (filters.categories?.length) return fused.slice(0, k);
    // The words name no kind of product: the likeliest kinds lead (a need, a gift, a goal).
    const ranking = rankCategories(categoryIndex, categoryIndex.spelled(terms(query.expanded)), [lexical, semantic], categoryOf);
    const bestIn = async (category: string) => (await retrieve(query, { ...filters, categories: [category] }, 1, mode))[0];
    return (await leadWithCategories(fused, ranking, categoryOf, bestIn)).slice(0, k);
  }

  // One search embeds its text once, however many relaxing retries it makes.
  let lastQuery: { text: string; vector: Promise<Float32Array> } | undefined;
  function embedQuery(text: string): Promise<Float32Array> {
    if (lastQuery?.text !== text) lastQuery = { text, vector: deps.semantic!.embedder.embed([text]).then(([v]) => v!) };
    return lastQuery.vector;
  }

  async function semanticHits(text: string, depth: number, passing?: string[], accept?: (id: string) => boolean) {
    const { vectors } = deps.semantic!;
    const query = await embedQuery(text);
    const hits = passing && passing.length < EXACT_BELOW
      ? vectors.distances(query!, passing).sort((a, b) => a.distance - b.distance).slice(0, depth)
      : vectors.search(query!, depth, accept);
    return hits.map((h) => ({ id: h.id, similarity: 1 - h.distance }));
  }

  /** With nothing to rank by ("anything under $20"), show the best-reviewed matches first. */
  function byPopularity(ids: string[], k: number) {
    const weight = (p: StoredProduct) => (p.rating ?? 0) * Math.log1p(p.reviewCount ?? 0);
    return ids.map((id) => byId.get(id)!).sort((a, b) => weight(b) - weight(a)).slice(0, k)
      .map((p) => ({ id: p.id, score: weight(p), components: {} }));
  }

  /**
   * Nothing matches every facet read from the words: drop them one by one, least telling first,
   * so "blue linen sofa" still shows linen sofas. The budget and the caller's own filters stay.
   */
  async function retrieveRelaxing(query: QueryText, fromWords: Filters, filters: Filters, options: SearchOptions, mode: SearchMode) {
    let hits = await retrieve(query, filters, options.k, mode);
    const relaxed: RelaxableFacet[] = [];
    for (const facet of RELAX_ORDER) {
      if (hits.length > 0) break;
      if (!fromWords[facet]?.length || options.filters?.[facet]?.length) continue;
      relaxed.push(facet);
      const loosened = { ...filters };
      for (const f of relaxed) delete loosened[f];
      hits = await retrieve(query, loosened, options.k, mode);
    }
    return { hits, relaxed: hits.length > 0 ? relaxed : [] };
  }

  return {
    mode: defaultMode,
    size: byId.size,
    product: (id: string) => byId.get(id),
    /** Every product and the facet words of this catalog: what the conversation reads slots with. */
    products: deps.products,
    vocabulary: deps.vocabulary,
    /** Stemmed nouns of the catalog's categories and tags ("lamp"): what a product is called here. */
    productTerms: productTerms as ReadonlySet<string>,
    /** The currency the catalog is priced in. */
    currency,
    /** What each leaf category is about, from its products' text. */
    categoryIndex,
    async search(text: string, options: SearchOptions): Promise<SearchResult> {
      const parsed: Pick<ParsedQuery, 'residual' | 'filters' | 'foreignPrice'> = options.understood
        ? { residual: text, filters: options.understood.filters }
        : parseQuery(text, deps.vocabulary, { productTerms, storeCurrency: currency });
      const filters = mergeFilters(parsed.filters, options.filters);
      const mode = options.mode ?? defaultMode;
      if (mode !== 'lexical' && !deps.semantic) {
        throw new AppError('BAD_INPUT', `Search mode ${mode} needs an embedding model; configure one with --model or AISLE_MODEL, or use lexical.`);
      }
      lastQuery = undefined; // a new search embeds afresh, so timings stay per query
      // Words the catalog never uses are searched by their related words it does use.
      const added = deps.lexicon ? catalogWordsFor(parsed.residual, deps.lexicon, categoryIndex) : [];
      const query = { said: parsed.residual, expanded: [parsed.residual, ...added].join(' ') };
      const unsold = deps.lexicon && unsoldThing(parsed.residual, deps.lexicon, categoryIndex);
      // Nothing the shopper said is a word of this catalog: whatever came back would be a guess.
      const guessing = unsold !== undefined && terms(query.expanded).every((t) => !categoryIndex.knows(t) && categoryIndex.spelled([t]).length === 0);
      const { hits, relaxed } = guessing ? { hits: [], relaxed: [] } : await retrieveRelaxing(query, parsed.filters, filters, options, mode);
      // An id the catalog no longer has (index and store out of step) is skipped, never shown half-empty.
      const results = hits.flatMap((h) => {
        const product = byId.get(h.id);
        return product ? [{ product, score: h.score, components: h.components }] : [];
      });
      return { query: text, filters, relaxed, mode, results, ...(parsed.foreignPrice ? { foreignPrice: parsed.foreignPrice } : {}), ...(unsold ? { unsold } : {}) };
    },
  };
}

export type ProductSearch = ReturnType<typeof createProductSearch>;

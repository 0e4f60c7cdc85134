import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import type { CategoryIndex } from './category-index.ts';
import { leadWithCategories, rankCategories } from './category-step.ts';
import type { createFacetIndex } from './facet-index.ts';
import { compileFilters, hasFilters, type Filters } from './filters.ts';
import { fuseRankings, type FusedHit } from './fusion.ts';
import type { SearchMode, SearchOptions } from './search.ts';
import { terms } from './text.ts';

/** What retrieval reads, built once when search opens. */
export interface Retrieval {
  byId: ReadonlyMap<string, StoredProduct>;
  facetIndex: ReturnType<typeof createFacetIndex>;
  lexical: LexicalIndex;
  /** Absent when no embedding model is configured: retrieval is then lexical only. */
  vectors?: VectorIndex;
  /** Weight of the semantic list in the fusion, the lexical one weighing 1. */
  semanticWeight: number;
  categories: CategoryIndex;
}

/**
 * One search's words: `said` is what the shopper's words were (the encoder reads it); `expanded` adds
 * the catalog's words for the words it never uses (the lexical retriever reads it); `categoryTerms` are
 * its terms as the categories spell them (the category step reads them). All are read once per search,
 * however many relaxing retries it makes; `embed` encodes `said` once too.
 */
export interface QueryText {
  said: string;
  expanded: string;
  categoryTerms: string[];
  embed?: () => Promise<Float32Array>;
}

/** The query vector, computed on first use and shared by every retry of one search. */
export function embedOnce(embedder: Embedder, text: string): () => Promise<Float32Array> {
  let vector: Promise<Float32Array> | undefined;
  return () => (vector ??= embedder.embed([text]).then(([v]) => v!));
}

type RelaxableFacet = 'colors' | 'materials' | 'sizes' | 'audience' | 'brands' | 'categories';
/** Order in which facets guessed from the text are given up when nothing matches them all. */
const RELAX_ORDER: RelaxableFacet[] = ['colors', 'materials', 'sizes', 'audience', 'brands', 'categories'];

/**
 * Below this many filtered candidates, exact distances beat a filtered HNSW walk (which degrades
 * when few nodes pass); above it, fetching each vector from the graph costs more than the walk.
 */
const EXACT_BELOW = 400;

/**
 * Nothing matches every facet read from the words: drop them one by one, least telling first,
 * so "blue linen sofa" still shows linen sofas. The budget and the caller's own filters stay.
 */
export async function retrieveRelaxing(r: Retrieval, query: QueryText, fromWords: Filters, filters: Filters, options: SearchOptions, mode: SearchMode) {
  let hits = await retrieve(r, query, filters, options.k, mode);
  const relaxed: RelaxableFacet[] = [];
  for (const facet of RELAX_ORDER) {
    if (hits.length > 0) break;
    if (!fromWords[facet]?.length || options.filters?.[facet]?.length) continue;
    relaxed.push(facet);
    const loosened = { ...filters };
    for (const f of relaxed) delete loosened[f];
    hits = await retrieve(r, query, loosened, options.k, mode);
  }
  return { hits, relaxed: hits.length > 0 ? relaxed : [] };
}

/** Filter, retrieve both lists, fuse; when the words name no kind of product, the likeliest kinds lead. */
export async function retrieve(r: Retrieval, query: QueryText, filters: Filters, k: number, mode: SearchMode): Promise<FusedHit[]> {
  const passing = hasFilters(filters) ? r.facetIndex.matching(compileFilters(filters)) : undefined;
  if (passing?.length === 0) return [];
  const allowed = passing && new Set(passing);
  const accept = allowed && ((id: string) => allowed.has(id));
  if (terms(query.said).length === 0) return byPopularity(r, passing ?? [...r.byId.keys()], k);
  const depth = Math.max(3 * k, 150);
  const lexical = mode === 'vector' ? [] : r.lexical.search(query.expanded, depth, accept);
  const semantic = mode === 'lexical' || !r.vectors || !query.embed ? [] : await semanticHits(r.vectors, await query.embed(), depth, passing, accept);
  const fused = fuseRankings(lexical, semantic, { lexical: 1, semantic: r.semanticWeight });
  if (filters.categories?.length || namesEveryWord(r.byId.get(fused[0]?.id ?? ''), query.said)) return fused.slice(0, k);
  // A need, a gift, a goal: the likeliest kinds of product lead.
  const categoryOf = (id: string) => r.byId.get(id)?.category.at(-1);
  const ranking = rankCategories(r.categories, query.categoryTerms, [lexical, semantic], categoryOf);
  const bestIn = async (category: string) => (await retrieve(r, query, { ...filters, categories: [category] }, 1, mode))[0];
  return (await leadWithCategories(fused, ranking, categoryOf, bestIn)).slice(0, k);
}

/**
 * The best match's own title, brand and category hold every word asked ("classic stainless steel water
 * filter"): the shopper named this product, not a need, and its order stays.
 */
function namesEveryWord(product: StoredProduct | undefined, said: string): boolean {
  if (!product) return false;
  const own = new Set(terms([product.title, product.brand ?? '', ...product.category].join(' ')));
  const asked = terms(said);
  return asked.length > 0 && asked.every((t) => own.has(t));
}

async function semanticHits(vectors: VectorIndex, query: Float32Array, depth: number, passing?: string[], accept?: (id: string) => boolean) {
  const hits = passing && passing.length < EXACT_BELOW
    ? vectors.distances(query, passing).sort((a, b) => a.distance - b.distance).slice(0, depth)
    : vectors.search(query, depth, accept);
  return hits.map((h) => ({ id: h.id, similarity: 1 - h.distance }));
}

/** With nothing to rank by ("anything under $20"), show the best-reviewed matches first. */
function byPopularity(r: Retrieval, ids: string[], k: number): FusedHit[] {
  const weight = (p: StoredProduct) => (p.rating ?? 0) * Math.log1p(p.reviewCount ?? 0);
  return ids.map((id) => r.byId.get(id)!).sort((a, b) => weight(b) - weight(a)).slice(0, k)
    .map((p) => ({ id: p.id, score: weight(p), components: {} }));
}

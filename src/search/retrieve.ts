import type { StoredProduct } from '../domain.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { LexicalIndex } from '../index/lexical-index.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import type { CategoryIndex } from './category-index.ts';
import { leadWithCategories, rankCategories } from './category-step.ts';
import type { createFacetIndex } from './facet-index.ts';
import { compileFilters, facetKey, hasFilters, type Filters } from './filters.ts';
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
  /** Each leaf category's path, top level first ("Kitchen", "Cookware", "Skillets & Frying Pans"). */
  categoryPaths: ReadonlyMap<string, readonly string[]>;
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
 * `filters` in the answer are the ones applied: words read only in passing are left out (unsaid, since
 * the shopper never asked for them) when the whole message points elsewhere.
 */
export async function retrieveRelaxing(r: Retrieval, query: QueryText, fromWords: Filters, filters: Filters, options: SearchOptions, mode: SearchMode) {
  let hits = await retrieve(r, query, filters, options.k, mode);
  const read = IN_PASSING.filter((f) => fromWords[f]?.length && !options.filters?.[f]?.length);
  if (hits.length > 0 && read.length > 0 && !(await wordFacetsHold(r, query, filters, read, mode === 'vector' ? mode : 'lexical'))) {
    filters = without(filters, read);
    hits = await retrieve(r, query, filters, options.k, mode);
  }
  const relaxed: RelaxableFacet[] = [];
  for (const facet of RELAX_ORDER) {
    if (hits.length > 0) break;
    if (!fromWords[facet]?.length || options.filters?.[facet]?.length || !filters[facet]?.length) continue;
    relaxed.push(facet);
    hits = await retrieve(r, query, without(filters, relaxed), options.k, mode);
  }
  return { hits, relaxed: hits.length > 0 ? relaxed : [], filters };
}

/** Facets whose words can tell the setting or the trouble rather than the thing wanted. */
const IN_PASSING = ['categories', 'colors', 'materials'] as const;

function without(filters: Filters, facets: readonly (keyof Filters)[]): Filters {
  const rest = { ...filters };
  for (const f of facets) delete rest[f];
  return rest;
}

/**
 * Whether the kind, colour or material the words name is what the shopper wants. In a need it is often
 * the setting or the trouble ("before the gym", "the kitchen tiles are freezing", "basil and mint on the
 * windowsill"): read without those filters, the whole message points at other kinds, and the filters
 * would hide every fitting product. They hold when the likeliest kind of the unfiltered search lies
 * under a named category or, with no category named, is the kind of the best product that passes them.
 * The likeliest kind alone, not the few the category step shows: chosen on the dev sets (needs hybrid
 * top 3 0.565 with three, 0.585 with one; retrieval dev NDCG@10 0.828 either way). In hybrid search the
 * store's own words decide, not the encoder's votes: on a catalog the encoder never saw they set aside
 * filters the shopper meant (held-out catalog hybrid NDCG@10 0.723 → 0.738; the dev split unchanged).
 */
async function wordFacetsHold(r: Retrieval, query: QueryText, filters: Filters, read: readonly (keyof Filters)[], mode: SearchMode): Promise<boolean> {
  if (terms(query.said).length === 0) return true;
  const categoryOf = (id: string) => r.byId.get(id)?.category.at(-1);
  const open = await retrieveLists(r, query, without(filters, read), RANKING_DEPTH, mode);
  const likeliest = rankCategories(r.categories, query.categoryTerms, [open.lexical, open.semantic], categoryOf)[0]?.category;
  if (likeliest === undefined) return true;
  if (filters.categories?.length) {
    const named = new Set(filters.categories.map(facetKey));
    const path = r.categoryPaths.get(likeliest) ?? [];
    // A sibling is the same request told apart by the store's own shelving ("sofa" where modular
    // sofas outnumber the rest and Sectionals leads): the shopper named the kind, so it stays. Only
    // below a department: everything in "Home" is a sibling of everything else there.
    const parentOf = (p: readonly string[] | undefined) => (p && p.length > 2 ? facetKey(p.at(-2)!) : undefined);
    const parent = parentOf(path);
    const sibling = parent !== undefined && filters.categories.some((c) => parentOf(r.categoryPaths.get(c)) === parent);
    return sibling || path.some((p) => named.has(facetKey(p)));
  }
  const kept = await retrieveLists(r, query, filters, RANKING_DEPTH, mode);
  const best = fuseRankings(kept.lexical, kept.semantic, { lexical: 1, semantic: r.semanticWeight })[0];
  return best === undefined || categoryOf(best.id) === likeliest;
}

/** How deep the lists are that vote for a query's kinds (the category step reads their first 30). */
const RANKING_DEPTH = 150;

/** Filter, retrieve both lists, fuse; when the words name no kind of product, the likeliest kinds lead. */
export async function retrieve(r: Retrieval, query: QueryText, filters: Filters, k: number, mode: SearchMode): Promise<FusedHit[]> {
  if (terms(query.said).length === 0) {
    const passing = hasFilters(filters) ? r.facetIndex.matching(compileFilters(filters)) : undefined;
    return byPopularity(r, passing ?? [...r.byId.keys()], k);
  }
  const { lexical, semantic } = await retrieveLists(r, query, filters, Math.max(3 * k, RANKING_DEPTH), mode);
  const fused = fuseRankings(lexical, semantic, { lexical: 1, semantic: r.semanticWeight });
  if (fused.length === 0) return [];
  if (filters.categories?.length || namesEveryWord(r.byId.get(fused[0]?.id ?? ''), query.said)) return fused.slice(0, k);
  // A need, a gift, a goal: the likeliest kinds of product lead.
  const categoryOf = (id: string) => r.byId.get(id)?.category.at(-1);
  const ranking = rankCategories(r.categories, query.categoryTerms, [lexical, semantic], categoryOf);
  const bestIn = async (category: string) => (await retrieve(r, query, { ...filters, categories: [category] }, 1, mode))[0];
  return (await leadWithCategories(fused, ranking, categoryOf, bestIn)).slice(0, k);
}

type Lists = { lexical: ReturnType<LexicalIndex['search']>; semantic: { id: string; similarity: number }[] };
/** Each search's lists by filters, depth and mode: the in-passing check and its retry ask for the same ones again. */
const listsOf = new WeakMap<QueryText, Map<string, Promise<Lists>>>();

/** Both retrievers' lists for the products passing the filters; empty when none pass. Read once per search. */
function retrieveLists(r: Retrieval, query: QueryText, filters: Filters, depth: number, mode: SearchMode): Promise<Lists> {
  const memo = listsOf.get(query) ?? listsOf.set(query, new Map()).get(query)!;
  const key = `${mode} ${depth} ${JSON.stringify(filters)}`;
  let lists = memo.get(key);
  if (!lists) memo.set(key, (lists = readLists(r, query, filters, depth, mode)));
  return lists;
}

async function readLists(r: Retrieval, query: QueryText, filters: Filters, depth: number, mode: SearchMode): Promise<Lists> {
  const passing = hasFilters(filters) ? r.facetIndex.matching(compileFilters(filters)) : undefined;
  if (passing?.length === 0) return { lexical: [], semantic: [] };
  const allowed = passing && new Set(passing);
  const accept = allowed && ((id: string) => allowed.has(id));
  const lexical = mode === 'vector' ? [] : r.lexical.search(query.expanded, depth, accept);
  const semantic = mode === 'lexical' || !r.vectors || !query.embed ? [] : await semanticHits(r.vectors, await query.embed(), depth, passing, accept);
  return { lexical, semantic };
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

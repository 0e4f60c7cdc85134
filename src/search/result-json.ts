import type { SearchHit, SearchResult } from './search.ts';

/** The JSON shape of one ranked product, shared by `aisle search --json` and GET /api/search. */
export function hitJson(hit: SearchHit) {
  const p = hit.product;
  return {
    id: p.id, title: p.title, price: p.price ?? null, currency: p.currency, brand: p.brand ?? null,
    category: p.category.join(' > '), colors: p.colors, sizes: p.sizes, materials: p.materials,
    rating: p.rating ?? null, availability: p.availability, url: p.url ?? null, imageUrl: p.imageUrl ?? null,
    score: round(hit.score), components: Object.fromEntries(Object.entries(hit.components).map(([k, v]) => [k, round(v)])),
  };
}

/** `{"query", "filters", "results"}` as documented in the README. */
export function resultJson(result: SearchResult) {
  return { query: result.query, filters: result.filters, relaxed: result.relaxed, mode: result.mode, results: result.results.map(hitJson) };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

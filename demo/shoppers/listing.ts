/** The result page a simulated shopper sees: the REAL search stage, lexical (fast), each distinct query searched once. */
import type { ProductSearch } from '../../src/search/search.ts';

/** Product ids of the first page for `query`, in the order the store shows them. */
export type Listing = (query: string) => Promise<readonly string[]>;

export interface CachedListing {
  listing: Listing;
  /** Distinct queries searched so far. */
  readonly searched: number;
}

/** Non-personalised on purpose: everyone sees the same page for the same words, as the logged "shown" order. */
export function createCachedListing(search: ProductSearch, pageSize: number): CachedListing {
  const cache = new Map<string, Promise<readonly string[]>>();
  const listing: Listing = (query) => {
    let page = cache.get(query);
    if (!page) {
      page = search.search(query, { k: pageSize, mode: 'lexical' }).then((r) => r.results.map((h) => h.product.id));
      cache.set(query, page);
    }
    return page;
  };
  return { listing, get searched() { return cache.size; } };
}

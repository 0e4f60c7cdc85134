import type { Product, StoredProduct } from '../domain.ts';

/** Counts of what one upsert did; `version` is the catalog version after it. */
export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  version: number;
}

/** Changes after a given catalog version: what the incremental indexer embeds and deletes. */
export interface CatalogChanges {
  changed: StoredProduct[];
  removed: string[];
  version: number;
}

/**
 * Where the catalog lives. One contract suite (test/contract/catalog-store.contract.ts)
 * runs against every implementation.
 */
export interface CatalogStore {
  /**
   * Stores the products in one transaction: all or nothing. A product whose content is identical
   * to the stored one is left untouched (re-ingesting a file is idempotent). With `replace`,
   * products absent from the list are removed in the same transaction. The catalog version is
   * bumped only when something changed.
   */
  upsert(products: readonly Product[], options?: { replace?: boolean }): Promise<UpsertResult>;
  /** Every product, ordered by id. */
  all(): Promise<StoredProduct[]>;
  /** The products with these ids that exist, in the order of `ids`. */
  get(ids: readonly string[]): Promise<StoredProduct[]>;
  /** Products changed and ids removed after `version` (0 = everything). */
  changesSince(version: number): Promise<CatalogChanges>;
  /** Current catalog version; 0 for an empty, never-written catalog. */
  version(): Promise<number>;
  /**
   * A random id fixed when the catalog was created. Versions restart at 0 in a new database, so
   * an index checks this too before trusting a version number.
   */
  catalogId(): Promise<string>;
  count(): Promise<number>;
  close(): Promise<void>;
}

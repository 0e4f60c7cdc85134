import { createHash } from 'node:crypto';
import type { Product } from '../domain.ts';

/** A product ready to store: its id, the sha256 of its canonical JSON, and that JSON. */
export interface ProductDigest {
  id: string;
  /** Hex sha256 of `json`; equal hashes mean identical content. */
  hash: string;
  /** Canonical JSON of the product, without any `version` field. */
  json: string;
}

/** How an upsert's digests compare with what is stored. */
export interface DigestDiff {
  inserted: ProductDigest[];
  updated: ProductDigest[];
  unchanged: number;
}

/** JSON with object keys sorted at every level, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortKeys(v) : v));
}

/**
 * Digests products for storage, last occurrence winning when an id repeats. A `version` field
 * (a StoredProduct passed back in) is bookkeeping, not content, so it is left out of hash and JSON.
 */
export function digestProducts(products: readonly Product[]): ProductDigest[] {
  const byId = new Map<string, ProductDigest>();
  for (const product of products) {
    const { version: _bookkeeping, ...content } = product as Product & { version?: unknown };
    const json = canonicalJson(content);
    const hash = createHash('sha256').update(json).digest('hex');
    byId.delete(product.id); // re-insert so the map keeps the order of last occurrence
    byId.set(product.id, { id: product.id, hash, json });
  }
  return [...byId.values()];
}

/** Splits digests into new, changed and unchanged ones against the stored id → hash map. */
export function diffDigests(digests: readonly ProductDigest[], stored: ReadonlyMap<string, string>): DigestDiff {
  const diff: DigestDiff = { inserted: [], updated: [], unchanged: 0 };
  for (const digest of digests) {
    const hash = stored.get(digest.id);
    if (hash === undefined) diff.inserted.push(digest);
    else if (hash !== digest.hash) diff.updated.push(digest);
    else diff.unchanged += 1;
  }
  return diff;
}

/** Splits a list into consecutive batches of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = value[key];
  return sorted;
}

import type { RowError } from '../domain.ts';
import { AppError } from '../errors.ts';
import type { CatalogStore, UpsertResult } from '../storage/catalog-store.ts';
import { parseCatalog, type CatalogFormat } from './formats.ts';
import type { FieldMapping } from './mapping.ts';

export interface IngestRequest {
  text: string;
  format: CatalogFormat;
  mapping?: FieldMapping;
  /** Swap the whole catalog for this file's products, in one transaction. */
  replace?: boolean;
  /** With replace: go ahead even though some rows were rejected (their products disappear). */
  force?: boolean;
}

export interface IngestSummary {
  format: CatalogFormat;
  accepted: number;
  rejected: RowError[];
  /** Records left out on purpose (drafts), with why. */
  skipped: RowError[];
  stored: UpsertResult;
}

/** Parses a catalog file and stores every accepted product in one transaction. */
export async function ingestCatalog(store: CatalogStore, request: IngestRequest): Promise<IngestSummary> {
  const rows = parseCatalog(request.text, request.format, { mapping: request.mapping });
  const products = rows.flatMap((r) => (r.ok ? [r.product] : []));
  const rejected = rows.flatMap((r) => (r.ok || r.skipped ? [] : [{ line: r.line, reason: r.reason }]));
  const skipped = rows.flatMap((r) => (!r.ok && r.skipped ? [{ line: r.line, reason: r.reason }] : []));
  if (products.length === 0) {
    throw new AppError('BAD_INPUT', `No product in the file could be read (${rejected.length} rows rejected${firstReason(rejected)}). Check --format and --map.`);
  }
  if (request.replace && rejected.length > 0 && !request.force) {
    // Replacing would silently delete the products of the rejected rows.
    throw new AppError('BAD_INPUT',
      `${rejected.length} rows were rejected${firstReason(rejected)}; --replace would drop their products. Fix the rows, or add --force to replace anyway. Nothing was changed.`);
  }
  const stored = await store.upsert(products, { replace: request.replace });
  return { format: request.format, accepted: products.length, rejected, skipped, stored };
}

function firstReason(rejected: RowError[]): string {
  const first = rejected[0];
  return first ? `; first: line ${first.line}: ${first.reason}` : '';
}

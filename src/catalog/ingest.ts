import type { Product, RowError } from '../domain.ts';
import type { CatalogStore, UpsertResult } from '../storage/catalog-store.ts';
import { applyFieldLimits } from './field-limits.ts';
import { parseCatalog, type CatalogFormat } from './formats.ts';
import type { FieldMapping } from './mapping.ts';
import { summariseReasons, type ReasonCount } from './reason-summary.ts';

export interface IngestRequest {
  text: string;
  format: CatalogFormat;
  mapping?: FieldMapping;
  /** Swap the whole catalog for this file's products, in one transaction. */
  replace?: boolean;
  /** With replace: go ahead even though some rows were rejected (their products disappear). */
  force?: boolean;
}

/** What was read from the file, whether or not anything was stored; the report is written from this. */
export interface IngestSummary {
  format: CatalogFormat;
  accepted: number;
  rejected: RowError[];
  /** Records left out on purpose (drafts), with why. */
  skipped: RowError[];
  /** Accepted rows whose long fields were cut to FIELD_LIMITS, with what was cut. */
  trimmed: RowError[];
  /** The rejections grouped by kind of reason, largest group first. */
  reasons: ReasonCount[];
}

/** Stored, or refused with a message saying what to do; nothing is stored when refused. */
export type IngestOutcome =
  | (IngestSummary & { kind: 'stored'; stored: UpsertResult })
  | (IngestSummary & { kind: 'refused'; why: string });

/**
 * Parses a catalog file and stores every accepted product in one transaction. Throws BAD_INPUT only
 * when the file as a whole cannot be read (wrong format, a mapping naming absent columns).
 */
export async function ingestCatalog(store: CatalogStore, request: IngestRequest): Promise<IngestOutcome> {
  const { products, summary } = readCatalog(request);
  const counts = `${summary.rejected.length} rows rejected${firstReason(summary.rejected)}`;
  if (products.length === 0) {
    return { ...summary, kind: 'refused', why: `No product in the file could be read (${counts}). Check --format and --map.` };
  }
  if (request.replace && summary.rejected.length > 0 && !request.force) {
    // Replacing would silently delete the products of the rejected rows.
    const why = `${counts}; --replace would drop their products. Fix the rows, or add --force to replace anyway. Nothing was changed.`;
    return { ...summary, kind: 'refused', why };
  }
  const stored = await store.upsert(products, { replace: request.replace });
  return { ...summary, kind: 'stored', stored };
}

function readCatalog(request: IngestRequest): { products: Product[]; summary: IngestSummary } {
  const limited = parseCatalog(request.text, request.format, { mapping: request.mapping }).map(applyFieldLimits);
  const rows = limited.map((l) => l.row);
  const products = rows.flatMap((r) => (r.ok ? [r.product] : []));
  const rejected = rows.flatMap((r) => (r.ok || r.skipped ? [] : [{ line: r.line, reason: r.reason }]));
  const summary: IngestSummary = {
    format: request.format,
    accepted: products.length,
    rejected,
    skipped: rows.flatMap((r) => (!r.ok && r.skipped ? [{ line: r.line, reason: r.reason }] : [])),
    trimmed: limited.flatMap((l) => (l.trimmed ? [l.trimmed] : [])),
    reasons: summariseReasons(rejected),
  };
  return { products, summary };
}

function firstReason(rejected: RowError[]): string {
  const first = rejected[0];
  return first ? `; first: line ${first.line}: ${first.reason}` : '';
}

/** Generic catalogs: CSV/TSV with a header row, and JSON Lines; columns mapped onto product fields. Pure. */
import type { ParsedRow, Variant } from '../domain.ts';
import { AppError } from '../errors.ts';
import { rejectDuplicateIds } from './dedupe.ts';
import { findColumn, resolveMapping, rowToProduct, type FieldMapping } from './mapping.ts';
import { jsonNestingProblem, rowTextProblem } from './row-guards.ts';
import { readTable } from './table.ts';
import type { RawRecord, RawValue } from './values.ts';

/** Options for a delimited catalog; `mapping` overrides column-name detection field by field. */
export interface DelimitedCatalogOptions {
  delimiter: ',' | '\t';
  mapping?: FieldMapping;
}

/** Parses CSV/TSV; throws BAD_INPUT when the mapping names a column the header lacks. */
export function parseDelimitedCatalog(text: string, options: DelimitedCatalogOptions): ParsedRow[] {
  const { columns, rows } = readTable(text, options.delimiter);
  const explicit = options.mapping ?? {};
  const absent = Object.entries(explicit).filter(([, name]) => findColumn(columns, name) === undefined);
  if (columns.length > 0 && absent.length > 0) {
    const names = absent.map(([field, name]) => `"${name}" (for ${field})`).join(', ');
    throw new AppError('BAD_INPUT', `mapping names ${names}, not in the header; columns are: ${columns.join(', ')}`);
  }
  const mapping = resolveMapping(columns, explicit);
  return rejectDuplicateIds(rows.map((row) => (row.ok ? rowToProduct(row.cells, mapping, row.line) : row)));
}

/** Parses JSON Lines: one object per line; nested values are kept as JSON text in attributes. */
export function parseJsonlCatalog(text: string, options: { mapping?: FieldMapping } = {}): ParsedRow[] {
  const rows: ParsedRow[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((source, i) => {
    if (source.trim() !== '') rows.push(jsonLineToRow(source, i + 1, options.mapping));
  });
  return rejectDuplicateIds(rows);
}

function jsonLineToRow(source: string, line: number, explicit: FieldMapping | undefined): ParsedRow {
  // Checked before parsing: JSON.stringify (nested values are kept as JSON text) recurses and would
  // overflow the stack on a deeply nested line, aborting every row of the file.
  const problem = rowTextProblem(source) ?? jsonNestingProblem(source);
  if (problem !== undefined) return { ok: false, line, reason: problem };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return { ok: false, line, reason: `invalid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, line, reason: 'line is not a JSON object' };
  }
  const { attributes, variants, ...fields } = value as Record<string, unknown>;
  const record: RawRecord = {};
  for (const [key, item] of Object.entries(fields)) {
    const cell = toRawValue(item);
    if (cell !== undefined) record[key] = cell;
  }
  const row = rowToProduct(record, resolveMapping(Object.keys(record), explicit), line);
  return row.ok ? withNested(row, attributes, variants) : row;
}

/**
 * Aisle's own product JSON (what `aisle demo` writes) nests `attributes` as an object and
 * `variants` as an array; both are taken as they are rather than flattened into text.
 */
function withNested(row: ParsedRow & { ok: true }, attributes: unknown, variants: unknown): ParsedRow {
  if (isPlainObject(attributes)) {
    for (const [key, v] of Object.entries(attributes)) if (v !== null && v !== undefined) row.product.attributes[key] = String(v);
  } else if (attributes !== undefined) row.product.attributes.attributes = JSON.stringify(attributes);
  if (Array.isArray(variants) && variants.every(isVariant)) row.product.variants = variants;
  else if (variants !== undefined) return { ok: false, line: row.line, reason: 'variants must be a list of {sku, options, availability, price?, stock?} objects' };
  return row;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isVariant(v: unknown): v is Variant {
  return isPlainObject(v) && typeof v.sku === 'string' && isPlainObject(v.options) && typeof v.availability === 'string' &&
    (v.price === undefined || typeof v.price === 'number') && (v.stock === undefined || typeof v.stock === 'number');
}

function toRawValue(value: unknown): RawValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    return value.map(String);
  }
  return JSON.stringify(value);
}

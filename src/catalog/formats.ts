/** Catalog file formats: detection from name and first bytes, and dispatch to the parser. Pure. */
import type { ParsedRow } from '../domain.ts';
import { AppError } from '../errors.ts';
import { parseDelimitedCatalog, parseJsonlCatalog } from './generic.ts';
import type { FieldMapping } from './mapping.ts';
import { parseMerchantFeed } from './merchant.ts';
import { parseShopifyCsv } from './shopify.ts';

export type CatalogFormat = 'csv' | 'tsv' | 'jsonl' | 'shopify' | 'merchant';

/** Every format, for flags and messages. */
export const CATALOG_FORMATS: readonly CatalogFormat[] = ['csv', 'tsv', 'jsonl', 'shopify', 'merchant'];

/**
 * Picks the format from the file name and its first few KB: .jsonl/.ndjson → jsonl; .xml or an
 * `<rss` document → merchant; a Shopify header (Handle, Variant Price) → shopify; a tab-separated
 * header with id, title and link or image_link → merchant; else tsv or csv by the delimiter.
 */
export function detectFormat(fileName: string, head: string): CatalogFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'xml' || text.startsWith('<?xml') || /<rss[\s>]/.test(text)) return 'merchant';
  if (ext === 'json' || text.startsWith('{') || text.startsWith('[')) {
    if (text.startsWith('[')) throw new AppError('BAD_INPUT', `${fileName} is a JSON array; write one object per line (JSON Lines, .jsonl)`);
    return 'jsonl';
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const tabs = ext === 'tsv' || (ext !== 'csv' && count(firstLine, '\t') > count(firstLine, ','));
  const header = headerNames(firstLine, tabs ? '\t' : ',');
  if (tabs) return header.has('id') && header.has('title') && (header.has('link') || header.has('image_link')) ? 'merchant' : 'tsv';
  return header.has('handle') && header.has('variant price') ? 'shopify' : 'csv';
}

/** Parses `text` as `format`; `mapping` applies to csv, tsv and jsonl (the others have fixed column names). */
export function parseCatalog(text: string, format: CatalogFormat, options: { mapping?: FieldMapping } = {}): ParsedRow[] {
  const mapping = options.mapping;
  switch (format) {
    case 'csv':
      return parseDelimitedCatalog(text, { delimiter: ',', ...(mapping ? { mapping } : {}) });
    case 'tsv':
      return parseDelimitedCatalog(text, { delimiter: '\t', ...(mapping ? { mapping } : {}) });
    case 'jsonl':
      return parseJsonlCatalog(text, mapping ? { mapping } : {});
    case 'shopify':
      return parseShopifyCsv(text);
    case 'merchant':
      return parseMerchantFeed(text);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Header cell names, lower-case, unquoted, with Merchant's "g:" prefix and spaces normalised. */
function headerNames(line: string, delimiter: string): Set<string> {
  const names = line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  return new Set(names.flatMap((name) => [name, name.replace(/^g:/, '').replace(/\s+/g, '_')]));
}

/** Google Merchant Center feeds (TSV or RSS 2.0 XML) → products; items sharing item_group_id become one. Pure. */
import type { ParsedRow, Product, Variant } from '../domain.ts';
import { rejectDuplicateIds } from './dedupe.ts';
import { rowToProduct, type FieldMapping } from './mapping.ts';
import { readMerchantXml, type FeedItem } from './merchant-xml.ts';
import { readTable } from './table.ts';
import { textOf, type RawRecord } from './values.ts';
import { summariseVariants } from './variants.ts';

/** Attributes that hold one value; a feed repeating one (<title> and <g:title>) keeps the first. */
const SINGLE = new Set([
  'id', 'title', 'description', 'link', 'image_link', 'availability', 'price', 'sale_price', 'brand', 'product_type',
  'google_product_category', 'color', 'size', 'material', 'item_group_id', 'product_rating', 'gtin', 'mpn', 'condition',
]);

/** Parses a feed, telling XML (a leading "<") from TSV. */
export function parseMerchantFeed(text: string): ParsedRow[] {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<') ? parseMerchantXml(text) : parseMerchantTsv(text);
}

/** Parses a tab-separated feed whose header uses the spec's attribute names ("image_link" or "image link"). */
export function parseMerchantTsv(text: string): ParsedRow[] {
  const { rows } = readTable(text, '\t');
  return itemsToRows(rows.map((row): FeedItem => (row.ok ? { ok: true, line: row.line, record: row.cells } : row)));
}

/** Parses an RSS 2.0 feed with the g: namespace; lines are those where each <item> starts. */
export function parseMerchantXml(text: string): ParsedRow[] {
  return itemsToRows(readMerchantXml(text));
}

function itemsToRows(items: readonly FeedItem[]): ParsedRow[] {
  const rows = items.map((item): ParsedRow => {
    if (!item.ok) return item;
    const record = normaliseRecord(item.record);
    return rowToProduct(record, itemMapping(record), item.line);
  });
  // Item ids first (two items may not share one), then group ids against standalone ids.
  return rejectDuplicateIds(groupItems(rejectDuplicateIds(rows)));
}

/** Keys as the spec spells them (lower case, "_", no "g:"); Merchant separates several colours or materials with "/". */
function normaliseRecord(source: RawRecord): RawRecord {
  const record: RawRecord = {};
  for (const [rawKey, value] of Object.entries(source)) {
    const key = rawKey.trim().toLowerCase().replace(/^g:/, '').replace(/\s+/g, '_');
    const single = SINGLE.has(key) && typeof value !== 'string' ? (value[0] ?? '') : value;
    record[key] = (key === 'color' || key === 'material') && typeof single === 'string' ? single.replaceAll('/', '|') : single;
  }
  return record;
}

/** The sale price is what a shopper pays; product_type is the merchant's own path, preferred to Google's taxonomy. */
function itemMapping(record: RawRecord): FieldMapping {
  const has = (key: string) => textOf(record[key]) !== '';
  const googleCategory = textOf(record['google_product_category']);
  const mapping: FieldMapping = {
    id: 'id', title: 'title', description: 'description', url: 'link', imageUrl: 'image_link',
    availability: 'availability', price: has('sale_price') ? 'sale_price' : 'price', brand: 'brand',
    colors: 'color', sizes: 'size', materials: 'material', rating: 'product_rating',
  };
  // A numeric google_product_category is a taxonomy id, not a path a shopper can read.
  if (has('product_type')) mapping.category = 'product_type';
  else if (googleCategory !== '' && !/^\d+$/.test(googleCategory)) mapping.category = 'google_product_category';
  return mapping;
}

/** item_group_id is no product field, so rowToProduct left it in the attributes. */
function groupItems(rows: readonly ParsedRow[]): ParsedRow[] {
  const out: ParsedRow[] = [];
  const groups = new Map<string, { line: number; products: Product[] }>();
  for (const row of rows) {
    const group = row.ok ? row.product.attributes['item_group_id'] : undefined;
    if (!row.ok || group === undefined) {
      out.push(row);
      continue;
    }
    const members = groups.get(group) ?? { line: row.line, products: [] };
    groups.set(group, members);
    members.products.push(row.product);
  }
  for (const [id, { line, products }] of groups) out.push({ ok: true, line, product: mergeGroup(id, products) });
  return out;
}

/** One product per item group: the first item's details, every item a variant, facets and prices over all. */
function mergeGroup(id: string, items: readonly Product[]): Product {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('unreachable: a group has an item');
  const variants = items.map(toVariant);
  // Only what every item says describes the product; a gtin or a shipping rule of one item does not.
  const attributes = Object.fromEntries(
    Object.entries(first.attributes).filter(([key, value]) => rest.every((item) => item.attributes[key] === value)),
  );
  const union = (pick: (item: Product) => string[]) => [...new Set(items.flatMap(pick))];
  return {
    ...first,
    id,
    title: groupTitle(items.map((item) => item.title)),
    description: items.find((item) => item.description !== '')?.description ?? '',
    colors: union((item) => item.colors),
    sizes: union((item) => item.sizes),
    materials: union((item) => item.materials),
    ...summariseVariants(variants),
    attributes,
    variants,
  };
}

/**
 * Item titles usually end in the variant ("Hoodie - Black / M"); the product is named by the words
 * all items share, falling back to the first title when they share too little.
 */
function groupTitle(titles: readonly string[]): string {
  const [first = ''] = titles;
  let end = first.length;
  for (const title of titles) while (end > 0 && title.slice(0, end) !== first.slice(0, end)) end -= 1;
  if (titles.every((title) => title.length === end)) return first;
  const cut = titles.every((title) => /[\s\-–—/|,:(]/.test(title[end] ?? ' ')) ? end : first.lastIndexOf(' ', end);
  const shared = first.slice(0, Math.max(cut, 0)).replace(/[\s\-–—/|,:(]+$/, '');
  return shared.length >= 3 ? shared : first;
}

function toVariant(item: Product): Variant {
  const options: Record<string, string> = {};
  if (item.colors.length > 0) options['Color'] = item.colors.join('/');
  if (item.sizes.length > 0) options['Size'] = item.sizes.join('/');
  if (item.materials.length > 0) options['Material'] = item.materials.join('/');
  const variant: Variant = { sku: item.id, options, availability: item.availability };
  if (item.price !== undefined) variant.price = item.price;
  if (item.stock !== undefined) variant.stock = item.stock;
  return variant;
}

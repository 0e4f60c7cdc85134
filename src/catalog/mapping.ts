/** Which source column feeds each product field, and one record → one product. Pure. */
import { emptyProduct, type ParsedRow, type Product } from '../domain.ts';
import { AppError } from '../errors.ts';
import { stripHtml } from './html.ts';
import {
  normaliseAvailability, parseCount, parseCurrency, parsePrice, parseRating, splitCategory, splitList, splitTags,
  textOf, type RawRecord, type RawValue,
} from './values.ts';

/** Product fields a source column can feed. */
export const PRODUCT_FIELDS = [
  'id', 'title', 'description', 'brand', 'category', 'price', 'currency', 'colors', 'sizes', 'materials',
  'imageUrl', 'url', 'rating', 'reviewCount', 'stock', 'availability', 'tags',
] as const;

export type ProductField = (typeof PRODUCT_FIELDS)[number];

/** Product field → source column name; a field left out is not in the source. */
export type FieldMapping = Partial<Record<ProductField, string>>;

/** Column names recognised without a mapping, compared lower-case with spaces and hyphens as "_". */
const ALIASES: Record<ProductField, readonly string[]> = {
  id: ['id', 'sku', 'product_id'],
  title: ['title', 'name', 'product_name'],
  description: ['description', 'body', 'body_html'],
  brand: ['brand', 'vendor', 'manufacturer'],
  category: ['category', 'product_type', 'category_path'],
  price: ['price'],
  currency: ['currency'],
  colors: ['color', 'colour', 'colors', 'colours'],
  sizes: ['size', 'sizes'],
  materials: ['material', 'materials'],
  imageUrl: ['image', 'image_url', 'image_link', 'imageurl'],
  url: ['url', 'link', 'product_url'],
  rating: ['rating'],
  reviewCount: ['review_count', 'reviews', 'reviewcount'],
  stock: ['stock', 'quantity', 'inventory'],
  availability: ['availability', 'in_stock'],
  tags: ['tags'],
};

const FIELD_NAMES: Record<string, ProductField> = {
  ...Object.fromEntries(PRODUCT_FIELDS.map((f) => [f.toLowerCase(), f])),
  color: 'colors', colour: 'colors', size: 'sizes', material: 'materials', tag: 'tags', image: 'imageUrl',
};

/** Parses "title=Name,price=Cost"; throws BAD_INPUT (listing the valid fields) for an unknown field. */
export function parseMapping(spec: string): FieldMapping {
  const mapping: FieldMapping = {};
  for (const pair of spec.split(',').filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    const column = pair.slice(eq + 1).trim();
    if (eq < 0 || column === '') throw new AppError('BAD_INPUT', `mapping "${pair.trim()}" is not field=Column`);
    const field = FIELD_NAMES[key.toLowerCase().replace(/[_\s-]/g, '')];
    if (!field) throw new AppError('BAD_INPUT', `unknown product field "${key}" in mapping; valid fields: ${PRODUCT_FIELDS.join(', ')}`);
    mapping[field] = column;
  }
  return mapping;
}

/** The column of `columns` named `name`: exact match first, else case-insensitive. */
export function findColumn(columns: readonly string[], name: string): string | undefined {
  return columns.find((c) => c === name) ?? columns.find((c) => c.toLowerCase() === name.toLowerCase());
}

/** Completes an explicit mapping with recognised column names; one column feeds at most one field. */
export function resolveMapping(columns: readonly string[], explicit: FieldMapping = {}): FieldMapping {
  const mapping: FieldMapping = {};
  for (const [field, name] of Object.entries(explicit) as [ProductField, string][]) {
    mapping[field] = findColumn(columns, name) ?? name;
  }
  const used = new Set(Object.values(mapping));
  const byKey = new Map(columns.map((c) => [c.trim().toLowerCase().replace(/[\s-]+/g, '_'), c]));
  for (const field of PRODUCT_FIELDS) {
    if (mapping[field] !== undefined) continue;
    const column = ALIASES[field].map((alias) => byKey.get(alias)).find((c) => c !== undefined && !used.has(c));
    if (column === undefined) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

/** One record → a product, or a rejection naming the field, the column and the problem. */
export function rowToProduct(record: RawRecord, mapping: FieldMapping, line: number): ParsedRow {
  const id = required(record, mapping, 'id');
  if (!id.ok) return { ok: false, line, reason: id.reason };
  const title = required(record, mapping, 'title');
  if (!title.ok) return { ok: false, line, reason: title.reason };
  const product = emptyProduct(id.value, title.value);
  const problem = applyPrice(product, record, mapping) ?? applyNumbers(product, record, mapping);
  if (problem !== undefined) return { ok: false, line, reason: problem };
  applyText(product, record, mapping);
  return { ok: true, line, product };
}

function raw(record: RawRecord, mapping: FieldMapping, field: ProductField): RawValue | undefined {
  const column = mapping[field];
  return column === undefined ? undefined : record[column];
}

function cell(record: RawRecord, mapping: FieldMapping, field: ProductField): string {
  return textOf(raw(record, mapping, field));
}

function required(record: RawRecord, mapping: FieldMapping, field: 'id' | 'title') {
  const column = mapping[field];
  if (column === undefined) {
    const reason = `no ${field} column (looked for ${ALIASES[field].join(', ')}; map one with ${field}=<column>)`;
    return { ok: false as const, reason };
  }
  const value = cell(record, mapping, field);
  if (value === '') return { ok: false as const, reason: `missing ${field}: column "${column}" is empty` };
  return { ok: true as const, value };
}

function inColumn(reason: string, column: string | undefined): string {
  return column === undefined ? reason : `${reason} (column "${column}")`;
}

function applyPrice(product: Product, record: RawRecord, mapping: FieldMapping): string | undefined {
  const price = parsePrice(cell(record, mapping, 'price'));
  if (!price.ok) return inColumn(price.reason, mapping.price);
  const currency = parseCurrency(cell(record, mapping, 'currency'));
  if (!currency.ok) return inColumn(currency.reason, mapping.currency);
  if (price.value.amount !== undefined) product.price = price.value.amount;
  product.currency = currency.value ?? price.value.currency ?? product.currency;
  return undefined;
}

function applyNumbers(product: Product, record: RawRecord, mapping: FieldMapping): string | undefined {
  const rating = parseRating(cell(record, mapping, 'rating'));
  if (!rating.ok) return inColumn(rating.reason, mapping.rating);
  const reviews = parseCount(cell(record, mapping, 'reviewCount'), 'review count');
  if (!reviews.ok) return inColumn(reviews.reason, mapping.reviewCount);
  if ((reviews.value ?? 0) < 0) return inColumn(`review count ${reviews.value} is negative`, mapping.reviewCount);
  const stock = parseCount(cell(record, mapping, 'stock'), 'stock');
  if (!stock.ok) return inColumn(stock.reason, mapping.stock);
  if (rating.value !== undefined) product.rating = rating.value;
  if (reviews.value !== undefined) product.reviewCount = reviews.value;
  // Inventory systems report oversold items as negative stock; nothing is on hand either way.
  if (stock.value !== undefined) product.stock = Math.max(0, stock.value);
  return undefined;
}

function applyText(product: Product, record: RawRecord, mapping: FieldMapping): void {
  const text = (field: ProductField) => cell(record, mapping, field);
  product.description = stripHtml(text('description'));
  if (text('brand') !== '') product.brand = text('brand');
  if (text('imageUrl') !== '') product.imageUrl = text('imageUrl');
  if (text('url') !== '') product.url = text('url');
  product.category = splitCategory(raw(record, mapping, 'category'));
  product.colors = splitList(raw(record, mapping, 'colors'));
  product.sizes = splitList(raw(record, mapping, 'sizes'));
  product.materials = splitList(raw(record, mapping, 'materials'));
  product.tags = splitTags(raw(record, mapping, 'tags'));
  product.availability = normaliseAvailability(text('availability'))
    ?? (product.stock === undefined ? 'unknown' : product.stock > 0 ? 'in_stock' : 'out_of_stock');
  product.attributes = unmapped(record, mapping);
}

/** Every non-empty column no field uses, under its column name; lists are kept as JSON. */
function unmapped(record: RawRecord, mapping: FieldMapping): Record<string, string> {
  const used = new Set(Object.values(mapping));
  const attributes: Record<string, string> = {};
  for (const [column, value] of Object.entries(record)) {
    if (used.has(column)) continue;
    const text = typeof value === 'string' ? value.trim() : value.length > 0 ? JSON.stringify(value) : '';
    if (text !== '') attributes[column] = text;
  }
  return attributes;
}

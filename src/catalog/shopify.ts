/** Shopify product CSV export → products: rows sharing a Handle are one product with its variants. Pure. */
import { emptyProduct, type Availability, type ParsedRow, type Product, type Variant } from '../domain.ts';
import { AppError } from '../errors.ts';
import { rejectDuplicateIds } from './dedupe.ts';
import { stripHtml } from './html.ts';
import { readTable } from './table.ts';
import { parseCount, parsePrice, splitCategory, splitTags, type Parsed } from './values.ts';
import { optionValues, summariseVariants } from './variants.ts';

interface Row {
  line: number;
  cells: Record<string, string>;
}

/** The first row carries the product; every row (first included) may carry a variant and/or an image. */
interface Group {
  handle: string;
  rows: Row[];
}

const OPTIONS = [1, 2, 3] as const;

/** Columns read into product fields or variants; every other non-empty first-row column becomes an attribute. */
const CONSUMED = new Set([
  'Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Tags', 'Status', 'Image Src', 'Image Position',
  'Image Alt Text', 'Variant Image', 'Cost per item',
  ...OPTIONS.flatMap((i) => [`Option${i} Name`, `Option${i} Value`]),
]);

/**
 * Parses a Shopify export. Draft and archived products come back as rejections that say so; an
 * invalid variant rejects its whole product at that variant's line (a partial size run would mislead).
 */
export function parseShopifyCsv(text: string): ParsedRow[] {
  const { columns, rows } = readTable(text, ',');
  if (columns.length > 0 && !columns.includes('Handle')) {
    throw new AppError('BAD_INPUT', 'not a Shopify product export: the header has no "Handle" column; pass --format csv for a generic CSV');
  }
  const out: ParsedRow[] = [];
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (!row.ok) {
      out.push(row);
      continue;
    }
    const handle = row.cells['Handle']?.trim() ?? '';
    if (handle === '') {
      out.push({ ok: false, line: row.line, reason: 'missing Handle: column "Handle" is empty' });
      continue;
    }
    // Grouping by handle, not by position, is what keeps a rejected product's later rows from becoming products.
    const group = groups.get(handle) ?? { handle, rows: [] };
    groups.set(handle, group);
    group.rows.push({ line: row.line, cells: row.cells });
  }
  for (const group of groups.values()) out.push(groupToRow(group));
  // Handles that differ only in case are one product typed twice (see rejectDuplicateIds).
  return rejectDuplicateIds(out);
}

function get(row: Row, column: string): string {
  return row.cells[column]?.trim() ?? '';
}

function groupToRow({ handle, rows }: Group): ParsedRow {
  const [first] = rows;
  if (first === undefined) throw new Error('unreachable: a group starts with a row');
  if (get(first, 'Title') === '') {
    return { ok: false, line: first.line, reason: `missing Title: the first row of handle "${handle}" has none` };
  }
  const status = get(first, 'Status').toLowerCase();
  if (status === 'draft' || status === 'archived') {
    return { ok: false, line: first.line, reason: `product "${handle}" is ${status}; only active products are imported`, skipped: true };
  }
  const variants: Variant[] = [];
  for (const row of rows) {
    const variant = rowVariant(row, first, `${handle}-${variants.length + 1}`);
    if (!variant.ok) return { ok: false, line: row.line, reason: `${variant.reason}; product "${handle}" not imported` };
    if (variant.value) variants.push(variant.value);
  }
  return { ok: true, line: first.line, product: buildProduct(handle, rows, first, variants) };
}

function rowVariant(row: Row, first: Row, fallbackSku: string): Parsed<Variant | undefined> {
  const options = variantOptions(row, first);
  const isVariant = get(row, 'Variant SKU') !== '' || get(row, 'Variant Price') !== '' || get(row, 'Option1 Value') !== '';
  if (!isVariant) return { ok: true, value: undefined };
  const price = parsePrice(get(row, 'Variant Price'));
  if (!price.ok) return { ok: false, reason: `${price.reason} (column "Variant Price")` };
  const qty = parseCount(get(row, 'Variant Inventory Qty'), 'inventory');
  if (!qty.ok) return { ok: false, reason: `${qty.reason} (column "Variant Inventory Qty")` };
  const variant: Variant = {
    sku: get(row, 'Variant SKU') || fallbackSku,
    options,
    availability: variantAvailability(row, qty.value),
  };
  if (price.value.amount !== undefined) variant.price = price.value.amount;
  // Shopify lets oversold variants go negative; nothing is on hand either way.
  if (qty.value !== undefined) variant.stock = Math.max(0, qty.value);
  return { ok: true, value: variant };
}

/** Option names come from the first row; Shopify's placeholder "Title: Default Title" is no real option. */
function variantOptions(row: Row, first: Row): Record<string, string> {
  const options: Record<string, string> = {};
  for (const i of OPTIONS) {
    const name = get(row, `Option${i} Name`) || get(first, `Option${i} Name`);
    const value = get(row, `Option${i} Value`);
    if (name === '' || value === '' || name === 'Title' || value === 'Default Title') continue;
    options[name] = value;
  }
  return options;
}

function variantAvailability(row: Row, qty: number | undefined): Availability {
  if (qty !== undefined && qty > 0) return 'in_stock';
  if (get(row, 'Variant Inventory Policy').toLowerCase() === 'continue') return 'backorder';
  // An empty tracker means Shopify does not track stock for it, so it never stops selling.
  if (row.cells['Variant Inventory Tracker'] !== undefined && get(row, 'Variant Inventory Tracker') === '') return 'in_stock';
  return qty === undefined ? 'unknown' : 'out_of_stock';
}

function buildProduct(handle: string, rows: readonly Row[], first: Row, variants: Variant[]): Product {
  const product = emptyProduct(handle, get(first, 'Title'));
  product.description = stripHtml(get(first, 'Body (HTML)'));
  if (get(first, 'Vendor') !== '') product.brand = get(first, 'Vendor');
  const path = get(first, 'Product Category');
  product.category = path !== '' ? splitCategory(path) : get(first, 'Type') !== '' ? [get(first, 'Type')] : [];
  product.tags = splitTags(get(first, 'Tags'));
  product.url = `/products/${handle}`;
  const image = mainImage(rows);
  if (image !== undefined) product.imageUrl = image;
  product.variants = variants;
  product.colors = optionValues(variants, ['Color', 'Colour']);
  product.sizes = optionValues(variants, ['Size']);
  product.materials = optionValues(variants, ['Material']);
  Object.assign(product, summariseVariants(variants));
  product.attributes = Object.fromEntries(
    Object.entries(first.cells)
      .filter(([column, value]) => !CONSUMED.has(column) && !column.startsWith('Variant ') && value.trim() !== '')
      .map(([column, value]) => [column, value.trim()]),
  );
  return product;
}

/** The image at the lowest Image Position, else the first variant image. */
function mainImage(rows: readonly Row[]): string | undefined {
  const position = (row: Row) => Number(get(row, 'Image Position')) || Number.POSITIVE_INFINITY;
  const images = rows.filter((row) => get(row, 'Image Src') !== '').sort((a, b) => position(a) - position(b));
  const [best] = images;
  if (best !== undefined) return get(best, 'Image Src');
  const variantImage = rows.map((row) => get(row, 'Variant Image')).find((src) => src !== '');
  return variantImage;
}

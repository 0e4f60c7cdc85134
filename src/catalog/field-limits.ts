/**
 * Size limits on a parsed product's fields (README, "Catalog formats"). Fields that name or identify
 * the product are rejected when too long, since a 10 MB title is a mis-mapped column, not a title;
 * long descriptions, lists and attributes are cut and the cut is reported. Pure.
 */
import type { ParsedRow, Product, RowError } from '../domain.ts';

/** Lengths are in characters (UTF-16 code units, as JavaScript counts them). */
export const FIELD_LIMITS = {
  idChars: 200,
  titleChars: 500,
  /** Brand, each category level, colour, size, material, tag, variant SKU, option name and value. */
  nameChars: 200,
  urlChars: 2_000,
  variants: 2_048,
  descriptionChars: 20_000,
  /** Values per list (colours, sizes, materials, tags, category levels). */
  listValues: 200,
  attributes: 100,
  attributeNameChars: 100,
  attributeValueChars: 1_000,
} as const;

const L = FIELD_LIMITS;
const LISTS = ['category', 'colors', 'sizes', 'materials', 'tags'] as const;

/** The row as stored (rejected, or with fields cut to their limits) and, when cut, what was cut. */
export interface LimitedRow {
  row: ParsedRow;
  trimmed?: RowError;
}

/** Applies FIELD_LIMITS to an accepted row; rejected rows pass through untouched. */
export function applyFieldLimits(row: ParsedRow): LimitedRow {
  if (!row.ok) return { row };
  const tooLong = overLimit(row.product);
  if (tooLong !== undefined) return { row: { ok: false, line: row.line, reason: tooLong } };
  const cuts: string[] = [];
  const product = trimProduct(row.product, cuts);
  const limited: LimitedRow = { row: { ok: true, line: row.line, product } };
  if (cuts.length > 0) limited.trimmed = { line: row.line, reason: cuts.join('; ') };
  return limited;
}

function overLimit(p: Product): string | undefined {
  const names = [
    ...(p.brand === undefined ? [] : [['brand', p.brand]]),
    ...LISTS.flatMap((list) => p[list].map((value) => [list, value])),
    ...p.variants.flatMap((v) => [['variant SKU', v.sku], ...Object.entries(v.options).flatMap(([k, val]) => [['option name', k], ['option value', val]])]),
  ] as [string, string][];
  return longText('id', p.id, L.idChars) ?? longText('title', p.title, L.titleChars)
    ?? longText('url', p.url ?? '', L.urlChars) ?? longText('imageUrl', p.imageUrl ?? '', L.urlChars)
    ?? names.map(([what, value]) => longText(what, value, L.nameChars)).find((reason) => reason !== undefined)
    ?? (p.variants.length > L.variants ? `${count(p.variants.length)} variants; the limit is ${count(L.variants)}` : undefined);
}

function longText(what: string, value: string, limit: number): string | undefined {
  return value.length > limit ? `${what} is ${count(value.length)} characters; the limit is ${count(limit)}` : undefined;
}

/** A copy with the description, lists and attributes cut to their limits; each cut is described in `cuts`. */
function trimProduct(p: Product, cuts: string[]): Product {
  const product = { ...p };
  if (p.description.length > L.descriptionChars) {
    product.description = cutAtWord(p.description, L.descriptionChars);
    cuts.push(`description cut from ${count(p.description.length)} to ${count(L.descriptionChars)} characters`);
  }
  for (const list of LISTS) {
    if (p[list].length <= L.listValues) continue;
    product[list] = p[list].slice(0, L.listValues);
    cuts.push(`${list}: kept the first ${L.listValues} of ${count(p[list].length)} values`);
  }
  product.attributes = trimAttributes(p.attributes, cuts);
  return product;
}

function trimAttributes(attributes: Record<string, string>, cuts: string[]): Record<string, string> {
  const entries = Object.entries(attributes);
  // A cut JSON value would no longer parse, so an over-long attribute is dropped rather than shortened.
  const tooLong = entries.filter(([name, value]) => name.length > L.attributeNameChars || value.length > L.attributeValueChars);
  if (tooLong.length > 0) {
    const names = tooLong.map(([name]) => `"${cutAtWord(name, 40)}"`).join(', ');
    cuts.push(`attributes dropped for a name over ${L.attributeNameChars} or a value over ${count(L.attributeValueChars)} characters: ${names}`);
  }
  const kept = entries.filter((entry) => !tooLong.includes(entry));
  if (kept.length > L.attributes) cuts.push(`attributes: kept the first ${L.attributes} of ${kept.length}`);
  return Object.fromEntries(kept.slice(0, L.attributes));
}

/** At most `limit` characters, ending at a word boundary when one is near, with "…" marking the cut. */
function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  const space = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end));
  if (space > limit * 0.8) end = space;
  // Never split a surrogate pair: half an emoji is not text.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

function count(n: number): string {
  return n.toLocaleString('en');
}

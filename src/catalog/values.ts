/** Lenient readers for catalog cell values: prices, ratings, counts, availability, lists. Pure. */
import type { Availability } from '../domain.ts';

/** A cell value: text, or a list where the source has real arrays (JSON Lines, repeated XML elements). */
export type RawValue = string | readonly string[];

/** A source record: column name → value. */
export type RawRecord = Record<string, RawValue>;

/** A value read from text, or the reason the text is not one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const CODE = /(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])/;

const AVAILABILITY: Record<string, Availability> = {
  in_stock: 'in_stock', instock: 'in_stock', available: 'in_stock', yes: 'in_stock', y: 'in_stock', true: 'in_stock',
  '1': 'in_stock', limited_availability: 'in_stock', limitedavailability: 'in_stock', onlineonly: 'in_stock',
  out_of_stock: 'out_of_stock', outofstock: 'out_of_stock', sold_out: 'out_of_stock', soldout: 'out_of_stock',
  unavailable: 'out_of_stock', discontinued: 'out_of_stock', no: 'out_of_stock', n: 'out_of_stock',
  false: 'out_of_stock', '0': 'out_of_stock',
  preorder: 'preorder', pre_order: 'preorder', presale: 'preorder',
  backorder: 'backorder', back_order: 'backorder', backordered: 'backorder', back_ordered: 'backorder',
};

/** Text of a cell, trimmed; a list becomes its items joined by ", "; missing is "". */
export function textOf(value: RawValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value.trim() : value.join(', ').trim();
}

/** Reads "$1,299.00", "19.99 USD", "1.299,00 €" (major units); empty text has no amount; negative is an error. */
export function parsePrice(raw: string): Parsed<{ amount?: number; currency?: string }> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: {} };
  const code = CODE.exec(text)?.[0];
  const symbol = [...text].find((c) => c in SYMBOLS);
  const amount = parseDecimal(text.replace(CODE, '').replace(/[$€£¥₹\s]/g, ''));
  if (amount === undefined) return { ok: false, reason: `price "${text}" is not a number` };
  if (amount < 0) return { ok: false, reason: `price "${text}" is negative` };
  const currency = code?.toUpperCase() ?? (symbol === undefined ? undefined : SYMBOLS[symbol]);
  return { ok: true, value: currency === undefined ? { amount } : { amount, currency } };
}

/** Reads an ISO 4217 code ("usd" → "USD") or a currency symbol; empty text has none. */
export function parseCurrency(raw: string): Parsed<string | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (/^[A-Za-z]{3}$/.test(text)) return { ok: true, value: text.toUpperCase() };
  const symbol = SYMBOLS[text];
  return symbol ? { ok: true, value: symbol } : { ok: false, reason: `currency "${text}" is not a 3-letter ISO 4217 code` };
}

/** Reads an average rating on the 0–5 scale; empty text has none. */
export function parseRating(raw: string): Parsed<number | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  const value = parseDecimal(text);
  if (value === undefined) return { ok: false, reason: `rating "${text}" is not a number` };
  if (value < 0 || value > 5) return { ok: false, reason: `rating ${text} is outside 0–5` };
  return { ok: true, value };
}

/** Reads a whole number such as "1,204"; `what` names it in the reason. Empty text has none. */
export function parseCount(raw: string, what: string): Parsed<number | undefined> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  const value = parseDecimal(text);
  if (value === undefined || !Number.isInteger(value)) return { ok: false, reason: `${what} "${text}" is not a whole number` };
  return { ok: true, value };
}

/** Maps the many spellings ("In stock", "in_stock", "yes", schema.org URLs…) onto Availability; undefined if unknown. */
export function normaliseAvailability(raw: string): Availability | undefined {
  const key = raw.trim().toLowerCase().replace(/^https?:\/\/schema\.org\//, '').replace(/[\s-]+/g, '_');
  return key === '' ? undefined : AVAILABILITY[key];
}

/** Splits a list cell: arrays as they are; text on "|" when present (values may then hold commas), else on ",". */
export function splitList(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'string') return distinct(value);
  return distinct(value.split(value.includes('|') ? '|' : ','));
}

/** Splits tags on ","; arrays as they are. */
export function splitTags(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  return distinct(typeof value === 'string' ? value.split(',') : value);
}

/** Category path, broad to narrow: arrays as they are; text split on ">" when present, else on "/". */
export function splitCategory(value: RawValue | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(value.includes('>') ? '>' : '/') : value;
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function distinct(parts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts.map((p) => p.trim())) {
    if (part === '' || seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    out.push(part);
  }
  return out;
}

/**
 * Reads a decimal with either separator convention. With both "," and ".", the last one is the
 * decimal point; with one kind, it is a thousands separator when repeated or when "," precedes
 * exactly three digits ("1,299"), else the decimal point ("19,99").
 */
function parseDecimal(text: string): number | undefined {
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return undefined;
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  let normal: string;
  if (dot >= 0 && comma >= 0) {
    const [decimal, thousands] = dot > comma ? ['.', ','] : [',', '.'];
    normal = text.split(thousands).join('').replace(decimal, '.');
  } else {
    const sep = dot >= 0 ? '.' : ',';
    const grouped = text.split(sep).length > 2 || (sep === ',' && /,\d{3}$/.test(text));
    normal = grouped ? text.split(sep).join('') : text.replace(sep, '.');
  }
  const value = Number(normal);
  return Number.isFinite(value) ? value : undefined;
}

import type { StoredProduct } from '../domain.ts';
import { numberValue, numberWordsPattern } from '../understanding/number-words.ts';

/**
 * A number the shopper gave that maps onto a product attribute: "for 4 people" (a tent's capacity,
 * a game's players, a table's seats), "under an hour" (a game's play time, a battery's life),
 * "bigger ones" (a larger size or dimensions than those shown). Read against the products' own
 * attributes, so it means something only where the products say it; plain JSON, kept in the search.
 */
export type AttributeNeed =
  /** `people` fit: a range that holds them ("2-6 players"), or a capacity of at least that many ("4-person"). */
  | { kind: 'people'; key: string; people: number; label: string }
  /** A duration in minutes: below `below` or at least `atLeast`. */
  | { kind: 'minutes'; key: string; below?: number; atLeast?: number; label: string }
  /** Size as volume (dimensions) or a measure (sizes "12 in"): above or below what was on screen. */
  | { kind: 'size'; above?: number; below?: number; label: string };

const COUNT = String.raw`(\d{1,2}|${numberWordsPattern()})`;
// "for 4" alone only at the end of a phrase: "for 8 year olds" is an age.
const PEOPLE = new RegExp(String.raw`\b(?:for|fits?|sleeps?|seats?|holds?)\s+(?:up to\s+)?${COUNT}(?:\s+(?:people|persons?|adults|guests|players|kids|of us)\b|\s*(?=[.,!?]|$))|\b${COUNT}[\s-](?:person|people|player|seater)s?\b`, 'i');
const PEOPLE_NOUN = /\b(?:people|persons?|adults|guests|players|kids|of us|person|seater|sleeps?|seats?)\b/i;
/** Attribute values counting people: "4-person", "2-6 players"; keys whose bare numbers do ("seats": "6"). */
const PEOPLE_VALUE = /^(\d+)(?:\s*-\s*(\d+))?\s*(?:-?\s*(?:person|people|players?|seater))?$/i;
const PEOPLE_KEYS = /seat|player|capacity|sleeps|person/i;

const DURATION = new RegExp(String.raw`\b(under|less than|below|shorter than|within|at most|no (?:more|longer) than|over|more than|at least|longer than)\s+(half an?|an?|\d+(?:\.\d+)?|${numberWordsPattern()})\s*(hours?|hrs?|minutes?|mins?)\b`, 'i');
const DURATION_VALUE = /^(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?)$/i;

const BIGGER = /\b(?:bigger|larger|roomier|taller|wider|deeper|more room)\b/i;
const SMALLER = /\b(?:smaller|tinier|more compact|narrower|shallower)\b/i;

/** The needs a follow-up states that the products' attributes can check, and the text without their words. */
export function readAttributeNeeds(text: string, products: readonly StoredProduct[]): { needs: AttributeNeed[]; rest: string; unread: string[] } {
  const needs: AttributeNeed[] = [];
  /** Needs said that none of the products' records can check ("for two people" about kayaks). */
  const unread: string[] = [];
  let rest = text;
  const people = text.match(PEOPLE);
  const peopleKey = people && (PEOPLE_NOUN.test(people[0]) || /^\s*for\s/i.test(people[0])) ? keyWith(products, peopleValue) : undefined;
  if (people && peopleKey) {
    const n = count(people[1] ?? people[2]!);
    needs.push({ kind: 'people', key: peopleKey, people: n, label: people[0].trim().toLowerCase() });
    rest = rest.replace(people[0], ' ');
  } else if (people && PEOPLE_NOUN.test(people[0])) unread.push(people[0].trim().toLowerCase());
  const duration = text.match(DURATION);
  const durationKey = duration ? keyWith(products, (_, v) => minutesOf(v)) : undefined;
  if (duration && durationKey) {
    const amount = (duration[2]!.toLowerCase().startsWith('half') ? 0.5 : count(duration[2]!)) * (/^h/i.test(duration[3]!) ? 60 : 1);
    const atLeast = /over|more|least|longer/i.test(duration[1]!);
    needs.push({ kind: 'minutes', key: durationKey, ...(atLeast ? { atLeast: amount } : { below: /within|most|no /i.test(duration[1]!) ? amount + 0.5 : amount }), label: duration[0].toLowerCase() });
    rest = rest.replace(duration[0], ' ').replace(/\b(?:shorter|quicker|longer|like)\b/gi, ' ');
  } else if (duration) unread.push(duration[0].toLowerCase());
  const direction = !duration && (BIGGER.test(text) ? 'above' : SMALLER.test(text) ? 'below' : undefined);
  const sizes = products.map(sizeOf).filter((s): s is number => s !== undefined).sort((a, b) => a - b);
  if (direction && sizes.length >= 2) {
    const median = sizes[sizes.length >> 1]!;
    needs.push({ kind: 'size', [direction]: median, label: direction === 'above' ? 'bigger than those' : 'smaller than those' });
    rest = rest.replace(direction === 'above' ? BIGGER : SMALLER, ' ');
  }
  return { needs, rest: rest.replace(/\s+/g, ' ').trim(), unread };
}

/** The product meets the need; a product whose record does not say does not. */
export function fitsNeed(product: StoredProduct, need: AttributeNeed): boolean {
  if (need.kind === 'size') {
    const size = sizeOf(product);
    return size !== undefined && (need.above === undefined || size > need.above) && (need.below === undefined || size < need.below);
  }
  const value = product.attributes[need.key];
  if (value === undefined) return false;
  if (need.kind === 'minutes') {
    const m = minutesOf(value);
    return m !== undefined && (need.below === undefined || m < need.below) && (need.atLeast === undefined || m >= need.atLeast);
  }
  const range = peopleValue(need.key, value);
  return range !== undefined && (range.exact ? need.people >= range.lo && need.people <= range.hi : need.people <= range.hi);
}

/** Products meeting every need, closest capacity first ("for 4 people": 4-person tents before 6-person ones). */
export function meetingNeeds(products: readonly StoredProduct[], needs: readonly AttributeNeed[]): StoredProduct[] {
  const fit = products.filter((p) => needs.every((n) => fitsNeed(p, n)));
  const people = needs.find((n) => n.kind === 'people');
  if (!people || people.kind !== 'people') return fit;
  const spare = (p: StoredProduct) => (peopleValue(people.key, p.attributes[people.key] ?? '')?.hi ?? 99) - people.people;
  return fit.map((p, i) => ({ p, i, s: Math.max(0, spare(p)) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.p);
}

/** The attribute most of the products carry whose values `read` understands. */
function keyWith(products: readonly StoredProduct[], read: (key: string, value: string) => unknown): string | undefined {
  const counts = new Map<string, number>();
  for (const p of products) {
    for (const [key, value] of Object.entries(p.attributes)) if (read(key, value) !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "2-6 players" → 2..6 (an exact range); "4-person" → up to 4; a seats key's "6" → up to 6. */
function peopleValue(key: string, value: string): { lo: number; hi: number; exact: boolean } | undefined {
  const m = value.trim().match(PEOPLE_VALUE);
  if (!m || (!/[a-z]/i.test(value) && !PEOPLE_KEYS.test(key))) return undefined;
  if (/[a-z]/i.test(value) && !/person|people|player|seater/i.test(value)) return undefined;
  return m[2] ? { lo: Number(m[1]), hi: Number(m[2]), exact: true } : { lo: 1, hi: Number(m[1]), exact: false };
}

function minutesOf(value: string): number | undefined {
  const m = value.trim().match(DURATION_VALUE);
  return m ? Number(m[1]) * (/^h/i.test(m[2]!) ? 60 : 1) : undefined;
}

/** Volume from "W x D x H" dimensions, else a single measure from the sizes ("12 in"). */
function sizeOf(product: StoredProduct): number | undefined {
  const dims = product.attributes.dimensions?.match(/\d+(?:\.\d+)?/g)?.map(Number);
  if (dims && dims.length >= 2) return dims.reduce((a, b) => a * b, 1);
  const measures = product.sizes.map((s) => s.match(/^(\d+(?:\.\d+)?)\s*(?:in|inch|inches|"|cm|ft|qt|l|gal)\b/i)?.[1]).filter(Boolean).map(Number);
  return measures.length ? Math.max(...measures) : undefined;
}

function count(word: string): number {
  return /^an?$/i.test(word) ? 1 : numberValue(word) ?? Number(word);
}

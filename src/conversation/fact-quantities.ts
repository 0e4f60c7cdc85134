/**
 * Numbers with their units, in record values ("1-3 years", "250 lb", "17\" W") and in questions
 * ("a 2 yr old", "im 280 lbs", "how many inches"), so a question is answered by a fact that measures
 * the same kind of thing, and a number asked about is compared with a listed range or limit.
 */
import type { Word } from './question-text.ts';

/** The kind of thing a unit measures; numbers of different kinds are never compared. */
export type Dimension = 'length' | 'weight' | 'volume' | 'time' | 'power' | 'voltage' | 'frequency'
  | 'photo-resolution' | 'video-resolution' | 'storage' | 'temperature' | 'warmth' | 'count';

export interface Quantity {
  min: number;
  max: number;
  dimension: Dimension;
}

const UNITS: [Dimension, string][] = [
  ['length', 'in inch inches " ft foot feet cm mm m meter metre meters metres'],
  ['weight', 'lb lbs pound pounds kg kilo kilos kilogram kilograms g gram grams'],
  ['volume', 'fl ml l liter litre liters litres qt quart quarts gallon gallons gal cup cups oz ounce ounces'],
  ['time', 'hour hours hr hrs minute minutes min mins second seconds day days week weeks month months year years yr yrs'],
  ['power', 'w watt watts'],
  ['voltage', 'v volt volts'],
  ['frequency', 'hz'],
  ['photo-resolution', 'mp megapixel megapixels'],
  ['video-resolution', 'k p'],
  ['storage', 'gb tb mb'],
  ['temperature', 'deg degree degrees °f °c'],
  ['warmth', 'tog togs'],
  ['count', 'person people persons piece pieces pc pcs shot shots seat seats pair pairs pack sheet sheets page pages player players'],
];
const UNIT_OF = new Map(UNITS.flatMap(([dim, words]) => words.split(' ').map((w) => [w, dim] as const)));

/** Each unit in its dimension's base (inches, pounds, fluid ounces, hours), so "2 weeks" meets "6 months". */
const FACTOR: Record<string, number> = {
  ft: 12, foot: 12, feet: 12, cm: 1 / 2.54, mm: 1 / 25.4, m: 100 / 2.54, meter: 100 / 2.54, metre: 100 / 2.54, meters: 100 / 2.54, metres: 100 / 2.54,
  kg: 2.2046, kilo: 2.2046, kilos: 2.2046, kilogram: 2.2046, kilograms: 2.2046, g: 0.0022046, gram: 0.0022046, grams: 0.0022046,
  ml: 1 / 29.574, l: 33.814, liter: 33.814, litre: 33.814, liters: 33.814, litres: 33.814, qt: 32, quart: 32, quarts: 32, gallon: 128, gallons: 128, gal: 128, cup: 8, cups: 8,
  minute: 1 / 60, minutes: 1 / 60, min: 1 / 60, mins: 1 / 60, second: 1 / 3600, seconds: 1 / 3600, day: 24, days: 24, week: 168, weeks: 168,
  month: 730, months: 730, year: 8766, years: 8766, yr: 8766, yrs: 8766, tb: 1024, mb: 1 / 1024,
};

function inBase(n: number, unit: string, dimension: Dimension): number {
  if (dimension === 'weight' && /^(oz|ounces?)$/.test(unit)) return n / 16;
  return n * (FACTOR[unit] ?? 1);
}

/** Short unit words that mean a unit even without a number before them ("how many ml"); "in", "w", "p" do not. */
const SHORT_UNITS = new Set(['oz', 'ml', 'lb', 'lbs', 'kg', 'cm', 'mm', 'ft', 'gb', 'tb', 'mp', 'hz', 'hr', 'hrs', 'yr', 'yrs', 'qt']);

/** The dimension a unit word names on its own ("inches", "tog"), or undefined. */
export function dimensionOfUnit(word: string): Dimension | undefined {
  // "Wide feet" and "how many people" name a body part and a count a plain number answers, not units.
  if (/^(foot|feet)$/.test(word) || UNIT_OF.get(word) === 'count') return undefined;
  return word.length > 2 || SHORT_UNITS.has(word) ? UNIT_OF.get(word) : undefined;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const QUANTITY = new RegExp(String.raw`${NUMBER}(?:\s*(?:-|–|to)\s*${NUMBER})?[\s-]*(°\s*[fc]|"|[a-z]+)?`, 'gi');

/** Every number with a known unit in a record text; a range ("3-5 years") keeps both ends. */
export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.toLowerCase().matchAll(QUANTITY)) {
    const unit = (m[3] ?? '').replace(/\s+/g, '');
    const dimension = UNIT_OF.get(unit) ?? (unit === 'fl' ? 'volume' : undefined);
    if (!dimension) continue;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const dimensions: Dimension[] = [dimension];
    // Ounces weigh ("1 lb 10 oz") as often as they hold ("32 oz"); fluid ounces are written "fl oz".
    if (/^(oz|ounces?)$/.test(unit)) dimensions.push('weight');
    for (const d of dimensions) out.push({ min: inBase(Math.min(a, b), unit, d), max: inBase(Math.max(a, b), unit, d), dimension: d });
  }
  return out;
}

/** Dimensions of a record value's quantities. */
export function dimensionsOf(value: string): Set<Dimension> {
  return new Set(quantitiesIn(value).map((q) => q.dimension));
}

/** Numbers the shopper gives with a unit ("2 yr old", "280 lb", "15 inch"); a bare age after "turn" or "is" counts in years. */
export function quantitiesAsked(words: readonly Word[]): Quantity[] {
  const out: Quantity[] = [];
  words.forEach((w, i) => {
    const joined = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(w.text);
    const n = joined ? Number(joined[1]) : /^\d+(\.\d+)?$/.test(w.text) ? Number(w.text) : undefined;
    if (n === undefined) return;
    let unit = joined ? joined[2]! : words[i + 1]?.text ?? '';
    let dimension = UNIT_OF.get(unit);
    if (!dimension && /^(turn|turns|turned|aged)$/.test(words[i - 1]?.text ?? '')) [dimension, unit] = ['time', 'years'];
    if (dimension) out.push({ min: inBase(n, unit, dimension), max: inBase(n, unit, dimension), dimension });
  });
  return out;
}

/** Dimensions a question asks for by a unit word alone ("how many inches", "tog rating?"). */
export function unitsAsked(words: readonly Word[]): Set<Dimension> {
  const out = new Set<Dimension>();
  words.forEach((w, i) => {
    // "The second one" is no unit: a function word never is.
    if (w.stop || /^\d/.test(words[i - 1]?.text ?? '')) return;
    const d = dimensionOfUnit(w.text);
    if (d) out.add(d);
  });
  return out;
}

/**
 * Whether a number asked about is within what a fact lists: inside a range ("1-3 years" for a
 * 2-year-old), or at most a limit ("250 lb" weight capacity). Undefined when they measure different things.
 */
export function withinFact(asked: Quantity, value: string, limit: boolean): boolean | undefined {
  if (Number.isNaN(asked.min)) return undefined;
  const listed = quantitiesIn(value).filter((q) => q.dimension === asked.dimension);
  if (listed.length !== 1) return undefined;
  const q = listed[0]!;
  if (limit || /\bup to\b|\bmax/i.test(value)) return asked.max <= q.max;
  if (q.min === q.max) return undefined;
  return asked.min >= q.min && asked.max <= q.max;
}

/** How shoppers ask for a measurement by its meaning, not its unit. */
const MEANINGS: [Dimension, RegExp][] = [
  ['weight', /\bhow (heavy|light)\b|\bweigh(s|ing)?\b|\blight enough\b|\bhow many (pounds|kilos|lb|kg)\b/],
  ['volume', /\bhow much (\w+ )?(does|do|will|can) (it|they|this) (hold|take|contain|fit)\b|\bhow much (\w+ )?(goes|fits) in\b|\bhow (big|large)\b/],
  ['length', /\bhow (tall|wide|deep|high|big|large|thick|long is|long are)\b|\bhow much (room|space)\b|\bfootprint\b|\bdimensions?\b/],
  ['time', /\bhow long (does|do|will|would|can) (it|they|the \w+) (last|run|go|play)\b|\bhow often\b.*\bcharge\b/],
];

/** Every dimension a question asks for: by a number or unit it gives, or by its meaning ("how heavy" → weight). */
export interface DimensionsAsked {
  /** Given as a number with a unit or as a unit word: a fact measuring something else is no answer. */
  explicit: Set<Dimension>;
  /** Named by a unit word alone ("how many inches", "tog rating"). */
  units: Set<Dimension>;
  /** Asked for, by a unit word or by meaning ("how heavy"): a fact measuring it answers when nothing is named. */
  meant: Set<Dimension>;
  /** Positions of the words that ask it: numbers, units, "how heavy", "how much room". */
  at: Set<number>;
}

export function dimensionsAsked(words: readonly Word[]): DimensionsAsked {
  const units = unitsAsked(words);
  const explicit = new Set([...quantitiesAsked(words).map((q) => q.dimension), ...units]);
  const text = words.map((w) => w.text).join(' ');
  const meant = new Set<Dimension>(units);
  // Numbers, units, and the verb that makes a bare number an age ("just turned 2").
  const at = new Set<number>(words.flatMap((w, i) => (/^\d/.test(w.text) || UNIT_OF.has(w.text) || (/^(turn|turns|turned|aged)$/.test(w.text) && /^\d/.test(words[i + 1]?.text ?? '')) ? [i] : [])));
  for (const [dimension, re] of MEANINGS) {
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
      meant.add(dimension);
      const first = text.slice(0, m.index).split(' ').length - 1;
      m[0].split(' ').forEach((_, k) => at.add(first + k));
    }
  }
  return { explicit, units, meant, at };
}

/**
 * Yes when every number the shopper gives that the fact measures is within it, no when one is not,
 * undefined when the fact measures none of them. `limit`: the fact is a most ("weight capacity").
 */
export function compareAsked(words: readonly Word[], value: string, limit: boolean): boolean | undefined {
  const results = quantitiesAsked(words).map((q) => withinFact(q, value, limit)).filter((x) => x !== undefined);
  return results.length === 0 ? undefined : results.every(Boolean);
}

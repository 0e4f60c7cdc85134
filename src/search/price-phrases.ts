import { numberWordsPattern, SMALL_NUMBERS, TENS } from '../understanding/number-words.ts';

/** Price bounds said in words: "under $50", "between 20 and 40 dollars", "$1.2k or less". */
export interface PriceBounds {
  min?: number;
  max?: number;
}

/**
 * A measurement, not money: "under 65 inch", "around 5 years old", "up to 10 kg". ("in" is left out:
 * "under 500 in blue" is a budget.) The digits may not end early, or "65 inch" would read as $6.
 */
const UNIT = String.raw`(?![\d.,]|\s?-?\s?(?:inch|inches|ft|feet|foot|cm|mm|m|metres?|meters?|l|litres?|liters?|ml|qt|quarts?|gallons?|oz|ounces?|lbs?|kg|g|gb|tb|mb|mah|w|watts?|v|volts?|hz|mp|years?|yrs?|yo|months?|weeks?|days?|hours?|mins?|minutes?|seaters?|seats?|pieces?|pcs|pack|people|persons?|players?|cups?|count|ct|x|tier|drawers?|shelf|shelves|thread)\b)`;
const NUM = String.raw`\$?\s?\b(\d+(?:[.,]\d+)*)${UNIT}\s?(k\b)?(?:\s?(?:dollars?|usd|bucks|\$))?`;
/** An amount with a currency mark: "$15", "15 dollars", "1.5k". Trailing phrases need one ("iphone 15 plus"). */
const MONEY = String.raw`(?:\$\s?(\d+(?:[.,]\d+)*)\s?(k\b)?|\b(\d+(?:[.,]\d+)*)\s?(k\b)?\s?(?:dollars?|usd|bucks)|\b(\d+(?:[.,]\d+)*)(k)\b)`;
const PATTERNS: Array<[RegExp, (a: number, b: number) => PriceBounds]> = [
  // "nothing over $1500", "not above 200": a ceiling, though "over" alone is a floor.
  [new RegExp(String.raw`\b(?:nothing|not|never|none)\s+(?:over|above|more than|higher than)\s+${NUM}`), (a) => ({ max: a })],
  [new RegExp(String.raw`\b(?:between|from)\s+${NUM}\s+(?:and|to|-)\s+${NUM}`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  // A bare range needs a currency mark: "8-10" alone is as likely a size or a count.
  [new RegExp(String.raw`(?:^|\s)\$\s?(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:-|to)\s?${NUM}(?=\s|$)`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  [new RegExp(String.raw`(?:^|\s)(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:-|to)\s?\$?\s?(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:dollars?|usd|bucks)(?=\s|$)`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  [new RegExp(String.raw`\b(?:under|below|less than|cheaper than|max(?:imum)?|at most|up to|no more than|not more than|within)\s+${NUM}`), (a) => ({ max: a })],
  [new RegExp(String.raw`${MONEY}\s+(?:or less|or under|or cheaper|max(?:imum)?|tops)\b`), (a) => ({ max: a })],
  // "60 at most" needs no currency mark: nothing but money is "at most" a bare number in a shop.
  [new RegExp(String.raw`(?:^|\s)(\d+(?:[.,]\d+)*)\s?(k\b)?\s+at most\b`), (a) => ({ max: a })],
  [new RegExp(String.raw`\b(?:over|above|more than|at least|min(?:imum)?|starting at|from)\s+${NUM}`), (a) => ({ min: a })],
  [new RegExp(String.raw`${MONEY}\s+(?:or more|and up|plus)\b`), (a) => ({ min: a })],
  [new RegExp(String.raw`\b(?:around|about|approximately|roughly|circa|near)\s+${NUM}`), (a) => ({ min: Math.floor(a * 0.8), max: Math.ceil(a * 1.2) })],
];

function amount(digits: string | undefined, k: string | undefined): number {
  const n = Number((digits ?? '').replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  return k ? n * 1000 : n;
}

/** The first price phrase in normalised text: its bounds and where it lies. */
function findPrice(text: string): { bounds: PriceBounds; start: number; end: number } | undefined {
  // Every pattern needs a digit; most queries have none, and a cold process then never compiles them.
  if (!/\d/.test(text)) return undefined;
  for (const [pattern, toBounds] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // MONEY has two alternatives; whichever matched carries the amount.
    const groups = m.slice(1).filter((g, i, all) => g !== undefined || (i % 2 === 1 && all[i - 1] !== undefined));
    const a = amount(groups[0], groups[1]);
    const b = amount(groups[2], groups[3]);
    if (!Number.isFinite(a) || (groups[2] !== undefined && !Number.isFinite(b))) continue;
    return { bounds: toBounds(a, b), start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, grand: 1000 };
const UNIT_WORDS = numberWordsPattern(1, 9);
const WORD_AMOUNT = new RegExp(String.raw`\b(?:(a|${UNIT_WORDS}|\d+)\s+(hundred|thousand|grand)|(${Object.keys(TENS).join('|')})(?:[\s-](${UNIT_WORDS}))?)\b`, 'g');

/** Text with amounts in words as digits, and a map from its offsets back to the text it was made from. */
interface SpokenAmounts {
  text: string;
  /** The span of the original text that [start, end) of `text` came from; a rewritten amount maps whole. */
  original(start: number, end: number): [number, number];
}

/**
 * Amounts said in words become digits: "a hundred", "two hundred", "fifty", "twenty five", "2 grand".
 * Only tens and scaled amounts: "one" and "two" alone are counts ("two seater") far more often than prices.
 */
function spokenAmounts(text: string): SpokenAmounts {
  const pieces: Array<{ from: number; to: number; at: number; length: number }> = [];
  let shift = 0;
  const rewritten = text.replace(WORD_AMOUNT, (match: string, lead: string | undefined, scale: string | undefined, tens: string | undefined, unit: string | undefined, offset: number) => {
    const digits = scale
      ? String((lead === 'a' ? 1 : SMALL_NUMBERS[lead!] ?? Number(lead)) * SCALES[scale]!)
      : String(TENS[tens!]! + (unit ? SMALL_NUMBERS[unit]! : 0));
    pieces.push({ from: offset, to: offset + match.length, at: offset + shift, length: digits.length });
    shift += digits.length - match.length;
    return digits;
  });
  const back = (i: number, edge: 'start' | 'end'): number => {
    let delta = 0;
    for (const p of pieces) {
      if (i <= p.at) break;
      if (i < p.at + p.length) return edge === 'start' ? p.from : p.to;
      delta = p.to - (p.at + p.length);
    }
    return i + delta;
  };
  return { text: rewritten, original: (start, end) => [back(start, 'start'), back(end, 'end')] };
}

/**
 * All price phrases in normalised text ("over $100 under $300"), merged into one range. Amounts in words
 * are read as money only inside a price phrase: "a grand piano" and "twenty one pilots" keep their words.
 */
export function extractPrice(text: string): { bounds?: PriceBounds; rest: string } {
  let bounds: PriceBounds | undefined;
  // "dollars 500 max" (a currency word before the amount, as "USD 500" reads) is "$500 max".
  let rest = text.replace(/\b(?:dollars?|usd|bucks)\s?(?=\d)/g, '$');
  for (;;) {
    const spoken = spokenAmounts(rest);
    const found = findPrice(spoken.text);
    if (!found) break;
    const [start, end] = spoken.original(found.start, found.end);
    rest = (rest.slice(0, start) + ' ' + rest.slice(end)).trim();
    bounds = { ...bounds, ...Object.fromEntries(Object.entries(found.bounds).filter(([, v]) => v !== undefined)) };
  }
  return { bounds, rest };
}

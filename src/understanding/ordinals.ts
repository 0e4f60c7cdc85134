import type { OrdinalRef } from './slots.ts';
import { numberValue, numberWordsPattern } from './number-words.ts';

const WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};
/** How many products a "first three" can take: a screen shows at most five. */
const COUNT = String.raw`(?:${numberWordsPattern(1, 5)}|[2-5])`;
const ORDINAL = Object.keys(WORDS).join('|');
/** "first time", "last week", "2 or 3 people": ordinal words and numbers that point at no product. */
const NOT_A_POSITION = String.raw`(?!\s+(?:time|times|week|weeks|month|months|year|years|day|days|night|order|orders|visit|purchase|aid|class|people|persons|seats?|seater|inch|inches|in\b|ft|feet|cm|mm|kg|lbs?|pack|pcs|pieces|kids|children|person))`;

/**
 * Positions of on-screen products a message points at: "the second one", "1st and 3rd",
 * "number 2", "the last two", "the first three", "both", "all of them". Undefined when none.
 */
export function extractOrdinals(text: string): OrdinalRef | undefined {
  const t = text.toLowerCase();
  const last = t.match(new RegExp(`\\b(?:last|bottom) (${COUNT})\\b(?! (?:dollars|bucks|pounds|euros))`));
  if (last) return { last: numberValue(last[1]!)! };
  if (new RegExp(`\\b(?:the (?:last|final|bottom)(?: one| option| item| product)?|last one)\\b${NOT_A_POSITION}`).test(t)) return { last: 1 };
  const firstN = t.match(new RegExp(`\\b(?:first|top) (${COUNT})\\b(?! (?:dollars|bucks|pounds|euros))`));
  if (firstN) return { positions: range(numberValue(firstN[1]!)!) };
  const positions = [
    ...[...t.matchAll(new RegExp(`\\b(${ORDINAL})\\b${NOT_A_POSITION}`, 'g'))].map((m) => WORDS[m[1]!]!),
    ...[...t.matchAll(/(?:\b(?:number|no\.?|item|option|product|result)\s*|#)(\d{1,2})\b/g)].map((m) => Number(m[1])),
    ...bareNumberPairs(t),
  ];
  if (positions.length) return { positions: [...new Set(positions)] };
  if (/\bboth\b|\bthe two\b|\bthese two\b|\bthose two\b/.test(t)) return { positions: [1, 2] };
  if (/\b(?:all of them|all of these|all three|all four|every one)\b/.test(t)) return { all: true };
  return undefined;
}

/** "compare 1 and 3", "2 vs 4": small numbers joined as a pair, never prices ("$1 and $3" has signs). */
function bareNumberPairs(t: string): number[] {
  const m = t.match(new RegExp(String.raw`(?:^|[^$\d.])\b([1-9]|10)\s*(?:and|&|vs\.?|versus|or|with|,)\s*([1-9]|10)\b(?!\s*(?:dollars|bucks|%|\.\d))${NOT_A_POSITION}`));
  return m && !/\b(?:between|from|under|over|size|sizes|aged?|ages)\s+[1-9]/.test(t) ? [Number(m[1]), Number(m[2])] : [];
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Resolves a reference against what is on screen (ids in shown order); out-of-range positions are dropped. */
export function resolveOrdinals(ref: OrdinalRef, shown: readonly string[]): string[] {
  if ('all' in ref) return [...shown];
  if ('last' in ref) return shown.slice(Math.max(0, shown.length - ref.last));
  return ref.positions.filter((p) => p >= 1 && p <= shown.length).map((p) => shown[p - 1]!);
}

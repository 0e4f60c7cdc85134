/** Price bounds said in words: "under $50", "between 20 and 40 dollars", "$1.2k or less". */
export interface PriceBounds {
  min?: number;
  max?: number;
}

const NUM = String.raw`\$?\s?(\d+(?:[.,]\d+)*)\s?(k)?(?:\s?(?:dollars?|usd|bucks|\$))?`;
const PATTERNS: Array<[RegExp, (a: number, b: number) => PriceBounds]> = [
  [new RegExp(String.raw`\b(?:between|from)\s+${NUM}\s+(?:and|to|-)\s+${NUM}`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  // A bare range needs a currency mark: "8-10" alone is as likely a size or a count.
  [new RegExp(String.raw`(?:^|\s)\$\s?(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:-|to)\s?${NUM}(?=\s|$)`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  [new RegExp(String.raw`(?:^|\s)(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:-|to)\s?\$?\s?(\d+(?:[.,]\d+)*)\s?(k)?\s?(?:dollars?|usd|bucks)(?=\s|$)`), (a, b) => ({ min: Math.min(a, b), max: Math.max(a, b) })],
  [new RegExp(String.raw`\b(?:under|below|less than|cheaper than|max(?:imum)?|at most|up to|no more than|not more than|within)\s+${NUM}`), (a) => ({ max: a })],
  [new RegExp(String.raw`${NUM}\s+(?:or less|or under|or cheaper|max(?:imum)?|tops)\b`), (a) => ({ max: a })],
  [new RegExp(String.raw`\b(?:over|above|more than|at least|min(?:imum)?|starting at|from)\s+${NUM}`), (a) => ({ min: a })],
  [new RegExp(String.raw`${NUM}\s+(?:or more|and up|plus)\b`), (a) => ({ min: a })],
  [new RegExp(String.raw`\b(?:around|about|approximately|roughly|circa|near)\s+${NUM}`), (a) => ({ min: Math.round(a * 0.8), max: Math.round(a * 1.2) })],
];

function amount(digits: string | undefined, k: string | undefined): number {
  const n = Number((digits ?? '').replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  return k ? n * 1000 : n;
}

/** Finds the first price phrase in normalised text; returns the bounds and the text without it. */
export function extractPrice(text: string): { bounds?: PriceBounds; rest: string } {
  for (const [pattern, toBounds] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const a = amount(m[1], m[2]);
    const b = amount(m[3], m[4]);
    if (!Number.isFinite(a) || (m[3] !== undefined && !Number.isFinite(b))) continue;
    return { bounds: toBounds(a, b), rest: (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim() };
  }
  return { rest: text };
}

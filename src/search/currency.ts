/**
 * Money said in a currency the store does not price in. A store has one currency: "under £50" in a
 * dollar store is said back to the shopper rather than read as $50 (or converted at a guessed rate).
 */

/** Marks a shopper writes for a currency, mapped to ISO 4217 codes. */
const SYMBOLS: Readonly<Record<string, string>> = { '$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' };
const WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', bucks: 'USD',
  pound: 'GBP', pounds: 'GBP', quid: 'GBP', gbp: 'GBP', sterling: 'GBP',
  euro: 'EUR', euros: 'EUR', eur: 'EUR',
  yen: 'JPY', jpy: 'JPY', rupee: 'INR', rupees: 'INR', inr: 'INR',
  cad: 'CAD', aud: 'AUD', nzd: 'NZD', chf: 'CHF',
};
/** "5 pound bag of dog food" weighs; only an amount after a price word is money in pounds. */
const AMBIGUOUS = new Set(['pound', 'pounds']);
const PRICE_CUE = /\b(?:under|below|less than|max(?:imum)?|up to|around|about|budget(?: of| is)?|within|over|above|between|from|for|cost(?:s|ing)?|spend|at most|no more than)\s*$/i;

export interface MoneyMention {
  /** ISO code of the currency said. */
  currency: string;
  /** The amount as written ("80", "1.2k"); absent for "prices in euros". */
  amount?: string;
  /** Where the amount and its mark sit in the text. */
  start: number;
  end: number;
}

const AMOUNT = String.raw`\d+(?:[.,]\d+)*\s?k?`;
/** Dollars of other countries: "C$80", "A$400", "1000 Canadian dollars". */
const DOLLAR_PREFIX: Readonly<Record<string, string>> = { c: 'CAD', ca: 'CAD', a: 'AUD', au: 'AUD', nz: 'NZD', hk: 'HKD', s: 'SGD', us: 'USD' };
const DOLLAR_NATION: Readonly<Record<string, string>> = { canadian: 'CAD', australian: 'AUD', aussie: 'AUD', kiwi: 'NZD', 'new zealand': 'NZD', singapore: 'SGD', 'hong kong': 'HKD', us: 'USD', american: 'USD' };
const WORD_LIST = Object.keys(WORDS).join('|');
const PATTERN = new RegExp([
  String.raw`\b(${Object.keys(DOLLAR_PREFIX).join('|')})\$\s?${AMOUNT}`,
  String.raw`\b(${Object.keys(DOLLAR_NATION).join('|')})\s(?:dollars?|bucks)\b`,
  String.raw`([$£€¥₹₩])\s?${AMOUNT}`,
  String.raw`${AMOUNT}\s?([$£€¥₹₩])`,
  String.raw`${AMOUNT}\s?(${WORD_LIST})\b`,
  String.raw`\b(${Object.keys(WORDS).filter((w) => !AMBIGUOUS.has(w)).join('|')})\s?${AMOUNT}`,
  // "prices in euros": the currency named with no amount.
  String.raw`\bin\s(${Object.keys(WORDS).filter((w) => !AMBIGUOUS.has(w) && /s$/.test(w)).join('|')})\b`,
].join('|'), 'giu');

/** Every amount with a currency mark or word in the raw text, in order. */
export function moneyMentions(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [, prefix, nation, symbol, symbolAfter, word, wordBefore, named] = m;
    const mark = (symbol ?? symbolAfter ?? word ?? wordBefore ?? named ?? '').toLowerCase();
    if (AMBIGUOUS.has(mark) && !PRICE_CUE.test(text.slice(0, m.index))) continue;
    const currency = prefix ? DOLLAR_PREFIX[prefix.toLowerCase()] : nation ? DOLLAR_NATION[nation.toLowerCase()] : SYMBOLS[mark] ?? WORDS[mark];
    const amount = m[0].match(/\d+(?:[.,]\d+)*\s?k?/)?.[0].replace(/\s/g, '');
    if (currency) out.push({ currency, amount, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** The first currency said that is not the store's, or undefined. */
export function foreignCurrency(text: string, storeCurrency: string): MoneyMention | undefined {
  return moneyMentions(text).find((m) => m.currency !== storeCurrency.toUpperCase());
}

/** The store's own marks ("£" in a pound store) become the parser's "$", which only means "money". */
export function asStoreMoney(text: string, storeCurrency: string): string {
  const code = storeCurrency.toUpperCase();
  return text.replace(/[£€¥₹₩]/g, (mark) => (SYMBOLS[mark] === code ? '$' : mark))
    // Any word for the store's currency reads as "dollars" (a no-op in a dollar store).
    .replace(new RegExp(String.raw`\b(${Object.keys(WORDS).filter((w) => WORDS[w] === code).join('|') || '(?!)'})\b`, 'gi'), 'dollars');
}

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
/** "#10432", "order 10432", "A-55821", "SO-2024-0042", or a bare long number (five or more digits). */
const ORDER_PATTERNS = [
  /#\s?([A-Za-z]{0,3}-?\d{3,12})\b/g,
  /\border\s+(?:number\s+|no\.?\s*|num\s+|id\s+)?([A-Za-z]{0,3}-?\d{3,12}(?:-\d{2,8})?)\b/gi,
  /\b([A-Za-z]{1,3}-\d{4,12}(?:-\d{2,8})?)\b/g,
  /(?<![$\d.,])\b(\d{5,12})\b(?![.,]\d)/g,
];

export function extractEmails(text: string): string[] {
  // Lower-cased before de-duplicating: "Jo@Mail.com" and "jo@mail.com" are one address.
  return [...new Set((text.match(EMAIL) ?? []).map((e) => e.toLowerCase()))];
}

/** Order numbers in a message, as typed (upper-cased); prices and sizes are not taken for one. */
export function extractOrderNumbers(text: string): string[] {
  const withoutEmails = text.replace(EMAIL, ' ');
  const found = new Set<string>();
  for (const pattern of ORDER_PATTERNS) {
    for (const m of withoutEmails.matchAll(pattern)) found.add(m[1]!.toUpperCase());
  }
  // "#10432" and "order 10432" name the same number once.
  return [...found].filter((v, _, all) => !all.some((o) => o !== v && o.endsWith(v) && o.length > v.length));
}

/** The text without e-mails and order numbers, so digits in them are not read as prices or sizes. */
export function withoutIdentifiers(text: string, orderNumbers: readonly string[]): string {
  let out = text.replace(EMAIL, ' ');
  for (const n of orderNumbers) out = out.replace(new RegExp(`#?\\s?${n.replace(/[-]/g, '\\-')}`, 'gi'), ' ');
  return out;
}

/** What an e-mail address and an order number read as once masked. */
export const MASKED_EMAIL = '[email]';
export const MASKED_ORDER = '[order]';

/** The text with every e-mail address and order number (as the extractors above find them) masked, for storing. */
export function maskIdentifiers(text: string): string {
  let out = text.replace(EMAIL, MASKED_EMAIL);
  for (const pattern of ORDER_PATTERNS) out = out.replace(pattern, (match, number: string) => match.replace(number, MASKED_ORDER));
  return out;
}

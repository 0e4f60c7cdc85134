/** Unicode local parts and domains ("jörg@müller.de"); `\b` is ASCII-only, hence the lookarounds. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
/** A word after a number that makes it a measurement or an amount ("12000 BTU", "10000 mAh", "15000 rupees"), not an order. */
const UNIT_AFTER = String.raw`(?![.,]\d|[\s-]*(?:btu|mah|wh|kwh|w|kw|v|hz|khz|mhz|ghz|rpm|mm|cm|m|km|inch|inches|ft|feet|kg|g|lbs?|oz|ml|l|gb|tb|mb|px|dpi|lm|lumens?|mp|k|kcal|steps|miles?|rs|rupees?|dollars?|euros?|pounds?|yen|usd|eur|gbp|inr|jpy)\b)`;
/** A word before a code that makes it a product code ("SKU AB-1234"), not an order. */
const NOT_PRODUCT_CODE = String.raw`(?<!\b(?:sku|model|part|item|art|ref)\.?\s*[:#]?\s*)`;
/** A word before a bare number that makes it a price ("tv under 15000"); not "around": "around 88123" stays an order. */
const NOT_PRICE = String.raw`(?<!\b(?:under|below|over|above|than|upto|max|maximum|budget|within|between|costing|spend)\s+)`;
/**
 * "#10432", "order 10432", "order: 1043", "order number: 4321", "my order is ORD123456", "A-55821", "SO-2024-0042",
 * or a bare long number (five or more digits) that is not a price ("£25000", "under 15000") nor a measurement ("12000 BTU").
 */
const MARKED_ORDER_PATTERNS = [
  new RegExp(String.raw`${NOT_PRODUCT_CODE}#\s?([A-Za-z]{0,3}-?\d{3,12})\b${UNIT_AFTER}`, 'gi'),
  new RegExp(String.raw`\border(?:\s+(?:number|no\.?|num|id))?(?:\s+is)?\s*[:#]?\s*([A-Za-z]{0,3}-?\d{3,12}(?:-\d{2,8})?)\b${UNIT_AFTER}`, 'gi'),
  new RegExp(String.raw`${NOT_PRODUCT_CODE}\b([A-Za-z]{1,3}-\d{4,12}(?:-\d{2,8})?)\b${UNIT_AFTER}`, 'gi'),
];
const BARE_NUMBER = new RegExp(String.raw`(?<!\p{Sc}\s?)(?<![\d.,])${NOT_PRICE}\b(\d{5,12})\b${UNIT_AFTER}`, 'giu');
const ORDER_PATTERNS = [...MARKED_ORDER_PATTERNS, BARE_NUMBER];
/** Words that put a message about an order, whatever else it names. */
const ORDER_CONTEXT = /\b(?:orders?|ordered|package|parcel|deliver(?:y|ed)|shipment|shipped|tracking|track|purchases?|purchased|bought|refunds?|returns?|returning|cancel\w*|invoice|receipt|arriv\w*|confirmation)\b/i;
/** A postcode or phone number said as one: "ship to 90210", "zip 94107", "call me on 07700 900123". */
const ADDRESS_OR_PHONE = /\b(?:zip|zipcode|postcode|postal code|post code|ship(?:ping)? to|deliver(?:y)? to|phone|call|ring|text)\b[^.?!]{0,20}$/i;

export function extractEmails(text: string): string[] {
  // Lower-cased before de-duplicating: "Jo@Mail.com" and "jo@mail.com" are one address.
  return [...new Set((text.match(EMAIL) ?? []).map((e) => e.toLowerCase()))];
}

/**
 * Order numbers in a message, as typed (upper-cased); prices and sizes are not taken for one.
 * `namesProducts` tells whether words name things the store sells: a bare long number beside them
 * ("the canon 70200 lens") is a model number unless the message is also about an order.
 */
export function extractOrderNumbers(text: string, namesProducts?: (text: string) => boolean): string[] {
  const withoutEmails = text.replace(EMAIL, ' ');
  const found = new Set<string>();
  for (const pattern of MARKED_ORDER_PATTERNS) {
    for (const m of withoutEmails.matchAll(pattern)) found.add(m[1]!.toUpperCase());
  }
  const bare = [...withoutEmails.matchAll(BARE_NUMBER)];
  for (const m of bare) if (bareNumberIsOrder(withoutEmails, m.index, namesProducts)) found.add(m[1]!.toUpperCase());
  // "#10432" and "order 10432" name the same number once.
  return [...found].filter((v, _, all) => !all.some((o) => o !== v && o.endsWith(v) && o.length > v.length));
}

function bareNumberIsOrder(text: string, at: number, namesProducts?: (text: string) => boolean): boolean {
  if (ORDER_CONTEXT.test(text)) return true;
  if (ADDRESS_OR_PHONE.test(text.slice(0, at))) return false;
  return !namesProducts?.(text.replace(BARE_NUMBER, ' '));
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

// The one way Aisle writes a price, in replies, cards and the terminal.

/** What a product without a price shows, mid-sentence ("Harbor Sofa: price not listed."). */
export const PRICE_NOT_LISTED = 'price not listed';

/**
 * "$579.99" in en-US, "1.249,50 €" in de-DE; a currency code the runtime does not know is shown as
 * "10.00 ZZZZ" rather than throwing; no price is PRICE_NOT_LISTED. `locale` is a BCP 47 tag.
 */
export function formatPrice(price: number | undefined, currency: string, locale = 'en-US'): string {
  if (price === undefined) return PRICE_NOT_LISTED;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(price);
  } catch {
    return `${price.toFixed(2)} ${currency}`;
  }
}

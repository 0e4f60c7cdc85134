/**
 * Numbers said without "size" that may still be one: "mens 11 trail running shoes", "women's flats
 * 6.5", "jeans 34 waist", "he's a 12". A number is a candidate when it follows a word naming who or
 * what it is for (an audience, a product noun) or "a"/"an", and is not the count or measure of
 * something ("500 piece", "3 seater", "7 year old", "1000 lumen"). Whether it is a size at all is
 * decided later, by the kind of product named coming in that size (`fitToKinds`).
 */
import { isAudienceWord } from './audience.ts';
import type { Facet } from './facet-vocabulary.ts';

const NUMBER = /^\d+(?:\.\d+)?$/;
/** Words that make a number a count or a measure of something other than a size. */
const COUNTED = new RegExp('^(?:pieces?|pcs|pc|pack|packs|people|persons?|person|players?|seaters?|seats?|drawers?|shelf|shelves|tiers?|' +
  'years?|yrs?|yr|yo|months?|mo|weeks?|days?|hours?|hrs?|mins?|minutes?|lumens?|watts?|w|volts?|v|hz|mp|gb|tb|mb|mah|spf|' +
  'count|ct|thread|threads|cups?|inch|inches|in|ft|feet|foot|cm|mm|m|l|qt|quarts?|gal|gallons?|oz|ounces?|lbs?|pounds?|kg|g|' +
  'x|percent|degrees?|deg|burners?|bottles?|slices?|speeds?|ports?|blades?|bulbs?|cards?|pairs?|sets?|rolls?|sheets?|quart|liters?|litres?)$');
const ANCHORS = new Set(['a', 'an', 'size', 'sz']);
/** "5x8 rug", "96 inch curtains": a dimension, or a number with a unit of length, volume or weight, needs no anchor. */
const DIMENSION = /^\d+(?:\.\d+)?x\d+(?:\.\d+)?$/;
const UNIT = /^(?:inch|inches|ft|feet|foot|cm|mm|qt|quarts?|gal|gallons?|lbs?|pounds?|oz|ounces?|l|liters?|litres?)$/;

/** The bare numbers in `tokens` that may be sizes, in order. */
export function bareSizes(tokens: readonly string[], facetAt: ReadonlyMap<number, Facet>, isProductNoun?: (t: string) => boolean): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (facetAt.has(i)) return;
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    if (DIMENSION.test(t)) return void out.push(t);
    if (!NUMBER.test(t)) return;
    if (next !== undefined && UNIT.test(next) && !facetAt.has(i + 1)) return void out.push(`${t} ${next}`);
    if (before === undefined || (next !== undefined && COUNTED.test(next))) return;
    const anchored = ANCHORS.has(before) || facetAt.get(i - 1) === 'category' || isAudienceWord(before) || isProductNoun?.(before) === true;
    if (anchored) out.push(t);
  });
  return out;
}

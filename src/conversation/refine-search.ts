import { mergeFilters, type Filters } from '../search/filters.ts';
import { isStopword, stem, terms, words } from '../search/text.ts';
import { audienceOf, type Audience } from '../search/audience.ts';
import { sizesCarryOver, withoutAudience } from './audience.ts';

/**
 * The search a conversation is in: the words it ranks by and the filters in force. An empty facet
 * list means the facet is deliberately open (a colour relaxed because nothing matched it, an adult
 * size dropped for kids): it overrides the value the words of `text` would give again.
 */
export interface SearchQuery {
  text: string;
  filters: Filters;
  /**
   * Understood once, when the shopper said it: `text` is the words to rank by and `filters` is all
   * there is; search reads no filters from the words again. Absent in state stored before this existed.
   */
  understood?: true;
}

/** A refined search; `audience` is set when the follow-up switched who the products are for. */
export type RefinedSearch = SearchQuery & { extraWords: string[]; audience?: Audience };

/** Words that steer a refinement but are not part of what is wanted ("cheaper ones only please"). */
export const FILLER: ReadonlySet<string> = new Set(terms(
  'cheaper cheap cheapest less expensive pricier pricey more lower higher price prices budget affordable costly premium ' +
  'only just ones one them those these what about how any anything from show please instead rather also too same but ' +
  'similar like thing things option options style version kind type ok okay actually maybe else other do does have got ' +
  'there stock available availability now today ' +
  // Negations and connectives steer the filters ("not leather", "leather then"); they are not things to search for.
  'not no non without except excluding either then',
));
const CHEAPER = /\b(cheaper|less expensive|lower price|more affordable|budget|cheapest|inexpensive|not so expensive|too expensive|too pricey)\b/i;
const PRICIER = /\b(more expensive|pricier|higher end|high end|premium|better quality|fancier|luxury)\b/i;
/** A price wish with no figure in a new search ("nothing crazy expensive", "reasonably priced"). */
const SOFT_BUDGET = /\b(?:nothing|not|none|no)\s+(?:(?:too|crazy|super|very|that|overly|ridiculously|insanely|hugely|wildly)\s+)?(?:expensive|pricey|costly|spendy)\b|\b(?:reasonably priced|fairly priced|affordable|inexpensive|budget[- ]friendly|on a budget|(?:won'?t|doesn'?t|not) break the bank)\b/i;

/** The shopper wants the cheaper part of what matches, without saying how cheap. */
export function wantsModestPrice(text: string): boolean {
  return SOFT_BUDGET.test(text);
}

/** Words that lead a size in a query: "in XL", "size 10". */
const SIZE_LEAD = /^(?:in|size|sized|sizes)$/i;

/**
 * The previous search narrowed by a follow-up: new facet values replace the old ones of the same
 * facet ("in blue" after "red sofas"), exclusions accumulate, a value said again un-excludes it,
 * "cheaper" caps the price below the median shown, a new audience ("for kids") replaces the old
 * one and the sizes chosen for it, and leftover words ("for kids") join the text. `rankWords`, when
 * given, is what understanding left of the message to rank by (Slots.residual): other words do not join.
 */
export function refineSearch(previous: SearchQuery, text: string, said: Filters, shownPrices: number[], rankWords?: string): RefinedSearch {
  const filters = mergeFilters(previous.filters, said);
  unExclude(filters, said);
  steerPrice(filters, said, text, shownPrices);
  // "not leather" after "leather sofas": the word goes from the text too, or it would be searched for again.
  const excluded = new Set(terms(labelsOf({ exclude: said.exclude }).join(' ')));
  const { kept, audience } = switchAudience(excluded.size ? withoutWords(previous.text, excluded) : previous.text, previous, text, said, filters);
  const facetWords = new Set(terms(labelsOf(said).join(' ')));
  const before = new Set(terms(kept));
  // Kept as typed ("kids", not the stem "kid"), so the query reads back naturally.
  // Only words understanding left to rank by: "under" of "under $40" was part of a price, not a wish.
  const left = rankWords === undefined ? undefined : new Set(terms(rankWords));
  const extra = words(text).filter((w) => w.length > 1 && !isStopword(w) && !FILLER.has(stem(w)) && !facetWords.has(stem(w)) && !/^\d/.test(w) && !before.has(stem(w)) && (!left || left.has(stem(w))));
  return { text: [kept, ...extra].join(' ').trim(), filters, extraWords: extra.map(stem), ...(previous.understood ? { understood: true as const } : {}), ...(audience ? { audience } : {}) };
}

/**
 * "for kids" after "men's hoodies in XL": the old audience's words leave the text, and so do its
 * sizes (the facet is left open, so the words can't bring it back) unless they still fit.
 */
function switchAudience(kept: string, previous: SearchQuery, text: string, said: Filters, filters: Filters): { kept: string; audience?: Audience } {
  const from = audienceOf(previous.text);
  const to = audienceOf(text);
  if (to === undefined || to === from) return { kept };
  const sizes = previous.filters.sizes;
  if (said.sizes?.length || !sizes?.length || sizesCarryOver(from, to)) return { kept: withoutAudience(kept), audience: to };
  filters.sizes = [];
  return { kept: withoutSizes(withoutAudience(kept), sizes), audience: to };
}

/** "cheaper" caps the price just below the median shown, "more expensive" floors it just above; a price said outright wins. */
function steerPrice(filters: Filters, said: Filters, text: string, shownPrices: number[]): void {
  const median = medianOf(shownPrices);
  if (median !== undefined && said.priceMax === undefined && CHEAPER.test(text)) filters.priceMax = Math.floor(median * 100 - 1) / 100;
  if (median !== undefined && said.priceMin === undefined && PRICIER.test(text)) filters.priceMin = Math.ceil(median * 100 + 1) / 100;
  if (filters.priceMin !== undefined && filters.priceMax !== undefined && filters.priceMin > filters.priceMax) {
    if (said.priceMax !== undefined || CHEAPER.test(text)) delete filters.priceMin;
    else delete filters.priceMax;
  }
}

/** The text as typed, minus the words whose stems are in `drop`. */
function withoutWords(text: string, drop: Set<string>): string {
  return text.split(/\s+/).filter((w) => !words(w).some((x) => drop.has(stem(x)))).join(' ');
}

/** The text without the sizes said in it and the "in"/"size" before them: "hoodies in XL" → "hoodies". */
function withoutSizes(text: string, sizes: string[]): string {
  const drop = new Set(terms(sizes.join(' ')));
  const tokens = text.split(/\s+/);
  const keep = tokens.map((t) => !words(t).some((x) => drop.has(stem(x))));
  return tokens.filter((t, i) => keep[i] && !(SIZE_LEAD.test(t) && keep[i + 1] === false)).join(' ');
}

function labelsOf(f: Filters): string[] {
  const ex = f.exclude ?? {};
  return [f.colors, f.sizes, f.materials, f.brands, f.categories, ex.colors, ex.materials, ex.brands, ex.categories].flatMap((l) => l ?? []);
}

/**
 * Saying a value positively after ruling it out ("not leather" … "ok, leather then") lifts the
 * exclusion, and the reverse. A list emptied here goes; one that was already empty (a relaxed facet) stays.
 */
function unExclude(filters: Filters, said: Filters): void {
  const ex = filters.exclude;
  if (!ex) return;
  for (const facet of ['colors', 'materials', 'brands', 'categories'] as const) {
    const positive = said[facet];
    if (positive?.length && ex[facet]) ex[facet] = ex[facet]!.filter((v) => !positive.includes(v));
    if (ex[facet]?.length === 0) delete ex[facet];
    const negative = said.exclude?.[facet];
    if (!negative?.length || !filters[facet]?.length) continue;
    filters[facet] = filters[facet]!.filter((v) => !negative.includes(v));
    if (filters[facet]!.length === 0) delete filters[facet];
  }
  if (Object.keys(ex).length === 0) delete filters.exclude;
}

function medianOf(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

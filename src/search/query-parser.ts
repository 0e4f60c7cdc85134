import { audienceOf } from './audience.ts';
import { asStoreMoney, foreignCurrency } from './currency.ts';
import { sizesForAudience } from './size-systems.ts';
import { facetKey, type Filters } from './filters.ts';
import { isBasicColor, type Facet, type FacetVocabulary } from './facet-vocabulary.ts';
import { fitToKinds, type FacetRead } from './kind-fit.ts';
import { describesSetting } from './phrase-context.ts';
import { bareSizes } from './bare-sizes.ts';
import { extractPrice, type PriceBounds } from './price-phrases.ts';
import { isStopword, normalize, stem } from './text.ts';

/** A query split into the words to rank by and the hard filters said in it. */
export interface ParsedQuery {
  text: string;
  /** What retrieval ranks by: the query minus price, stock and negated phrases. */
  residual: string;
  filters: Filters;
  /** A budget said in another currency than the store's: not applied, to be said back to the shopper. */
  foreignPrice?: { currency: string; bounds: PriceBounds };
}

export interface ParseOptions {
  /** ISO code of the currency the store prices in (default USD). */
  storeCurrency?: string;
  /** Stemmed product nouns of the store (category names, tags): the head of "sheets for a king bed". */
  productTerms?: ReadonlySet<string>;
}

const NEGATIONS = new Set(['not', 'no', 'without', 'except', 'excluding', 'non', 'nothing', 'never', 'isnt', 'arent', 'dont', 'doesnt']);
/** Words between a negation and what it rules out: "not from Acme", "nothing in black", "not anything red". */
const NEGATED_LEAD = new Set(['a', 'an', 'the', 'any', 'from', 'by', 'in', 'made', 'of', 'anything']);
/** Negations of a verb, which may come before one: "don't show me sectionals", "do not want leather". */
const VERB_NEGATIONS = new Set(['not', 'never', 'dont', 'doesnt']);
/** Verbs a negated request passes over; after "no" they open a new request instead ("no, show me blue ones"). */
const NEGATED_VERB = new Set(['want', 'show', 'me']);
const STOCK = /\b(?:in stock|available now|available today|ready to ship|ships today)\b/;
const MAX_NGRAM = 4;
const FILTER_FIELD = {
  category: 'categories', color: 'colors', material: 'materials', brand: 'brands', size: 'sizes',
} as const satisfies Record<Facet, keyof Filters>;

/**
 * Reads price bounds, stock, catalog facet values and negations out of a shopper's words. A word
 * becomes a filter only where it names the product wanted, not its setting ("for my flat").
 */
export function parseQuery(text: string, vocabulary: FacetVocabulary, options: ParseOptions = {}): ParsedQuery {
  const { filters, foreignPrice, rest } = readPriceAndStock(text, options.storeCurrency ?? 'USD');
  const tokens = rest.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  const facetAt = new Map<number, Facet>();
  const productTerms = options.productTerms;
  const clue = { facetAt, isProductNoun: productTerms && ((t: string) => productTerms.has(stem(t))) };
  const kinds: (FacetRead & { start: number; end: number })[] = [];
  const reads: FacetRead[] = [];
  for (let i = 0; i < tokens.length; ) {
    // "anything but red" negates; a bare "but" ("a sofa but in blue") does not.
    const negated = NEGATIONS.has(tokens[i]!) || (tokens[i] === 'but' && ['anything', 'everything', 'all'].includes(tokens[i - 1] ?? ''));
    let start = negated ? i + 1 : i;
    const verbNegated = negated && VERB_NEGATIONS.has(tokens[i]!);
    while (negated && (NEGATED_LEAD.has(tokens[start] ?? '') || (verbNegated && NEGATED_VERB.has(tokens[start] ?? '')))) start++;

    const found = longestMatch(tokens, start, vocabulary);
    const match = found && !pluralNoun(oneWord(tokens, start, found.length), found.value.facet, clue.isProductNoun) ? found : undefined;
    if (!match) {
      kept.push(tokens[i]!);
      i += 1;
      continue;
    }
    const { facet, label } = match.value;
    const span = tokens.slice(start, start + match.length);
    for (let j = start; j < start + match.length; j++) facetAt.set(j, facet);
    const after = tokens[start + match.length];
    // "plastic free" rules plastic out; "sugar free" or "for my flat" name no facet at all.
    if (!negated && after === 'free') {
      if (facet === 'material') addUnique(((filters.exclude ??= {}).materials ??= []), label);
      kept.push(...span);
      i = start + match.length;
      continue;
    }
    if (!negated && describesSetting(tokens, start, facet, clue, match.value.measure)) {
      kept.push(...span);
      i = start + match.length;
      continue;
    }
    if (negated) {
      if (facet === 'size') kept.push(tokens[i]!, ...span); // "no XL": no filter either way
      else addUnique(((filters.exclude ??= {})[FILTER_FIELD[facet]] ??= []), label);
    } else {
      const read = { value: match.value, key: facetKey(span.join(' ')) };
      if (facet === 'category') kinds.push({ ...read, start, end: start + match.length });
      // "sage green", "cobalt blue": a basic colour after a shade names the shade's family, not a second colour.
      else if (!(facet === 'color' && facetAt.get(start - 1) === 'color' && span.length === 1 && isBasicColor(read.key)) &&
        !(facet === 'material' && match.value.needsKind && !namesKind(tokens[start + 1], vocabulary, clue.isProductNoun))) reads.push(read);
      // "rattan bar stools", "leather chelsea boots": a colour or material word opening a product's name still
      // counts, unless the store's products so named mostly lack it ("espresso machine", "charcoal grill").
      const lead = span.length > 1 && facet === 'category' && !match.value.fixedName ? vocabulary.get(facetKey(span[0]!)) : undefined;
      if (lead && (lead.facet === 'color' || lead.facet === 'material')) reads.push({ value: lead, key: facetKey(span[0]!) });
      kept.push(...span);
    }
    i = start + match.length;
  }
  // "dog bowl", "glass top coffee table": a kind right before another kind modifies it; the last one is the
  // head, unless it is the broader name of the first ("flat shoes").
  const heads = kinds.filter((k) => !kinds.some((other) => other.start === k.end && !k.value.parents?.includes(other.value.label)));
  const fitted = fitToKinds(heads, reads, vocabulary, bareSizes(tokens, facetAt, clue.isProductNoun));
  if (fitted.categories.length) filters.categories = fitted.categories;
  for (const v of fitted.values) addUnique((filters[FILTER_FIELD[v.facet]] ??= []), v.label);
  const audience = audienceOf(rest);
  if (audience) filters.audience = audience;
  if (filters.sizes) filters.sizes = sizesForAudience(filters.sizes, audience, vocabulary, rest);
  return { text, residual: kept.join(' '), filters, ...(foreignPrice ? { foreignPrice } : {}) };
}

/**
 * Budget and stock words, read first and taken out of the text. An amount in another currency is
 * read with the parser's "$" so its phrase leaves the text, then set aside unapplied.
 */
function readPriceAndStock(text: string, store: string): { filters: Filters; foreignPrice?: ParsedQuery['foreignPrice']; rest: string } {
  const filters: Filters = {};
  const foreign = foreignCurrency(text, store);
  const money = foreign ? text.slice(0, foreign.start) + ` $${foreign.amount ?? ''} ` + text.slice(foreign.end) : asStoreMoney(text, store);
  let { bounds, rest } = extractPrice(normalize(money).replace(/\b([a-z]+)-free\b/g, '$1 free'));
  if (!foreign && bounds?.min !== undefined) filters.priceMin = bounds.min;
  if (!foreign && bounds?.max !== undefined) filters.priceMax = bounds.max;
  if (STOCK.test(rest)) {
    filters.inStock = true;
    rest = rest.replace(STOCK, ' ');
  }
  return { filters, rest, ...(foreign ? { foreignPrice: { currency: foreign.currency, bounds: bounds ?? {} } } : {}) };
}

/** "merino sweaters", "percale sheets": a material's short name counts only right before a product noun. */
function namesKind(token: string | undefined, vocabulary: FacetVocabulary, isProductNoun?: (t: string) => boolean): boolean {
  return token !== undefined && (vocabulary.get(facetKey(token))?.facet === 'category' || isProductNoun?.(token) === true);
}

function oneWord(tokens: string[], start: number, length: number): string | undefined {
  return length === 1 ? tokens[start] : undefined;
}

/**
 * "bike lights": a one-word colour or material said in the plural, where the singular is one
 * of the store's product nouns, is the thing wanted ("lights"), not a shade of it.
 */
function pluralNoun(token: string | undefined, facet: Facet, isProductNoun?: (t: string) => boolean): boolean {
  if (!token || !isProductNoun || (facet !== 'color' && facet !== 'material')) return false;
  return stem(token) !== token && isProductNoun(token);
}

function longestMatch(tokens: string[], start: number, vocabulary: FacetVocabulary) {
  // A phrase never starts or ends on a stopword: "no, i want red" must not read as "no red", nor "s my" as size S.
  if (tokens[start] === undefined || isStopword(tokens[start]!)) return undefined;
  for (let n = Math.min(MAX_NGRAM, tokens.length - start); n >= 1; n--) {
    const phrase = tokens.slice(start, start + n);
    if (isStopword(phrase[n - 1]!)) continue;
    const key = facetKey(phrase.join(' '));
    const value = vocabulary.get(key);
    if (!value || !plausible(value.facet, key, tokens[start - 1])) continue;
    return { value, length: n };
  }
  return undefined;
}

/** Sizes are short and numeric ("m", "10"): trust them only when long or after the word "size". */
function plausible(facet: Facet, key: string, before: string | undefined): boolean {
  if (facet !== 'size') return true;
  return before === 'size' || (key.length >= 2 && !/^\d+(\.\d+)?$/.test(key));
}

function addUnique(list: string[], label: string): void {
  if (!list.includes(label)) list.push(label);
}

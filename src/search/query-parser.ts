import { facetKey, type Filters } from './filters.ts';
import type { Facet, FacetVocabulary } from './facet-vocabulary.ts';
import { extractPrice } from './price-phrases.ts';
import { isStopword, normalize } from './text.ts';

/** A query split into the words to rank by and the hard filters said in it. */
export interface ParsedQuery {
  text: string;
  /** What retrieval ranks by: the query minus price, stock and negated phrases. */
  residual: string;
  filters: Filters;
}

const ARTICLES = new Set(['a', 'an', 'the', 'any']);
const NEGATIONS = new Set(['not', 'no', 'without', 'except', 'excluding', 'non']);
const STOCK = /\b(?:in stock|available now|available today|ready to ship|ships today)\b/;
const MAX_NGRAM = 4;
const FILTER_FIELD = {
  category: 'categories', color: 'colors', material: 'materials', brand: 'brands', size: 'sizes',
} as const satisfies Record<Facet, keyof Filters>;

/** Reads price bounds, stock, catalog facet values and negations out of a shopper's words. */
export function parseQuery(text: string, vocabulary: FacetVocabulary): ParsedQuery {
  const filters: Filters = {};
  let { bounds, rest } = extractPrice(normalize(text));
  if (bounds?.min !== undefined) filters.priceMin = bounds.min;
  if (bounds?.max !== undefined) filters.priceMax = bounds.max;
  if (STOCK.test(rest)) {
    filters.inStock = true;
    rest = rest.replace(STOCK, ' ');
  }
  const tokens = rest.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    // "anything but red" negates; a bare "but" ("a sofa but in blue") does not.
    const negated = NEGATIONS.has(tokens[i]!) || (tokens[i] === 'but' && ['anything', 'everything', 'all'].includes(tokens[i - 1] ?? ''));
    let start = negated ? i + 1 : i;
    while (negated && ARTICLES.has(tokens[start] ?? '')) start++; // "not a sofa", "no more than"… articles only

    const match = longestMatch(tokens, start, vocabulary);
    if (!match) {
      kept.push(tokens[i]!);
      i += 1;
      continue;
    }
    const { facet, label } = match.value;
    const span = tokens.slice(start, start + match.length);
    if (negated) {
      if (facet === 'size') kept.push(tokens[i]!, ...span); // "no XL": no filter either way
      else addUnique(((filters.exclude ??= {})[FILTER_FIELD[facet]] ??= []), label);
    } else {
      addUnique((filters[FILTER_FIELD[facet]] ??= []), label);
      kept.push(...span);
    }
    i = start + match.length;
  }
  return { text, residual: kept.join(' '), filters };
}

function longestMatch(tokens: string[], start: number, vocabulary: FacetVocabulary) {
  // A phrase never starts on a stopword: "no, i want red" must not read as "no red".
  if (tokens[start] === undefined || isStopword(tokens[start]!)) return undefined;
  for (let n = Math.min(MAX_NGRAM, tokens.length - start); n >= 1; n--) {
    const phrase = tokens.slice(start, start + n);
    const value = vocabulary.get(facetKey(phrase.join(' ')));
    if (!value || !plausible(value.facet, phrase, tokens[start - 1])) continue;
    return { value, length: n };
  }
  return undefined;
}

/** Sizes are short and numeric ("m", "10"): trust them only when long or after the word "size". */
function plausible(facet: Facet, phrase: string[], before: string | undefined): boolean {
  if (facet !== 'size') return true;
  const joined = phrase.join(' ');
  return before === 'size' || (joined.length >= 2 && !/^\d+(\.\d+)?$/.test(joined));
}

function addUnique(list: string[], label: string): void {
  if (!list.includes(label)) list.push(label);
}

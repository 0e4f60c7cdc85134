import type { Product } from '../domain.ts';
import { titleHeads } from './facet-vocabulary.ts';
import { isStopword, stem, terms, words } from './text.ts';

/** The kind of product a request names: its head noun (stemmed) and the phrase ending on it, as typed. */
export interface NamedKind {
  head: string;
  phrase: string;
  /** Content words of the naming part, the phrase's and any before it. */
  words: number;
}

/** Where the naming part of a request ends: "a laptop for college", "boots with a heel", "tents under $200". */
const TAIL = new Set(['for', 'with', 'under', 'over', 'below', 'above', 'that', 'which', 'who', 'to', 'in', 'on', 'by', 'from', 'like', 'so', 'but', 'without', 'at', 'near', 'around', 'about', 'then', 'instead', 'please', 'pls', 'plz', 'thats', 'where', 'when', 'if', 'because', 'and', 'or']);
/** Asking words around the thing asked for ("do you sell tents", "got any"), never part of its name. */
const ASKING = new Set(['do', 'does', 'sell', 'sells', 'buy', 'carry', 'stock', 'got', 'have', 'has', 'need', 'needs', 'want', 'looking', 'lookin', 'find', 'show', 'see', 'get', 'ok', 'okay', 'yes', 'yeah', 'hi', 'hey', 'hello', 'also', 'just', 'maybe', 'actually', 'now', 'some', 'any', 'cheap', 'good', 'best', 'new', 'nice']);
/** Words that stand for "a product" without saying which kind: a need or a gift, not a named kind. */
const NO_KIND = new Set(['one', 'ones', 'thing', 'things', 'stuff', 'item', 'items', 'gift', 'gifts', 'present', 'presents', 'idea', 'ideas', 'option', 'options', 'something', 'anything', 'product', 'products']);
/** A request this long is a need or a story: its last noun is not the kind wanted. */
const MAX_NAMING_WORDS = 4;

/**
 * The kind a short request names ("do you have bikes?" → bike, "wine glasses" → glass): the last
 * content word before the request's tail ("for college", "under $50"), with up to two words before it.
 * Undefined for a long message (a need) or one that names no kind ("something for my dad").
 */
export function namedKind(text: string, isDetail: (word: string) => boolean = () => false): NamedKind | undefined {
  const content: string[] = [];
  let afterNumber = false;
  for (const w of words(text)) {
    // "something for my dog", "what about shorts": a message that opens on its details names no kind.
    if (TAIL.has(w) && content.length === 0) return undefined;
    // "tv 55 inch", "laptop 16gb": a number starts the details, like "for" or "under".
    if (TAIL.has(w) || (/\d/.test(w) && content.length > 0)) break;
    // "65 inch oled", "1000 piece jigsaw": the unit after a number is no part of the name.
    const unit = afterNumber;
    afterNumber = /\d/.test(w);
    if (!unit && !afterNumber && !isStopword(w) && !ASKING.has(w) && w.length > 1) content.push(w);
  }
  // "sheets king", "sofa blue": a size or colour said after the thing is a detail of it.
  while (content.length > 1 && isDetail(content.at(-1)!)) content.pop();
  if (content.length === 0 || content.length > MAX_NAMING_WORDS) return undefined;
  const last = content.at(-1)!;
  if (NO_KIND.has(last)) return undefined;
  return { head: stem(last), phrase: content.slice(-3).join(' '), words: content.length };
}

/** How many of the first results are read: the page a shopper sees. */
const FIRST_PAGE = 5;
/** Longer messages are needs or stories ("keep the pens tidy on my desk"): their nouns are settings, not the kind wanted. */
const MAX_MESSAGE_WORDS = 4;
/** Facets said after the thing that are details of it ("sheets king"), and those that name no kind on their own. */
const DETAILS = new Set<string | undefined>(['color', 'size']);
const ATTRIBUTES = new Set<string | undefined>(['color', 'material', 'brand', 'size']);

/** What the check knows of the store: the nouns it names its products by, and its facet values. */
export interface StoreKinds {
  /** Stemmed head nouns of the store's titles and leaf categories: what its products are called. */
  nouns: ReadonlySet<string>;
  /** The term occurs somewhere in the catalog (a misspelling does not, and is left to the search). */
  knows(term: string): boolean;
  /** Which facet a word is a value of, if any: "emerald velvet" names no kind, "sheets king" names sheets. */
  facetOf(word: string): 'category' | 'color' | 'material' | 'brand' | 'size' | undefined;
}

/** The head nouns of the products' titles and leaf categories, read once when search opens. */
export function kindNounsOf(products: Iterable<Pick<Product, 'title' | 'category'>>): Set<string> {
  const nouns = new Set<string>();
  for (const p of products) for (const h of headsOf(p)) nouns.add(h);
  return nouns;
}

/** Whether a product is of the kind whose stemmed head noun is `head`: a bike pump is no bike. */
export function isOfKind(product: Pick<Product, 'title' | 'category'>, head: string): boolean {
  return headsOf(product).includes(head);
}

function headsOf(product: Pick<Product, 'title' | 'category'>): string[] {
  const leaf = product.category.at(-1) ?? '';
  const leafHeads = leaf.split(/\s*(?:&|,|\band\b)\s*/).flatMap((part) => terms(part).slice(-1));
  return [...titleHeads(product.title).flatMap((h) => h.split(' ').slice(-1)), ...leafHeads];
}

/**
 * The kind a short request names when none of the first results is of it ("golf balls" answered with
 * golf bags, "wine glasses" with glass bottles, "bikes" with bike pumps): the reply says the store
 * doesn't seem to have it and offers the results as alternatives instead of passing them off as a
 * match. A noun the store names products by must be the head of a result's title or category; any
 * other must appear, with the words before it, in a result's title.
 */
export function missingKind(text: string, results: readonly Pick<Product, 'title' | 'category'>[], store: StoreKinds): string | undefined {
  const message = words(text).filter((w) => !ASKING.has(w) && !isStopword(w));
  const kind = namedKind(text, (w) => DETAILS.has(store.facetOf(w)));
  if (!kind || results.length === 0 || message.length > MAX_MESSAGE_WORDS || !store.knows(kind.head)) return undefined;
  if (kind.phrase.split(' ').every((w) => ATTRIBUTES.has(store.facetOf(w)))) return undefined;
  const page = results.slice(0, FIRST_PAGE);
  if (store.nouns.has(kind.head)) return page.some((p) => isOfKind(p, kind.head)) ? undefined : kind.phrase;
  // A word the store names nothing by ("glasses") is judged only in a bare name of two words at most: longer, it is a need.
  if (kind.words > 2 || message.length > kind.words) return undefined;
  const wanted = terms(kind.phrase);
  return page.some((p) => { const t = new Set(terms(p.title)); return wanted.every((w) => t.has(w)); }) ? undefined : kind.phrase;
}

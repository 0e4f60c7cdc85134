import type { Product } from '../domain.ts';
import type { CatalogTerms, KindsOf } from './lexicon.ts';
import { terms } from './text.ts';
import { rememberedTypoNeighbours } from './typo.ts';

/**
 * What each leaf category of the store is about, read from its own products' text: one document per
 * category made of the distinct sentences of its titles, tags and descriptions. A need ("keep my soup
 * hot at work") rarely matches one product's words well, but the sentences a whole category shares
 * ("keeps drinks hot for hours", "for lunch at the office") say what that kind of product is for.
 */
export interface CategoryIndex extends CatalogTerms {
  /** Leaf category names, in the order of `score`'s output. */
  readonly categories: readonly string[];
  /** BM25 of the query's terms against each category's document; 0 where no term occurs. */
  score(queryTerms: readonly string[]): number[];
  /**
   * The best category's score in units of the largest possible idf (a term only one category
   * uses), so one threshold means the same in a store with 20 categories or 2,000: about how many
   * telling words of one kind of product the query holds.
   */
  strength(queryTerms: readonly string[]): number;
  /** The query's terms as the categories' documents spell them: a misspelt term becomes its near neighbours ("headphnes"). */
  spelled(queryTerms: readonly string[]): string[];
}

// Standard BM25 settings (Robertson's defaults); the per-category lengths differ a lot, so b matters.
const K1 = 1.2;
const B = 0.75;

/**
 * The file `aisle index` writes. Its name carries the format: a build whose file predates the catalog's
 * other words and the kinds (categories.json) counts as incomplete and is re-derived without re-embedding.
 */
export const CATEGORY_INDEX_FILE = 'categories-v2.json';

/** What `aisle index` writes so start-up reads the documents instead of rebuilding them. */
export interface SerializedCategoryIndex {
  categories: string[];
  /** Per category: how many of its distinct sentences use each term. */
  termCounts: Record<string, number>[];
  /** Per category: terms of the kinds its name covers (from the lexicon), which its products need not use. */
  kindTerms?: string[][];
  /** Terms the catalog uses outside the categories' documents (brands, facet values, uncategorised products): known words, not evidence of a kind. */
  otherTerms?: string[];
}

/**
 * Reads each category's distinct sentences: about a second for 20,000 products, so `aisle index` does
 * it once. With `kindsOf`, a category also answers to the kinds its name covers ("Pens & Pencils" to
 * biro and fountain pen, "Sandals" to flip-flops), for the shopper who names the kind.
 */
export function buildCategoryIndex(products: Iterable<Product>, kindsOf?: KindsOf): CategoryIndex {
  const byLeaf = new Map<string, { seen: Set<string>; tf: Record<string, number> }>();
  const other = new Set<string>();
  const facetText = new Set<string>();
  for (const p of products) {
    for (const v of [p.brand ?? '', ...p.colors, ...p.materials, ...p.sizes, ...Object.values(p.attributes).map(String)]) facetText.add(v);
    const leaf = p.category[p.category.length - 1];
    if (!leaf) {
      for (const t of terms([p.title, ...p.tags, p.description].join(' '))) other.add(t);
      continue;
    }
    const doc = byLeaf.get(leaf) ?? byLeaf.set(leaf, { seen: new Set(), tf: {} }).get(leaf)!;
    for (const sentence of [p.title, ...p.category, ...p.tags, ...sentencesOf(p.description)]) {
      // Generated and templated catalogs repeat sentences; a category's vocabulary counts each once.
      const key = sentence.toLowerCase();
      if (doc.seen.has(key)) continue;
      doc.seen.add(key);
      for (const t of new Set(terms(sentence))) doc.tf[t] = (Object.hasOwn(doc.tf, t) ? doc.tf[t]! : 0) + 1;
    }
  }
  const categories = [...byLeaf.keys()];
  const kindTerms = kindsOf && categories.map((c) => [...new Set(namedNouns(c).flatMap((n) => kindsOf(n)).flatMap((k) => terms(k)))]);
  for (const v of facetText) for (const t of terms(v)) other.add(t);
  const otherTerms = [...other];
  return loadCategoryIndex({ categories, termCounts: categories.map((c) => byLeaf.get(c)!.tf), otherTerms, ...(kindTerms ? { kindTerms } : {}) });
}

/** The nouns a category's name is made of: "Pots & Dutch Ovens" → pots, dutch ovens, ovens. */
function namedNouns(category: string): string[] {
  return category.toLowerCase().split(/\s*(?:&|,|\band\b|\/)\s*/).filter(Boolean).flatMap((phrase) => {
    const head = phrase.split(/\s+/).at(-1)!;
    return head === phrase ? [phrase] : [phrase, head];
  });
}

export function loadCategoryIndex(data: SerializedCategoryIndex): CategoryIndex & { toJSON(): SerializedCategoryIndex } {
  const { categories } = data;
  const docs = data.termCounts.map((counts) => new Map(Object.entries(counts)));
  // A kind the name covers counts like one sentence of the category's own text, unless its products already say it.
  data.kindTerms?.forEach((kinds, i) => { for (const t of kinds) if (!docs[i]!.has(t)) docs[i]!.set(t, 1); });
  const ownTerms = new Set([...data.termCounts.flatMap((counts) => Object.keys(counts)), ...(data.otherTerms ?? [])]);
  const lengths = docs.map((d) => [...d.values()].reduce((a, b) => a + b, 0));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const norms = lengths.map((length) => K1 * (1 - B + (B * length) / Math.max(1, avgLength)));
  const maxIdf = Math.log(1 + (n - 0.5) / 1.5);
  let neighbours: ((term: string) => string[]) | undefined;
  const index = {
    categories,
    spelled: (queryTerms: readonly string[]) => queryTerms.flatMap((t) => (df.has(t) ? [t] : (neighbours ??= rememberedTypoNeighbours([...df.keys()]))(t))),
    // What the products' own text says: a kind known only from the lexicon is not a word the catalog uses.
    knows: (term: string) => ownTerms.has(term),
    spread: (term: string) => (df.get(term) ?? 0) / Math.max(1, n),
    // A store of one category has no kind to tell apart: every message would be "about" it.
    strength: (queryTerms: readonly string[]) => (n > 1 ? Math.max(0, ...index.score(queryTerms)) / maxIdf : 0),
    score(queryTerms: readonly string[]) {
      const scores = new Array<number>(n).fill(0);
      for (const t of new Set(queryTerms)) {
        const f = df.get(t);
        if (!f) continue;
        const idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
        docs.forEach((d, i) => {
          const tf = d.get(t);
          if (tf) scores[i]! += (idf * tf * (K1 + 1)) / (tf + norms[i]!);
        });
      }
      return scores;
    },
    toJSON: () => data,
  };
  return index;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
}

import { terms } from '../search/text.ts';
import { rememberedTypoNeighbours } from '../search/typo.ts';

/** A BM25 hit; `score` is higher-is-better and unbounded. */
export interface LexicalHit {
  id: string;
  score: number;
}

/** Text of one product by field; fields are weighted (a title match counts more than a description one). */
export interface LexicalDocument {
  id: string;
  title: string;
  brand: string;
  category: string;
  facets: string;
  description: string;
}

export interface LexicalIndex {
  readonly size: number;
  /** Best first; `accept` filters before the list is cut to k. */
  search(query: string, k: number, accept?: (id: string) => boolean): LexicalHit[];
  /** A JSON-safe snapshot that `loadLexicalIndex` restores. */
  toJSON(): SerializedLexicalIndex;
}

export interface SerializedLexicalIndex {
  ids: string[];
  lengths: number[];
  postings: Record<string, [number[], number[]]>;
}

const FIELD_WEIGHTS: Record<Exclude<keyof LexicalDocument, 'id'>, number> = {
  title: 3, brand: 2, category: 2, facets: 1.5, description: 1,
};
const K1 = 1.2;
const B = 0.75;
/** A term matched only through a typo correction counts this much of an exact match. */
const TYPO_WEIGHT = 0.7;

/** BM25F-style index: per-field weighted term frequencies, one length per document. */
export function buildLexicalIndex(docs: readonly LexicalDocument[]): LexicalIndex {
  const postings = new Map<string, [number[], number[]]>();
  const lengths = docs.map((doc, i) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
      for (const t of terms(doc[field as keyof typeof FIELD_WEIGHTS])) {
        tf.set(t, (tf.get(t) ?? 0) + weight);
        length += weight;
      }
    }
    for (const [t, f] of tf) {
      const list = postings.get(t) ?? postings.set(t, [[], []]).get(t)!;
      list[0].push(i);
      list[1].push(f);
    }
    return length;
  });
  return loadLexicalIndex({ ids: docs.map((d) => d.id), lengths, postings: Object.fromEntries(postings) });
}

/** Restores an index from its snapshot. */
export function loadLexicalIndex(data: SerializedLexicalIndex): LexicalIndex {
  const { ids, lengths } = data;
  const postings = new Map(Object.entries(data.postings));
  const neighbours = rememberedTypoNeighbours([...postings.keys()]);
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const idf = (df: number) => Math.log(1 + (ids.length - df + 0.5) / (df + 0.5));

  /** Query terms with their weight; unknown words are replaced by close vocabulary terms. */
  const expand = (query: string): Array<[string, number]> =>
    [...new Set(terms(query))].flatMap((t): Array<[string, number]> =>
      postings.has(t) ? [[t, 1]] : neighbours(t).map((n): [string, number] => [n, TYPO_WEIGHT]));

  return {
    size: ids.length,
    search(query, k, accept) {
      const scores = new Float32Array(ids.length);
      const touched: number[] = [];
      for (const [term, weight] of expand(query)) {
        const [docs, tfs] = postings.get(term)!;
        const w = weight * idf(docs.length);
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j]!;
          const tf = tfs[j]!;
          if (scores[d] === 0) touched.push(d);
          scores[d] = scores[d]! + (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[d]!) / avgLength));
        }
      }
      const hits: LexicalHit[] = [];
      for (const d of touched) if (!accept || accept(ids[d]!)) hits.push({ id: ids[d]!, score: scores[d]! });
      return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k);
    },
    toJSON: () => data,
  };
}

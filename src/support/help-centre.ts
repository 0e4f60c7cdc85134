import type { Embedder } from '../embed/embedder.ts';
import { buildLexicalIndex } from '../index/lexical-index.ts';
import { fuseRankings, type ScoreComponents } from '../search/fusion.ts';
import type { HelpArticle, HelpPassage } from './help-article.ts';

/** A passage found for a question, with the article it cites. */
export interface HelpHit {
  passage: HelpPassage;
  article: { id: string; title: string; url: string };
  /** Fused rank score: higher is better; compare within one search only. */
  score: number;
  components: ScoreComponents;
}

/** The store's help centre, searchable: what answers shoppers' service questions. */
export interface HelpCentre {
  readonly articles: readonly HelpArticle[];
  /** Whether the encoder ranks passages too (a help centre ingested without a model is searched by BM25 alone). */
  readonly semantic: boolean;
  /** Passages best first; at most one per cited page (an FAQ entry cites its article's page) unless `perArticle` allows more. */
  search(question: string, k: number, options?: { perArticle?: number }): Promise<HelpHit[]>;
}

/** An ingested article with one unit vector per passage (absent when ingested without a model). */
export interface EmbeddedArticle extends HelpArticle {
  vectors?: Float32Array[];
}

/** How deep each retriever looks before fusion: a help centre is hundreds of passages, so all of them cheaply. */
const DEPTH = 50;
/**
 * Rank-fusion weights. Lexical counts twice: shoppers name the topic's own words ("refund", "password")
 * more often than the encoder, trained on products, places their paraphrases. Chosen on the development
 * set (bench/dev/help-questions-dev.jsonl): right article first 0.607 → 0.652 against equal weights.
 */
const FUSION_WEIGHTS = { lexical: 2, semantic: 1 };

/** Hybrid search over the passages: BM25 (heading weighted over text) fused with cosine on the encoder. */
export function createHelpCentre(articles: readonly EmbeddedArticle[], embedder?: Embedder, weights = FUSION_WEIGHTS): HelpCentre {
  const passages = new Map<string, { passage: HelpPassage; article: EmbeddedArticle; vector?: Float32Array }>();
  for (const article of articles) article.passages.forEach((passage, i) => passages.set(passage.id, { passage, article, vector: article.vectors?.[i] }));
  const lexical = buildLexicalIndex([...passages.values()].map(({ passage, article }) => ({
    id: passage.id, title: passage.heading, brand: '', category: article.title, facets: '', description: passage.text,
  })));
  const vectors = [...passages.values()].filter((p) => p.vector);
  const searchable = embedder && vectors.length === passages.size ? embedder : undefined;
  return {
    articles,
    semantic: searchable !== undefined,
    async search(question, k, options = {}) {
      const lexicalHits = lexical.search(question, DEPTH);
      const semanticHits = searchable ? nearest((await searchable.embed([question]))[0]!, vectors) : [];
      const perArticle = options.perArticle ?? 1;
      const taken = new Map<string, number>();
      const hits: HelpHit[] = [];
      for (const fused of fuseRankings(lexicalHits, semanticHits, weights)) {
        const { passage, article } = passages.get(fused.id)!;
        const count = taken.get(article.url) ?? 0;
        if (count >= perArticle) continue;
        taken.set(article.url, count + 1);
        hits.push({ passage, article: { id: article.id, title: article.title, url: article.url }, score: fused.score, components: fused.components });
        if (hits.length >= k) break;
      }
      return hits;
    },
  };
}

function nearest(query: Float32Array, entries: ReadonlyArray<{ passage: HelpPassage; vector?: Float32Array }>): Array<{ id: string; similarity: number }> {
  return entries
    .map(({ passage, vector }) => ({ id: passage.id, similarity: dot(query, vector!) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, DEPTH);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

import { terms } from '../search/text.ts';
import type { ScoreComponents } from '../search/fusion.ts';
import type { HelpCentre, HelpHit } from './help-centre.ts';

/** Where an answer came from, as the shopper sees it cited. */
export interface Citation {
  title: string;
  url: string;
}

/** An answer quoted from the help centre: the passage's own sentences, and what it cites. */
export interface HelpAnswer {
  text: string;
  citations: Citation[];
  /** Ids of the passages quoted, recorded with the answer (and with its thumbs up or down). */
  passages: string[];
  articleId: string;
  /** Whether retrieval is sure enough to quote it (`isConfident`); below, the caller asks which topic instead. */
  confident: boolean;
  /** The best pages found, best first (the cited one included): what a clarifying question offers. */
  alternatives: Citation[];
  /** Below `confident`, whether the best pages are close enough to be worth offering (`CLARIFY`). */
  plausible: boolean;
}

/** At most this many sentences are quoted: enough for a rule and its exception, short enough to read in a chat. */
const MAX_SENTENCES = 3;

/**
 * When the best passage is quoted as the answer: its BM25 score per square root of the question's distinct
 * words (a long message adds up BM25 from many weak matches: "rambling" questions scored high and wrong),
 * or its cosine similarity, reaches a bar. Chosen on the development set (bench/dev/help-questions-dev.jsonl)
 * as the pair answering most questions rightly with at most 5% of all questions answered wrongly. BM25's
 * scale depends on the help centre's size, so a store's own set should check it (docs/benchmarks.md).
 */
export const CONFIDENCE = { lexical: 4, semantic: 0.55 };

/** The lexical evidence the bar reads: BM25 over the square root of the question's distinct words. */
export function lexicalStrength(components: ScoreComponents, question: string): number {
  return (components.lexical ?? 0) / Math.sqrt(Math.max(1, new Set(terms(question)).size));
}

/**
 * From where the closest articles are worth offering as a clarifying question when no answer is sure;
 * below it the offer is noise ("checkout" → Privacy, Invoices, Failed payments) and a person is offered
 * instead. Development set: keeps 59 of the 63 offers that held the right article, drops 16 of 45 that did not.
 */
export const CLARIFY = { lexical: 2, semantic: 0.4 };

/**
 * A confident answer also needs both retrievers to place its passage among their first few: one strong
 * signal alone (many shared words, or a close paraphrase) was behind most confident wrong answers. Chosen
 * on the two development sets (bench/dev/help-questions-dev.jsonl and the earlier held-out set, retired to
 * development once a fresh one was written): confident wrong 0.031 → 0.025 and 0.058 → 0.029, right and
 * confident 0.348 → 0.311 and 0.148 → 0.095 (docs/benchmarks.md). Without an encoder, BM25 alone decides.
 */
export const AGREEMENT_RANK = 3;

export function isConfident(components: ScoreComponents, question: string, semantic = true): boolean {
  return passes(components, question, CONFIDENCE) && agrees(components, semantic);
}

/** Both retrievers rank the passage in their first AGREEMENT_RANK; always true without an encoder. */
export function agrees(components: ScoreComponents, semantic: boolean): boolean {
  if (!semantic) return true;
  return (components.lexicalRank ?? Infinity) <= AGREEMENT_RANK && (components.semanticRank ?? Infinity) <= AGREEMENT_RANK;
}

function passes(components: ScoreComponents, question: string, bar: { lexical: number; semantic: number }): boolean {
  return lexicalStrength(components, question) >= bar.lexical || (components.semantic ?? 0) >= bar.semantic;
}

/** The two bars an answer is judged by; a store that calibrates on its own questions may pass its own. */
export interface AnswerBars {
  confident: { lexical: number; semantic: number };
  clarify: { lexical: number; semantic: number };
}

/** Searches the help centre and quotes the best passage, trimmed to the sentences that answer. */
export async function answerFromHelpCentre(centre: HelpCentre, question: string, bars: AnswerBars = { confident: CONFIDENCE, clarify: CLARIFY }): Promise<HelpAnswer | undefined> {
  const hits = await centre.search(question, 3);
  // A title sent back (a clarifying chip, or typed), or a question in its words alone ("what's your return
  // policy" of "Returns policy"), names its article: that article's opening is the answer, not a detail of it.
  const named = hits.find((h) => sameWords(h.article.title, question) || asksForTitle(h.article.title, question));
  const best = named ? opening(centre, named) : hits[0];
  if (!best) return undefined;
  return {
    text: named ? openingText(best) : quote(question, best),
    citations: [{ title: best.article.title, url: best.article.url }],
    passages: [best.passage.id],
    articleId: best.article.id,
    confident: named !== undefined || (passes(best.components, question, bars.confident) && agrees(best.components, centre.semantic)),
    alternatives: hits.map((h) => ({ title: h.article.title, url: h.article.url })),
    plausible: passes(best.components, question, bars.clarify),
  };
}

/** Every word the question asks with (two at least) is in the title: the question is the article's topic itself. */
function asksForTitle(title: string, question: string): boolean {
  const asked = new Set(terms(question));
  const titled = new Set(terms(title));
  return asked.size >= 2 && [...asked].every((t) => titled.has(t));
}

function sameWords(a: string, b: string): boolean {
  const key = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(a) === key(b);
}

/** The article's first passage, as a hit: what a page opens with says what it is about. */
function opening(centre: HelpCentre, hit: HelpHit): HelpHit {
  const article = centre.articles.find((a) => a.id === hit.article.id);
  const first = article?.passages[0];
  return first ? { ...hit, passage: first } : hit;
}

/** What an article opens with: its first sentences (a whole procedure when it opens with one). */
function openingText(hit: HelpHit): string {
  return quote('', hit);
}

/**
 * The passage's sentences that answer: a numbered procedure is quoted whole (a step alone is no
 * answer); otherwise the sentence sharing most words with the question, with its neighbour when that
 * shares words too, in the passage's order. With no word in common, the heading matched, so its first
 * sentences are the answer.
 */
export function quote(question: string, hit: HelpHit): string {
  const lines = hit.passage.text.split('\n');
  if (lines.filter((l) => /^\d+[.)]\s/.test(l)).length >= 2) return lines.join('\n');
  // A list of options reads whole too ("• Visa", "• PayPal"), after the sentence that introduces it.
  if (lines.filter((l) => l.startsWith('• ')).length >= 2) return lines.join('\n');
  const sentences = lines.flatMap(splitSentences);
  if (sentences.length <= MAX_SENTENCES) return sentences.join(' ');
  const asked = new Set(terms(question));
  const overlap = sentences.map((s) => terms(s).filter((t) => asked.has(t)).length);
  const best = overlap.indexOf(Math.max(...overlap));
  if (overlap[best] === 0) return sentences.slice(0, 2).join(' ');
  const picked = new Set([best]);
  for (const i of [best + 1, best - 1]) if (picked.size < MAX_SENTENCES && overlap[i] !== undefined && overlap[i]! > 0) picked.add(i);
  // A sentence that opens with a pointer back ("This", "It") needs the one before it.
  if (/^(this|that|it|these|they)\b/i.test(sentences[best]!) && best > 0) picked.add(best - 1);
  return [...picked].sort((a, b) => a - b).map((i) => sentences[i]).join(' ');
}

/** Sentence ends: ". ", "? ", "! " before a capital or digit; "e.g." and "U.S." do not end one. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+(?=[A-Z0-9"“])/).map((s) => s.trim()).filter((s) => s && !/^(e\.g\.|i\.e\.)$/i.test(s));
}

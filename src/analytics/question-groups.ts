import type { Embedder } from '../embed/embedder.ts';
import { normalize, terms } from '../search/text.ts';
import type { UnansweredQuestion } from './unanswered.ts';

/** Questions that mean the same thing, most asked first. */
export interface QuestionGroup {
  /** The group's most asked wording: what an FAQ entry made from it would ask. */
  representative: string;
  /** Times asked (every unanswered turn in the group). */
  count: number;
  /** Up to MAX_EXAMPLES distinct wordings, most asked first, each with where it was last asked (for the agent's reply). */
  examples: { text: string; count: number; conversation: string; seq: number }[];
  lastAsked: string;
}

/** How the questions were grouped. */
export interface Grouping {
  method: 'embedding' | 'lexical';
  thresholds: Thresholds;
  groups: QuestionGroup[];
  /** Distinct wordings past MAX_DISTINCT (least asked), left out of the groups. */
  ungrouped: number;
}

/** When a wording joins a group: cosine to the group's centroid, or share of content words with its first wording. */
export interface Thresholds {
  /** Absent: words only (no model). */
  cosine?: number;
  jaccard: number;
}

/**
 * Chosen on the help-centre development set (bench/dev/help-questions-dev.jsonl, same article = same meaning) with
 * the shipped encoder (bench/question-groups.ts; docs/benchmarks.md, "Grouping unanswered questions"): pairwise
 * precision 0.36, recall 0.105, against 0.41 and 0.090 for shared words alone. That encoder was trained on product
 * text and places service questions poorly (below 0.55 precision falls to chance), so only near-paraphrases join on
 * the cosine and shared words do most of the grouping; a general-purpose encoder (aisle models pull) would do more.
 */
export const DEFAULT_THRESHOLDS: Required<Thresholds> = { cosine: 0.55, jaccard: 0.2 };
export const MAX_EXAMPLES = 5;
/** Distinct wordings grouped at most (most asked first): bounds the encoder's work in one report. */
export const MAX_DISTINCT = 2000;

interface Wording { key: string; text: string; items: UnansweredQuestion[] }

/** Words every question has ("do you", "how can I"): shared, they say nothing about what is asked. */
const QUESTION_WORDS = new Set(('do does did doing done how when where why will would could should shall may might must there ' +
  'was were been be am about just really still also if so than then but not no yes ok hi hello thanks thank yall u ur ' +
  'know tell let like one ones will way much many more other after before into out up down over only very too all').split(' '));

/** What a question is about, for the shared-words test: the search's terms less question words. */
function topicWords(text: string): Set<string> {
  return new Set(terms(text).filter((w) => !QUESTION_WORDS.has(w)));
}

/**
 * Groups questions by meaning, greedily: wordings (same normalised text) most asked first; each joins the first group
 * it is close enough to (see clusterTexts), else starts one. Without an embedder, by shared content words only.
 */
export async function groupQuestions(questions: readonly UnansweredQuestion[], embedder?: Embedder, thresholds = DEFAULT_THRESHOLDS): Promise<Grouping> {
  const all = wordingsOf(questions);
  const wordings = all.slice(0, MAX_DISTINCT);
  const used: Thresholds = embedder ? thresholds : { jaccard: thresholds.jaccard };
  const clusters = await clusterTexts(wordings.map((w) => ({ text: w.text, weight: w.items.length })), embedder, used);
  return {
    method: embedder ? 'embedding' : 'lexical', thresholds: used, ungrouped: all.length - wordings.length,
    groups: clusters.map((members) => describeGroup(members.map((i) => wordings[i]!)))
      .sort((a, b) => b.count - a.count || (a.lastAsked < b.lastAsked ? 1 : -1)),
  };
}

/**
 * The greedy grouping itself, over texts in the order given (most weighty first): each group as the indices of its
 * texts, first member first. A text joins the group with the highest cosine to its centroid (weighted by `weight`)
 * when that reaches `cosine`, else the first group whose first text shares `jaccard` of its content words.
 */
export async function clusterTexts(texts: readonly { text: string; weight: number }[], embedder: Embedder | undefined, t: Thresholds): Promise<number[][]> {
  const vectors = embedder && t.cosine !== undefined && texts.length ? await embedder.embed(texts.map((x) => x.text)) : undefined;
  const groups: { members: number[]; words: Set<string>; sum?: Float32Array }[] = [];
  texts.forEach((text, i) => {
    const words = topicWords(text.text);
    const v = vectors?.[i];
    let home = v && closest(groups, v, t.cosine!);
    home ??= groups.find((g) => jaccard(words, g.words) >= t.jaccard);
    if (!home) groups.push(home = { members: [], words, ...(v ? { sum: new Float32Array(v.length) } : {}) });
    home.members.push(i);
    // Weighted by how often asked: the centroid leans to the common wordings.
    if (v) for (let d = 0; d < v.length; d++) home.sum![d]! += v[d]! * text.weight;
  });
  return groups.map((g) => g.members);
}

function closest<G extends { sum?: Float32Array }>(groups: G[], v: Float32Array, threshold: number): G | undefined {
  let best: G | undefined;
  let bestScore = threshold;
  for (const g of groups) {
    const score = cosine(v, g.sum!);
    if (score >= bestScore) [best, bestScore] = [g, score];
  }
  return best;
}

function wordingsOf(questions: readonly UnansweredQuestion[]): Wording[] {
  const byKey = new Map<string, Wording>();
  for (const q of questions) {
    const key = normalize(q.text);
    if (!key) continue;
    const w = byKey.get(key) ?? { key, text: q.text.trim(), items: [] };
    w.items.push(q);
    byKey.set(key, w);
  }
  return [...byKey.values()].sort((a, b) => b.items.length - a.items.length || (a.key < b.key ? -1 : 1));
}

function describeGroup(members: Wording[]): QuestionGroup {
  const items = members.flatMap((m) => m.items);
  const examples = members.slice(0, MAX_EXAMPLES).map((m) => {
    const last = m.items.reduce((a, b) => (b.at > a.at ? b : a));
    return { text: m.text, count: m.items.length, conversation: last.conversation, seq: last.seq };
  });
  return { representative: members[0]!.text, count: items.length, examples, lastAsked: items.reduce((a, q) => (q.at > a ? q.at : a), '') };
}

function cosine(v: Float32Array, sum: Float32Array): number {
  let dot = 0;
  let norm = 0;
  for (let d = 0; d < v.length; d++) {
    dot += v[d]! * sum[d]!;
    norm += sum[d]! * sum[d]!;
  }
  return norm === 0 ? 0 : dot / Math.sqrt(norm); // v is unit length (Embedder's contract)
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

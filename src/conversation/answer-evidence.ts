/**
 * How well an answer's source supports it, and what it may therefore claim. Precision first: a
 * shop assistant that says "yes" wrongly costs a return, while "the product page doesn't say" with
 * the nearest fact as context costs only a follow-up. Each answer from a fact or a sentence carries
 * its basis; the gate scores it from general signals and says yes/no only on settled evidence,
 * quotes the source on partial evidence, and abstains (offering the source as context) below that.
 */
import type { Answer } from './fact-answer.ts';
import type { Reading } from './question-matching.ts';
import { focusUsedAlike, notSaidButNear, ownThings, turningWord } from './sentence-answer.ts';
import { splitWords, stemWord } from './question-text.ts';

/** What an answer rests on. */
export interface Basis {
  source: 'fact' | 'sentence';
  /** Question positions the source explains. */
  covered: readonly number[];
  /** Of those, positions it holds only by a word of related meaning (warranty ~ "guarantee"). */
  meaning: readonly number[];
  /** Positions that name the fact literally or are found in its value (facts only): the fact is what the clause asks about. */
  anchors?: readonly number[];
  polarity?: 'yes' | 'no';
  /** The answer as a quote, without a yes/no lead. */
  quote: string;
  /** The record text behind it (a sentence, or a fact's label and value). */
  text: string;
  /** Another sentence holds the same words and gives the other verdict. */
  conflict?: boolean;
}

export interface Evidence {
  /** Share of the asking clause's content stems (the shopper's own things aside) the source explains, 0–1. */
  coverage: number;
  /** How the word the question turns on is matched: itself (or its stem), only by a related word, or not at all. */
  head: 'word' | 'meaning' | 'none';
  /** The source explains only other clauses (the shopper's context), none of the one that asks. */
  contextOnly: boolean;
  /** A condition or hedge stands beside the words matched ("if", "may", "helps"): the text does not settle it. */
  conditional: boolean;
  /** The question asks whether something is needed or included, and the text does not speak of that. */
  necessityUnsaid: boolean;
  /** A suitability or instruction question's focus word is in the text but not used as asked. */
  focusUnused: boolean;
  /** A fact named literally, found in its value or measuring what is asked, in the clause that asks. */
  anchored: boolean;
}

/** Score from coverage and the head word's match; yes/no needs ASSERT_AT and no flag, a quote QUOTE_AT. */
export const ASSERT_AT = 0.5;
export const QUOTE_AT = 0.25;
const HEAD_WEIGHT = { word: 1, meaning: 0.6, none: 0.5 } as const;

const AUX = /^(is|are|do|does|did|can|could|will|would|should|has|have|was|were|what|which|how|when|where|who|why)$/;
const SUBJECT = /^(it|they|this|these|that|those|i|we|you|he|she|there|the|my|your|our|its|their|much|many|long|big|tall|wide|deep|is|are|does|do)$/;
/** Words that make a statement conditional or hedged: it holds only sometimes, or is only aimed at. */
const CONDITION = /^(if|unless|except|may|might|could|helps?|aims?|try|optional|optionally|separately|sometimes|depending)$/;
/** "Do I need…", "does it require…", "do I have to buy…": asks about necessity. */
const NECESSITY = /^(need|needs|needed|require|requires|required|necessary)$/;
const NECESSITY_TEXT = new Set(['need', 'needed', 'require', 'required', 'necessary', 'included', 'includes', 'include', 'free', 'no', 'not', 'without', 'yes']);

/** Content positions of the clause that asks (the one with the question frame), less the shopper's own things. */
export function askedPositions(r: Reading): number[] {
  const words = r.question.words;
  const clause = askingClause(r);
  const own = ownThings(r);
  return r.content.filter((i) => !own.has(i) && !WHEN.test(words[i]!.text) && (clause === undefined || words[i]!.clause === clause));
}

/** The clause with the question frame ("will it", "how big"), or undefined when none has one. */
function askingClause(r: Reading): number | undefined {
  const words = r.question.words;
  const frame = words.findIndex((w, i) => AUX.test(w.text) && SUBJECT.test(words[i + 1]?.text ?? ''));
  return frame >= 0 ? words[frame]!.clause : undefined;
}

/** Time adverbs say when, not what: "can I order it now". */
const WHEN = /^(now|today|tonight|tomorrow|currently|anymore|again|soon|yet)$/;

export function evidenceOf(r: Reading, basis: Basis): Evidence {
  const words = r.question.words;
  const asked = askedPositions(r);
  const stems = new Set(asked.map((i) => words[i]!.stem));
  const held = new Set(asked.filter((i) => basis.covered.includes(i)).map((i) => words[i]!.stem));
  const turn = turningWord(r);
  // "Good for wide feet": the word before the one it turns on says which kind, and answers for it.
  const at = turn === undefined ? undefined : basis.covered.includes(turn) || !r.content.includes(turn - 1) ? turn : turn - 1;
  const head = at === undefined ? (held.size > 0 || stems.size === 0 ? 'word' : 'none')
    : !basis.covered.includes(at) ? 'none' : basis.meaning.includes(at) ? 'meaning' : 'word';
  const clause = askingClause(r);
  const anchored = (basis.anchors ?? []).some((i) => clause === undefined || words[i]!.clause === clause);
  const contextOnly = asked.length > 0 && held.size === 0 && basis.covered.some((i) => r.content.includes(i) && !asked.includes(i));
  return {
    coverage: stems.size === 0 ? 1 : held.size / stems.size, head, contextOnly,
    conditional: conditionNear(r, basis),
    necessityUnsaid: asksNecessity(r) && !splitWords(basis.text).some((w) => NECESSITY_TEXT.has(w) || NECESSITY_TEXT.has(stemWord(w))),
    focusUnused: basis.source === 'sentence' && !focusUsedAlike(r, basis.text),
    anchored,
  };
}

/** Coverage weighted by how the word the question turns on is matched. */
export function evidenceScore(e: Evidence): number {
  return e.contextOnly ? 0 : e.coverage * HEAD_WEIGHT[e.head];
}

/** What the answer may claim: yes/no only when settled, a quote on partial evidence, else "doesn't say" with the source as context. */
export function judge(r: Reading, answer: Answer): Answer {
  const { basis } = answer;
  if (!basis || !answer.known) return { text: answer.text, known: answer.known };
  const e = evidenceOf(r, basis);
  const score = evidenceScore(e);
  const settled = score >= ASSERT_AT && e.head === 'word' && !e.conditional && !e.necessityUnsaid && !e.focusUnused && !basis.conflict;
  if (basis.polarity && settled) return { text: answer.text, known: true };
  // A necessity the source does not speak of is quoted only when the source holds all that is asked.
  // A fact about what the clause asks (named, found in its value, or measuring it) is quoted even when the rest is context.
  const relevant = score >= QUOTE_AT || (basis.source === 'fact' && !e.contextOnly && (e.anchored || e.head === 'word'));
  const quotable = relevant && (!e.necessityUnsaid || e.coverage === 1);
  if (quotable) return { text: basis.polarity ? basis.quote : answer.text, known: true };
  return { text: notSaidButNear(basis.source === 'sentence' ? `"${basis.text}"` : basis.quote), known: false };
}

function asksNecessity(r: Reading): boolean {
  const words = r.question.words;
  return words.some((w, i) => NECESSITY.test(w.text) || (w.text === 'have' && words[i + 1]?.text === 'to'));
}

/** A condition or hedge within three words of a word the source matched. */
function conditionNear(r: Reading, basis: Basis): boolean {
  if (basis.source !== 'sentence') return false;
  const text = splitWords(basis.text);
  const asked = basis.covered.map((i) => r.question.words[i]!.stem);
  const hits = text.flatMap((w, j) => (asked.includes(stemWord(w)) ? [j] : []));
  return hits.some((j) => text.slice(Math.max(0, j - 3), j + 4).some((w) => CONDITION.test(w)));
}

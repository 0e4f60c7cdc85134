/**
 * Matches a question to a product's facts (fields and attributes, by their names, concepts and
 * values) and to its description sentences (by shared words). Pure: no I/O, no product types.
 */
import { findConcepts, GENERIC_NAME, nounsUsedAsVerbs, type Concept, type ConceptHit } from './fact-concepts.ts';
import { dimensionsAsked, type DimensionsAsked } from './fact-quantities.ts';
import { stemWord, textKeys, wordInText, type Question, type TextKeys, type Word } from './question-text.ts';
import { numberWordsPattern } from '../understanding/number-words.ts';

/** One named fact of a product: a field ("Materials") or an attribute ("refresh_rate"). */
export interface Fact {
  key: string;
  kind: 'field' | 'attribute';
  /** Stems of the words that name it. */
  names: string[];
  /** As the record writes it; undefined when the record lacks the fact. */
  value?: string;
}

export interface FactMatch {
  fact: Fact;
  /** Positions it explains, including stopwords of a concept phrase ("made of") and the product's own words. */
  covered: number[];
  /** How many of `covered` are content words: the measure matches are compared by. */
  content: number;
  /** Positions naming it literally ("battery" for battery_life). */
  named: number[];
  /** Positions found in its value ("bluetooth" in "Bluetooth 5.3"). */
  inValue: number[];
  /** Positions that name it by a distinctive word, not a loose one ("life"). */
  sure: number[];
  /** False when only loose words name it: used only when nothing else matches. */
  strong: boolean;
  /** False when the question names only part of its name ("adjustable" of "adjustable lumbar"). */
  whole: boolean;
}

export interface SentenceMatch {
  text: string;
  /** Positions of content words found in it (or a same-meaning word: warranty ~ guarantee). */
  covered: number[];
  /** Positions whose concept it touches without saying the word (waterproof ~ "splashes"). */
  related: number[];
  /** Of `covered`, positions it holds only by a same-meaning word (warranty ~ "guarantee"), not the word itself. */
  meaning: number[];
  /** True for the title, which backs a full match but is never quoted as "nearest". */
  title: boolean;
}

/** A question read against one product: its content words and the concepts it names. */
export interface Reading {
  question: Question;
  /** Positions of words that carry meaning: not stopwords, not the product's own category words. */
  content: number[];
  concepts: ConceptHit[];
  /** Measurements the question asks for or gives (by unit, number or meaning). */
  asked: DimensionsAsked;
  /** Words used as verbs that elsewhere name a fact ("will these *fit* me"): they name no fact here. */
  verbs: Set<number>;
}

const UNIT = new Set(['hour', 'minute', 'second', 'day', 'week', 'month', 'year', 'inch', 'in', 'foot', 'feet', 'ft', 'cm', 'mm',
  'lb', 'pound', 'oz', 'ounce', 'kg', 'gram', 'quart', 'qt', 'liter', 'gallon', 'cup', 'watt', 'volt', 'deg', 'degree', 'mile', 'f', 'w', 'v'].map(stemWord));

export function readAgainst(question: Question, selfWords: ReadonlySet<string>): Reading {
  const content = question.words.flatMap((w, i) => (!w.stop && !selfWords.has(w.stem) ? [i] : []));
  return { question, content, concepts: findConcepts(question.words), asked: dimensionsAsked(question.words), verbs: nounsUsedAsVerbs(question.words) };
}

/** How the question names `fact`; undefined when it does not, or names something next to it ("heel drop"). */
export function matchFact(r: Reading, fact: Fact, selfWords: ReadonlySet<string>): FactMatch | undefined {
  const distinctive = fact.names.filter((n) => !GENERIC_NAME.has(n) && !selfWords.has(n));
  // "Life" names battery life only loosely; it counts fully when the name has no other word to go by.
  const sureName = (n: string) => !GENERIC_NAME.has(n) || distinctive.length === 0;
  const hits = { covered: new Set<number>(), sure: new Set<number>(), names: new Set<string>(), named: [] as number[], inValue: [] as number[] };
  for (const hit of r.concepts) {
    const pointed = pointers(hit.concept, fact);
    if (pointed.length === 0) continue;
    hit.at.forEach((i) => hits.covered.add(i));
    pointed.forEach((n) => hits.names.add(n.stem));
    if (pointed.some((n) => !n.weak && sureName(n.stem))) hit.at.forEach((i) => hits.sure.add(i));
  }
  wordHits(r, fact, sureName, hits);
  const { covered } = hits;
  if (covered.size === 0) return undefined;
  // Some of a two-word name but not all ("adjustable" of "adjustable lumbar"): about something else if words are left over.
  const partial = hits.names.size > 0 && !distinctive.every((n) => hits.names.has(n));
  const content = [...covered].filter((i) => r.content.includes(i));
  if (blocked(r, fact, [...hits.named, ...hits.inValue, ...content], covered, partial)) return undefined;
  return {
    fact, covered: [...covered], content: content.length, named: hits.named, inValue: hits.inValue,
    sure: [...hits.sure], strong: hits.sure.size > 0, whole: !partial,
  };
}

/** The concept's names that point at the fact. A name joined by '+' ("weight+capacity") points only at a fact named by all its words. */
function pointers(concept: Concept, fact: Fact): { weak: boolean; stem: string }[] {
  return concept.names.flatMap((n) => {
    const parts = n.replace('~', '').split('+').map(stemWord);
    return parts.every((p) => fact.names.includes(p)) ? parts.map((stem) => ({ weak: n.startsWith('~'), stem })) : [];
  });
}

function pointsAt(concept: Concept, fact: Fact): boolean {
  return pointers(concept, fact).length > 0;
}

type Hits = { covered: Set<number>; sure: Set<number>; names: Set<string>; named: number[]; inValue: number[] };

/** Words that are a word of the fact's name, or found in its value. */
function wordHits(r: Reading, fact: Fact, sureName: (stem: string) => boolean, hits: Hits): void {
  const words = r.question.words;
  const valueKeys = fact.value ? textKeys(fact.value) : undefined;
  // "Included" asks about the thing named beside it; it is not itself a value to look for.
  const asking = new Set(r.concepts.filter((h) => h.concept.names.includes('includ')).flatMap((h) => h.at));
  // "Max weight" is a phrase naming the weight capacity: its "weight" does not name a fact called weight.
  const phrased = new Set(r.concepts.filter((h) => !pointsAt(h.concept, fact)).flatMap((h) => h.at.filter((i) => h.at.includes(i - 1) || h.at.includes(i + 1))));
  words.forEach((word, i) => {
    if (word.stop || r.verbs.has(i)) return;
    if (fact.names.includes(word.stem) && !phrased.has(i)) {
      hits.named.push(i); hits.covered.add(i); hits.names.add(word.stem);
      if (sureName(word.stem)) hits.sure.add(i);
    } else if (valueKeys && r.content.includes(i) && !asking.has(i) && isDistinctive(word) && wordInText(word, valueKeys)) {
      hits.inValue.push(i); hits.covered.add(i); hits.sure.add(i);
    }
  });
}

export const NUMBER = new RegExp(String.raw`\d|^(?:${numberWordsPattern(2)}|dozen)$`);

function isDistinctive(word: Word): boolean {
  return !UNIT.has(word.stem) && (word.text.length >= 2 || /\d/.test(word.text));
}

/**
 * A fact does not answer a question that asks whether something comes with it ("is the battery
 * included?"), names a different thing beside it ("heel drop", "hdmi ports"), or counts what it
 * does not hold ("how many knives").
 */
function blocked(r: Reading, fact: Fact, literal: number[], covered: Set<number>, partial: boolean): boolean {
  const words = r.question.words;
  const inConcept = new Set(r.concepts.flatMap((h) => h.at));
  const asksIncluded = r.concepts.some((h) => h.concept.names.includes('includ'));
  if (asksIncluded && !/\b(includ|box)/.test(`${fact.names.join(' ')} ${fact.value ?? ''}`.toLowerCase())) return true;
  const uncovered = r.content.filter((i) => !covered.has(i));
  // "Is it height adjustable?": a property the fact does not mention.
  if (uncovered.some((i) => /(able|ible)$/.test(words[i]!.text))) return true;
  // "Are the armrests adjustable?" names half of "adjustable lumbar" and something else besides.
  if (partial && uncovered.length > 0) return true;
  for (const i of literal) {
    const next = i + 1;
    if (next >= words.length || words[i - 1]?.text === 'for') continue;
    if (UNIT.has(words[i]!.stem) || NUMBER.test(words[next]!.text)) continue;
    if (r.content.includes(next) && !covered.has(next) && !inConcept.has(next)) return true;
  }
  const many = words.findIndex((w, i) => w.text === 'how' && words[i + 1]?.text === 'many');
  if (many >= 0) {
    const counted = r.content.find((i) => i > many + 1);
    if (counted !== undefined && !covered.has(counted) && !UNIT.has(words[counted]!.stem)) return true;
    if (counted !== undefined && !/\d/.test(fact.value ?? '1')) return true;
  }
  return false;
}

/**
 * Content words of the question that `text` holds. A word of a concept phrase counts only when the
 * text is about that concept too: "made" in "where is it made?" is not "Made by Harbor".
 */
export function matchSentence(r: Reading, text: string, title = false): SentenceMatch {
  const keys = textKeys(text);
  const covered = new Set<number>();
  const related = new Set<number>();
  const meaning = new Set<number>();
  const inConcept = new Map(r.concepts.flatMap((h) => h.at.map((i) => [i, h.concept] as const)));
  for (const i of r.content) {
    const concept = inConcept.get(i);
    const direct = wordInText(r.question.words[i]!, keys);
    if (!concept) { if (direct) covered.add(i); continue; }
    if (!conceptInText(concept, keys)) continue;
    (direct || concept.same ? covered : related).add(i);
    if (!direct && concept.same) meaning.add(i);
  }
  // "How many knives are in the set?", "how much is in the bag?" are not answered by a sentence without a quantity.
  if (asksQuantity(r) && !QUANTITY.test(text)) { covered.clear(); meaning.clear(); }
  // "Does it come with tools?" is not answered by "a tool bench": what comes with it must be said to.
  const included = r.concepts.find((h) => h.concept.names.includes('includ'));
  if (included && !conceptInText(included.concept, keys)) { covered.clear(); meaning.clear(); }
  return { text, covered: [...covered], related: [...related], meaning: [...meaning], title };
}

function conceptInText(concept: Concept, keys: TextKeys): boolean {
  const single = [...concept.names.map((n) => n.replace('~', '')), ...concept.phrases.filter((p) => /^[a-z]+$/.test(p))];
  if (single.some((w) => w.length >= 3 && wordInText({ text: w, stem: stemWord(w), stop: false }, keys))) return true;
  const joined = ` ${keys.words.map(stemWord).join(' ')} `;
  return concept.phrases.some((p) => / /.test(p) && /^[a-z ]+$/.test(p) && joined.includes(` ${p.split(' ').map(stemWord).join(' ')} `));
}

const QUANTITY = new RegExp(String.raw`\d|\b(?:${numberWordsPattern()}|dozen|an? (?:hour|day|week|month|year|minute))\b`, 'i');

/** "How many…", "how much…", "how long…", "how big…": answered only by a number or a span of time. */
function asksQuantity(r: Reading): boolean {
  const text = r.question.words.map((w) => w.text).join(' ');
  return /\bhow (many|much|long|big|tall|wide|deep|heavy|far|old|large|small|thick)\b/.test(text);
}

const NEGATOR = /^(not|no|never|without|avoid|nor|cannot|non|isnt|arent|doesnt|dont)$/;

/** "Free of PFAS, lead and cadmium", "BPA-free", "keep away from radiators": word `j` is said to be absent. */
function saidAbsent(words: readonly string[], text: string, j: number): boolean {
  if (words[j + 1] === 'free' && new RegExp(`\\b${words[j]}-free\\b`, 'i').test(text)) return true;
  const from = (a: string, b: string, span: number) => words.some((w, k) => w === a && words[k + 1] === b && j > k + 1 && j <= k + 1 + span);
  return from('free', 'of', 6) || from('away', 'from', 3);
}

/**
 * 'no' when a negation stands within three words of what the question asked about ("Batteries not
 * required", "Free of lead"), turned round when the question itself asks for its absence ("lead free?",
 * "does it work without batteries?").
 */
export function sentencePolarity(r: Reading, match: SentenceMatch): 'yes' | 'no' {
  const keys = textKeys(match.text);
  const asked = match.covered.map((i) => r.question.words[i]!);
  const hits = keys.words.flatMap((w, j) => (asked.some((a) => wordInText(a, textKeys(w))) ? [j] : []));
  const near = (j: number) => keys.words.slice(Math.max(0, j - 3), j + 4);
  const negated = hits.some((j) => near(j).some((w) => NEGATOR.test(w)) || saidAbsent(keys.words, match.text, j));
  // Only where the question's own "without"/"free" governs a word the sentence holds: "lead free?", "without batteries?".
  const words = r.question.words;
  const asksAbsence = match.covered.some((i) => words[i + 1]?.text === 'free'
    || words.slice(Math.max(0, i - 3), i).some((w, k, before) => w.text === 'without' || (w.text === 'free' && before[k + 1]?.text === 'of')));
  return negated !== asksAbsence ? 'no' : 'yes';
}

/** Splits a description into sentences. */
export function sentencesOf(description: string): string[] {
  return description.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/).map((s) => s.trim()).filter(Boolean);
}

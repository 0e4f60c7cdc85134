/**
 * Answers from the description's sentences: one that holds what is asked (all of it, or most of it
 * beside the shopper's own situation), said as yes or no for a yes/no question, else quoted.
 */
import type { Basis } from './answer-evidence.ts';
import type { Answer } from './fact-answer.ts';
import { sentencePolarity, type Reading, type SentenceMatch } from './question-matching.ts';
import { splitWords, textKeys, wordInText } from './question-text.ts';

export const DOES_NOT_SAY = "The product page doesn't say.";

/**
 * "Doesn't say" with the nearest thing the page does say, quoted: the shopper may read the answer in it,
 * but Aisle claims nothing. Worded so the two halves do not read as "no" then "yes".
 */
export function notSaidButNear(quote: string): string {
  return `The product page doesn't say that in so many words. The closest it comes: ${quote}`;
}

/** The sentence quoted, as yes or no for a yes/no question; `others` are checked for the opposite verdict on the same words. */
export function sentenceAnswer(r: Reading, s: SentenceMatch, others: readonly SentenceMatch[] = []): Answer & { basis: Basis } {
  const quote = `The product page says: "${s.text}"`;
  const basis: Basis = { source: 'sentence', covered: s.covered, meaning: s.meaning, quote, text: s.text };
  if (r.question.form === 'open' || r.question.form === 'either-or') return { text: quote, known: true, basis };
  const polarity = sentencePolarity(r, s);
  const conflict = others.some((o) => o !== s && !o.title && s.covered.every((i) => o.covered.includes(i)) && sentencePolarity(r, o) !== polarity);
  return { text: `${polarity === 'yes' ? 'Yes' : 'No'} — the product page says: "${s.text}"`, known: true, basis: { ...basis, polarity, conflict } };
}

/** The word the question turns on: the focus of an instruction or suitability question, else the first content word after its frame. */
export function turningWord(r: Reading): number | undefined {
  return focusWord(r) ?? headWord(r);
}

/** False when an instruction or suitability question's focus is in `text` but not used as asked ("on trails" for "good for trail running"). */
export function focusUsedAlike(r: Reading, text: string): boolean {
  const focused = focusWord(r);
  return focused === undefined || usedAlike(r, focused, text);
}

/** Least share of the question's content words a sentence must hold to answer it without holding them all. */
const CLOSE_SHARE = 0.5;

/**
 * A description sentence that holds most of what is asked, when the rest is the shopper's own
 * situation ("going away for 2 weeks, will it keep my plant watered?" → "A reservoir keeps plants
 * watered while you are away"). Two words at least: one shared word is a topic, not an answer.
 */
export function closeSentence(r: Reading, sentences: SentenceMatch[]): SentenceMatch | undefined {
  const own = ownThings(r);
  const asked = r.content.filter((i) => !own.has(i));
  const focused = focusWord(r);
  const head = focused ?? headWord(r);
  // One word is enough when it is what the question turns on: "how do I *store* them", "good for *beginners*".
  const least = focused === undefined ? 2 : 1;
  const stems = (s: SentenceMatch) => new Set(s.covered.filter((i) => !own.has(i)).map((i) => r.question.words[i]!.stem)).size;
  // On one word, the sentence must use it the same way: "chosen *for beginners*", not "food and flowers".
  const sameUse = (s: SentenceMatch) => stems(s) >= 2 || focused === undefined || usedAlike(r, focused, s.text);
  const fits = sentences.filter((s) => !s.title && (head === undefined || s.covered.includes(head)) && sameUse(s)
    && stems(s) >= least && stems(s) >= CLOSE_SHARE * new Set(asked.map((i) => r.question.words[i]!.stem)).size);
  return fits.sort((a, b) => stems(b) - stems(a))[0];
}

/** "How do I store…", "how should I clean…": asks for an instruction, which a description gives as a sentence about that verb. */
const INSTRUCTION = /^how (do|does|should|can|would|to)$/;
/** "Good for beginners?", "ok for oily skin": asks whether it suits what follows "for". */
const SUITS = /^(good|ok|okay|suitable|safe|fine|great|ideal|right|made|designed|easy)$/;

/** An instruction's verb opens a sentence ("Store seeds…"); a purpose follows "for" ("for beginners"). */
function usedAlike(r: Reading, focus: number, text: string): boolean {
  const words = splitWords(text);
  const at = words.flatMap((w, j) => (wordInText(r.question.words[focus]!, textKeys(w)) ? [j] : []));
  if (INSTRUCTION.test(r.question.words.slice(0, 2).map((w) => w.text).join(' '))) return at.includes(0);
  return at.some((j) => words.slice(Math.max(0, j - 4), j).includes('for'));
}

/** The word an instruction or suitability question turns on, when it is one. */
function focusWord(r: Reading): number | undefined {
  const words = r.question.words;
  const lead = words.findIndex((w) => !/^(so|and|hey|hi|ok|okay|um|also|but|then)$/.test(w.text) || SUITS.test(w.text));
  if (lead < 0) return undefined;
  if (INSTRUCTION.test(`${words[lead]!.text} ${words[lead + 1]?.text ?? ''}`)) return r.content.find((i) => i > lead + 1 && words[i]!.clause === words[lead]!.clause);
  const suits = words.findIndex((w, i) => SUITS.test(w.text) && words[i + 1]?.text === 'for');
  if (suits < 0 || suits > lead + 3) return undefined;
  // The thing it should suit is the last word of the phrase: "bad *knees*", "dry *skin*".
  return r.content.filter((i) => i > suits + 1 && words[i]!.clause === words[suits]!.clause).at(-1);
}

/** The shopper's own things, which the record cannot hold: "my dining room", "our spare room". */
export function ownThings(r: Reading): Set<number> {
  const words = r.question.words;
  const own = new Set<number>();
  words.forEach((w, i) => {
    if (!/^(my|our|your)$/.test(w.text)) return;
    for (let j = i + 1; j < words.length && !words[j]!.stop; j++) own.add(j);
  });
  return own;
}

const AUX = /^(is|are|do|does|did|can|could|will|would|should|has|have|was|were)$/;
const SUBJECT = /^(it|they|this|these|that|those|i|we|you|he|she|there|the|my|your|our|its|their)$/;

/** What a yes/no question turns on: the first content word after "will it", "does it", "can i" ("will i *slip* on wet pavement"). */
function headWord(r: Reading): number | undefined {
  const words = r.question.words;
  // The question's frame is an auxiliary before its subject ("is this", "will it"), not "my counter is 36 in".
  const framed = words.findIndex((w, i) => AUX.test(w.text) && SUBJECT.test(words[i + 1]?.text ?? ''));
  const aux = framed >= 0 ? framed : words.findIndex((w) => AUX.test(w.text));
  const from = aux >= 0 ? aux + 1 : 0;
  return r.content.find((i) => i >= from && (aux < 0 || words[i]!.clause === words[aux]!.clause));
}

/** "The product page doesn't say.", with the sentence that comes nearest when one shares a word or concept. */
export function doesNotSay(sentences: SentenceMatch[]): Answer {
  const score = (s: SentenceMatch) => s.covered.length * 2 + s.related.length;
  const near = sentences.filter((s) => !s.title && score(s) > 0).sort((a, b) => score(b) - score(a))[0];
  return { text: near ? notSaidButNear(`"${near.text}"`) : DOES_NOT_SAY, known: false };
}

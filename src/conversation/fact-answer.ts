/**
 * Turns matches into the reply: the best-matching fact quoted with its value (yes or no only where
 * the value says so), else a description sentence that holds every word asked about, else
 * "The product page doesn't say." with the nearest sentence.
 */
import type { Basis } from './answer-evidence.ts';
import { asksInverse } from './fact-concepts.ts';
import {
  matchFact, matchSentence, NUMBER, sentencesOf, type Fact, type FactMatch, type Reading, type SentenceMatch,
} from './question-matching.ts';
import { foundOption, optionsOf } from './either-or.ts';
import { compareAsked, dimensionsOf } from './fact-quantities.ts';
import { closeSentence, doesNotSay, notSaidButNear, ownThings, sentenceAnswer } from './sentence-answer.ts';
import { splitWords, stemWord, textKeys, wordInText, type TextKeys } from './question-text.ts';

export interface Answer {
  text: string;
  /** False when the record does not hold what was asked. */
  known: boolean;
  /** What a fact or sentence answer rests on, for the evidence gate (answer-evidence.ts). */
  basis?: Basis;
}

/** A fact with how to say it: fields have their own sentence, attributes are "Label: value." */
export interface Candidate {
  fact: Fact;
  label?: string;
  say?: () => Answer;
}

type Polarity = 'yes' | 'no' | undefined;
type Scored = { candidate: Candidate; match: FactMatch };

/** `overview` is asked only when no fact matches, for a summary of the product instead. */
export function answerFromMatches(
  r: Reading, candidates: readonly Candidate[], page: { title: string; description: string },
  self: ReadonlySet<string>, overview: () => Answer | undefined,
): Answer {
  const record = textKeys([page.title, page.description, ...candidates.flatMap((c) => [c.fact.names.join(' '), c.fact.value ?? ''])].join(' '));
  const named = answerableFacts(r, candidates, self);
  // A fact named but not in the record ("how deep?" → no dimensions listed) gives way to one that measures it.
  const measuring = named.some(isKnown) ? [] : measuringFacts(r, candidates, record);
  const scored = measuring.length > 0 ? measuring : named;
  const sentences = [...sentencesOf(page.description).map((s) => matchSentence(r, s)), matchSentence(r, page.title, true)];
  const sentence = sentences.reduce<SentenceMatch | undefined>((best, s) => (s.covered.length > (best?.covered.length ?? 0) ? s : best), undefined);
  const full = sentence !== undefined && r.content.every((i) => sentence.covered.includes(i));
  const option = r.question.form === 'either-or' ? optionAnswer(r, scored, candidates, sentences) : undefined;
  if (option) return option;
  const best = scored[0];
  // A yes/no question the fact cannot settle but a sentence can ("does it need batteries?" → "Batteries not required.").
  const settles = full && r.question.form === 'yes-no' && best?.candidate.fact.kind === 'attribute'
    && polarityOf(r, best.candidate, best.match) === undefined;
  if (best && !settles && (!sentence || sentence.covered.length <= best.match.content)) return factOrContext(r, best, scored, sentences, record);
  const summary = overview();
  if (summary) return summary;
  if (sentence && full) return sentenceAnswer(r, sentence, sentences);
  const close = closeSentence(r, sentences);
  if (close) return sentenceAnswer(r, close, sentences);
  // A sentence shares more words but answers nothing: the fact still does.
  if (best && !settles) return factOrContext(r, best, scored, sentences, record);
  return doesNotSay(sentences);
}

/**
 * The fact's answer; but "do I have to buy the battery on top?" is not answered by the battery life: a
 * yes/no question the fact explains only in part, and cannot settle, gets the fact as context.
 */
function factOrContext(r: Reading, best: Scored, scored: Scored[], sentences: SentenceMatch[], record: TextKeys): Answer {
  if (r.question.form !== 'yes-no' || unexplained(r, best.match, record).length < MAX_UNEXPLAINED || polarityOf(r, best.candidate, best.match) !== undefined) {
    return factAnswer(r, best, scored, sentences);
  }
  return { text: notSaidButNear(sayFact(r, best).text), known: false };
}

/**
 * "Glass jar or plastic?": when no fact named answers either option, the option the record holds,
 * quoted; "is there a backrest or just a seat?" of a stool with a seat height is not answered by it.
 */
function optionAnswer(r: Reading, named: Scored[], candidates: readonly Candidate[], sentences: SentenceMatch[]): Answer | undefined {
  const options = optionsOf(r);
  if (!options) return undefined;
  if (named[0] && options[0].some((i) => named[0]!.match.covered.includes(i))) return undefined;
  const found = foundOption(r, candidates.map((c) => c.fact.value));
  if (found) {
    const candidate = candidates[found.value]!;
    return sayFact(r, { candidate, match: { fact: candidate.fact, covered: [], content: 0, named: [], inValue: [], sure: [], strong: true, whole: true } });
  }
  const onlyFirst = /^(just|only|simply)$/.test(r.question.words[r.question.words.findIndex((w) => w.text === 'or') + 1]?.text ?? '');
  return onlyFirst || (named[0] && !options[1].some((i) => named[0]!.match.covered.includes(i))) ? doesNotSay(sentences) : undefined;
}

/** Facts the question names, best first, less those it names only in passing. */
function answerableFacts(r: Reading, candidates: readonly Candidate[], self: ReadonlySet<string>): Scored[] {
  const all = candidates.flatMap((candidate) => {
    const match = matchFact(r, candidate.fact, self);
    return match && !measuresOther(r, candidate) ? [{ candidate, match }] : [];
  }).sort(byStrength);
  // Loose names ("how long does it last?" → burn time) answer only when nothing else is named.
  const strong = all.filter((s) => s.match.strong);
  const named = strong.length > 0 || all.length !== 1 ? strong : all;
  // Concepts the question names that no fact of this product answers ("max weight" of a cat condo).
  const orphans = r.concepts.filter((h) => h.at.some((i) => r.content.includes(i)) && !all.some((s) => h.at.some((i) => s.match.covered.includes(i))));
  // Only a phrase of content words can name which one ("seat", "carry on"), not a question frame ("how long does").
  const orphanAt = new Set(orphans.filter((h) => h.at.every((i) => !r.question.words[i]!.stop)).flatMap((h) => h.at));
  // A fact named only by the product's own words ("cat" → pet type) is not the answer to such a question,
  // nor is "height" when the word before it says which height and the record has none ("seat height").
  return named.filter((s) => (orphans.length === 0 || s.match.content > 0) && !namedBefore(r, s.match, orphanAt));
}

/**
 * A fact is no answer to a question that gives or names a unit it does not measure: "does it film in
 * 4k?" is not answered by "12 MP", nor "tog rating?" by the star rating.
 */
function measuresOther(r: Reading, { fact, say }: Candidate): boolean {
  const { explicit, units } = r.asked;
  if (explicit.size === 0) return false;
  if (fact.value === undefined) return say !== undefined && units.size > 0;
  const has = dimensionsOf(fact.value);
  return has.size > 0 ? ![...explicit].some((d) => has.has(d)) : units.size > 0;
}

/** Facts that measure what the question asks by meaning ("how heavy" → a weight, "how much does it hold" → a volume), when none is named. */
function measuringFacts(r: Reading, candidates: readonly Candidate[], record: TextKeys): Scored[] {
  const words = r.question.words;
  const first = Math.min(...r.asked.at);
  if (!Number.isFinite(first)) return [];
  // "How many hours with the charging case?": the clause that asks names something the record does not hold.
  const measure = new Set(r.concepts.filter((h) => h.concept.names.some((n) => MEASURE_NAMES.has(n))).flatMap((h) => h.at));
  const own = ownThings(r);
  const clause = r.content.filter((i) => words[i]!.clause === words[first]!.clause && !r.asked.at.has(i) && !measure.has(i) && !own.has(i));
  if (clause.some((i) => !wordInText(words[i]!, record))) return [];
  // A number the shopper gives ("my son just turned 2") asks about the fact it can be compared with (an age range).
  const comparable = (c: Candidate) => r.question.form !== 'open' && !c.say
    && compareAsked(words, c.fact.value ?? '', c.fact.names.some((n) => LIMIT_NAMES.has(n))) !== undefined;
  const fits = candidates.filter((c) => c.fact.value !== undefined && ([...dimensionsOf(c.fact.value)].some((d) => r.asked.meant.has(d)) || comparable(c)));
  if (fits.length === 0 || fits.length > 2) return [];
  const covered = [...r.asked.at];
  const content = covered.filter((i) => r.content.includes(i)).length;
  return fits.map((candidate) => ({
    candidate, match: { fact: candidate.fact, covered, content, named: [], inValue: [], sure: [], strong: true, whole: true },
  }));
}

const MEASURE_NAMES = new Set(['dimension', 'weight', 'size', 'capacity', 'width', 'height', 'depth', 'length', 'thickness', 'life', 'time', 'duration', 'battery']);

function isKnown({ candidate }: Scored): boolean {
  return candidate.say === undefined || candidate.say().known;
}

function namedBefore(r: Reading, match: FactMatch, orphanAt: ReadonlySet<number>): boolean {
  return match.covered.some((i) => {
    const before = r.content.filter((j) => j < i).at(-1);
    return before !== undefined && orphanAt.has(before) && !match.covered.includes(before);
  });
}

function byStrength(a: Scored, b: Scored): number {
  return b.match.content - a.match.content
    // "Battery how long?": the battery life, not the dimensions the record does not list.
    || Number(isKnown(b)) - Number(isKnown(a))
    || b.match.covered.length - a.match.covered.length
    || (b.match.named.length + b.match.inValue.length) - (a.match.named.length + a.match.inValue.length)
    || (a.candidate.fact.kind === b.candidate.fact.kind ? 0 : a.candidate.fact.kind === 'attribute' ? -1 : 1);
}

function factAnswer(r: Reading, best: Scored, all: Scored[], sentences: SentenceMatch[]): Answer {
  const chosen = [best];
  // "How much is it and what material?": each fact asked about, when the question joins several.
  if (r.question.words.some((w) => /^(and|also|plus)$/.test(w.text))) {
    for (const other of all) {
      if (chosen.every((c) => c.candidate !== other.candidate && !other.match.covered.some((i) => c.match.covered.includes(i)))) chosen.push(other);
    }
  }
  // Said in the order asked.
  const first = (s: Scored) => Math.min(...s.match.covered);
  const parts = chosen.sort((a, b) => first(a) - first(b)).map((s) => sayFact(r, s));
  let text = parts.map((a) => a.text).join(' ');
  // A bare yes or no gains from the sentence about it ("Assembly required: yes." + "assembly takes about an hour").
  const terse = best.candidate.fact.kind === 'attribute' && valuePolarity(best.candidate.fact.value ?? '') !== undefined;
  const support = chosen.length === 1 && terse ? supportingSentence(r, best, sentences) : undefined;
  if (support) text += ` It also says: "${support}"`;
  return { text, known: parts.some((a) => a.known), basis: factBasis(r, chosen, text) };
}

/** The chosen facts' basis: the words they explain, those only by a concept's related word, and the answer without its lead. */
function factBasis(r: Reading, chosen: Scored[], text: string): Basis {
  // A measurement asked for by its unit or meaning ("how many hrs", "how big") is explained by a fact that measures it.
  const measured = chosen.some((s) => dimensionsOf(s.candidate.fact.value ?? '').size > 0) ? [...r.asked.at] : [];
  const covered = [...new Set([...chosen.flatMap((s) => s.match.covered), ...measured])];
  const literal = new Set(chosen.flatMap((s) => [...s.match.named, ...s.match.inValue, ...s.match.sure]));
  const anchors = [...chosen.flatMap((s) => [...s.match.named, ...s.match.inValue]), ...measured];
  const polarity = polarityOf(r, chosen[0]!.candidate, chosen[0]!.match);
  const quote = text.replace(/^(Yes|No) — (.)/, (_, _lead: string, c: string) => c.toUpperCase());
  return { source: 'fact', covered, meaning: covered.filter((i) => !literal.has(i)), anchors, polarity, quote, text: quote };
}

function sayFact(r: Reading, { candidate, match }: Scored): Answer {
  const polarity = polarityOf(r, candidate, match);
  const lead = polarity === 'yes' ? 'Yes — ' : polarity === 'no' ? 'No — ' : '';
  if (candidate.say) {
    const said = candidate.say();
    return polarity && said.known ? { text: lead + said.text.charAt(0).toLowerCase() + said.text.slice(1), known: true } : said;
  }
  const value = candidate.fact.value ?? '';
  return { text: `${lead}${candidate.label}: ${value}${/[.!?]$/.test(value) ? '' : '.'}`, known: true };
}

/**
 * Yes or no for a yes/no question: from a value that is itself one ("no", "not included"), from a
 * word of the question found in the value ("bluetooth" in "Bluetooth 5.3"), or, for "is it oven
 * safe?", from the value's presence when the question is only the fact's name.
 */
function polarityOf(r: Reading, candidate: Candidate, match: FactMatch): Polarity {
  const form = r.question.form;
  if (form === 'open' || form === 'either-or') return undefined;
  const found = match.inValue.length > 0 && answersAll(r, match);
  if (candidate.say) return found ? 'yes' : missingSize(r, candidate.fact, match) ? 'no' : undefined;
  const { value = '', names } = candidate.fact;
  // "Ok for a 2 yr old?" of "1-3 years", "I'm 280 lbs, will it hold me?" of a 250 lb capacity.
  const within = compareAsked(r.question.words, value, names.some((n) => LIMIT_NAMES.has(n)));
  // Inside the range is left to the quoted range: writers differ on whether that settles it; outside it never fits.
  if (within !== undefined) return within ? undefined : 'no';
  const stated = valuePolarity(value, names);
  // "Is it easy to set up?" asks more than "assembly required: no" says.
  if ((stated === 'no' && !match.whole) || (stated && !answersAll(r, match))) return undefined;
  if (stated) return asksInverse(r.question.words, names) ? (stated === 'yes' ? 'no' : 'yes') : stated;
  if (found) return 'yes';
  if (form === 'yes-no' && asksHas(r) && r.content.every((i) => match.named.includes(i))) return 'yes';
  return undefined;
}

const LIMIT_NAMES = new Set(['capacity', 'max', 'maximum', 'limit', 'load'].map(stemWord));

/** "Does it come in a 9?" when the sizes listed are 10.5 to 11.5: sizes are a complete list. */
function missingSize(r: Reading, fact: Fact, match: FactMatch): boolean {
  if (fact.key !== 'sizes' || !fact.value) return false;
  const listed = new Set(splitWords(fact.value));
  const asked = match.covered.map((i) => r.question.words[i]!.text).filter((w) => /^\d+(\.\d+)?$/.test(w));
  return asked.length > 0 && asked.every((n) => !listed.has(n));
}

/** "Is it oven safe?", "does it have drawers?", "is there a warranty?": asks whether the fact is there at all. */
function asksHas(r: Reading): boolean {
  const lead = r.question.words.slice(0, 4).map((w) => w.text).join(' ');
  return /^(is|are) (it|they|this|these|there)\b|\b(have|has)\b/.test(lead);
}

/** A yes/no question with this many words the fact does not explain asks about something else ("does it leave a white cast on dark skin?"). */
const MAX_UNEXPLAINED = 3;

/** Content words that neither the fact nor anything else in the record explains (numbers and units aside). */
function unexplained(r: Reading, match: FactMatch, record: TextKeys): number[] {
  const words = r.question.words;
  return r.content.filter((i) => !match.covered.includes(i) && !r.asked.at.has(i) && !NUMBER.test(words[i]!.text) && !wordInText(words[i]!, record));
}

/** Every content word is explained, except the shopper's own things and purposes ("for wide feet", "to my phone"). */
function answersAll(r: Reading, match: FactMatch): boolean {
  const words = r.question.words;
  const purpose = words.findIndex((w) => w.text === 'for');
  const context = (i: number) => (purpose >= 0 && i > purpose) || /^(my|our|your)$/.test(words[i - 1]?.text ?? '');
  // "Included" was checked against the fact when it matched.
  const asking = new Set(r.concepts.filter((h) => h.concept.names.includes('includ')).flatMap((h) => h.at));
  return r.content.every((i) => match.covered.includes(i) || context(i) || asking.has(i));
}

/** 'yes' or 'no' when the value is itself an answer ("yes", "not required", "LED bulb included", "unscented"). */
function valuePolarity(value: string, names: readonly string[] = []): Polarity {
  const v = value.trim().toLowerCase();
  if (/^(no|n|false|none|n\/a|not required|not included|not compatible|not needed)$/.test(v) || /\bnot (included|required|compatible|needed)\b/.test(v)) return 'no';
  if (v.startsWith('un') && names.some((n) => n.length >= 3 && v.slice(2).startsWith(n))) return 'no';
  if (/^(yes|y|true|required|included|compatible)$/.test(v) || /\bincluded\b/.test(v)) return 'yes';
  return undefined;
}

/** A description sentence about the same thing that adds to the value ("assembly takes about an hour"). */
function supportingSentence(r: Reading, { candidate, match }: Scored, sentences: SentenceMatch[]): string | undefined {
  const valueWords = splitWords(candidate.fact.value ?? '');
  const asked = match.covered.filter((i) => r.content.includes(i) && (match.sure.includes(i) || match.named.includes(i)));
  const adds = sentences.filter((s) => !s.title && asked.length > 0 && asked.every((i) => s.covered.includes(i)))
    .filter((s) => { const words = new Set(splitWords(s.text)); return !valueWords.every((w) => words.has(w)); });
  return adds.sort((a, b) => b.covered.length - a.covered.length)[0]?.text;
}

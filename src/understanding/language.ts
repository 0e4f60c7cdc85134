import { ENGLISH, ENGLISH_HALF, LATIN_PROFILES, type LatinProfile } from './language-words.ts';

/**
 * Which language a chat message is in, so a message Aisle cannot read is answered "I only speak
 * English for now" instead of being misread. Tuned to never call English anything else: product
 * and brand names, loanwords ("crème brûlée", "dulce de leche"), texting, typos, emoji and order
 * numbers all stay English. A lone foreign greeting ("hola", "bonjour candle") is 'und', not Spanish
 * or French: one word is too little to tell, and a wrong "I only speak English" costs more than a
 * greeting read as a greeting.
 */
export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when too little text to tell. */
  language: string;
  /** True unless the text is confidently another language. */
  english: boolean;
  /** How sure `language` is, 0–1; 0 for 'und'. */
  confidence: number;
}

const UNDETERMINED: LanguageGuess = { language: 'und', english: true, confidence: 0 };

/** Letters of these scripts, grouped: Han, kana and Hangul mix within one Japanese or Korean word. */
const SCRIPTS: readonly [script: string, code: string, weight: number, pattern: RegExp][] = [
  ['han', 'zh', 3, /\p{Script=Han}/u], ['kana', 'ja', 2, /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', 'ko', 2, /\p{Script=Hangul}/u], ['cyrillic', 'ru', 1, /\p{Script=Cyrillic}/u],
  ['arabic', 'ar', 1, /\p{Script=Arabic}/u], ['hebrew', 'he', 1, /\p{Script=Hebrew}/u],
  ['devanagari', 'hi', 1, /\p{Script=Devanagari}/u], ['bengali', 'bn', 1, /\p{Script=Bengali}/u],
  ['tamil', 'ta', 1, /\p{Script=Tamil}/u], ['telugu', 'te', 1, /\p{Script=Telugu}/u],
  ['gujarati', 'gu', 1, /\p{Script=Gujarati}/u], ['gurmukhi', 'pa', 1, /\p{Script=Gurmukhi}/u],
  ['kannada', 'kn', 1, /\p{Script=Kannada}/u], ['malayalam', 'ml', 1, /\p{Script=Malayalam}/u],
  ['sinhala', 'si', 1, /\p{Script=Sinhala}/u], ['thai', 'th', 1, /\p{Script=Thai}/u],
  ['lao', 'lo', 1, /\p{Script=Lao}/u], ['khmer', 'km', 1, /\p{Script=Khmer}/u],
  ['myanmar', 'my', 1, /\p{Script=Myanmar}/u], ['greek', 'el', 1, /\p{Script=Greek}/u],
  ['armenian', 'hy', 1, /\p{Script=Armenian}/u], ['georgian', 'ka', 1, /\p{Script=Georgian}/u],
  ['ethiopic', 'am', 1, /\p{Script=Ethiopic}/u],
];
const CJK = new Set(['han', 'kana', 'hangul']);
const LATIN = /\p{Script=Latin}/u;
/** Sentence punctuation trimmed off a word; brackets are kept, since kaomoji ("(ツ)") are built of them. */
const EDGE_PUNCTUATION = /^[.,!?;:"'¿¡，。？！、：；「」『』«»…]+|[.,!?;:"'¿¡，。？！、：；「」『』«»…]+$/gu;
const WORD = /[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*/gu;

/** Guesses the language of one short message; see LanguageGuess. */
export function detectLanguage(text: string): LanguageGuess {
  const normal = text.normalize('NFC').toLowerCase().replace(/[’‘`´]/g, "'");
  const words = (normal.match(WORD) ?? []).map(wordForms);
  const english = words.reduce((sum, forms) => sum + englishWeight(forms), 0);
  const script = scriptGuess(normal, english);
  if (script) return script;
  const foreign = latinGuess(normal, words, english);
  if (foreign) return foreign;
  return english > 0 ? { language: 'en', english: true, confidence: round(english / (english + 0.5)) } : UNDETERMINED;
}

/** Spellings a word is looked up under: as typed, with "hiii" squeezed, elided article, hyphen parts. */
function wordForms(word: string): string[] {
  const forms = new Set([word, word.replace(/(.)\1{2,}/gu, '$1'), word.replace(/(.)\1{2,}/gu, '$1$1')]);
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) forms.add(word.slice(0, apostrophe + 1));
  // "est-ce", "avez-vous", "qu'est-ce": the parts are words; one- and two-letter parts ("e-bike") are not.
  for (const part of word.split(/['-]/)) if (part.length >= 3) forms.add(part);
  return [...forms];
}

function englishWeight(forms: readonly string[]): number {
  if (!forms.some((f) => ENGLISH.has(f))) return 0;
  return forms.some((f) => ENGLISH_HALF.has(f)) ? 0.5 : 1;
}

/**
 * A non-Latin script in real words, not an emoticon: a letter counts when it sits in a run of two or
 * more of its script, or stands alone as a whole word ("有 IKEA sofa 吗"); "¯\_(ツ)_/¯" and "ಠ_ಠ" don't.
 */
function scriptGuess(text: string, english: number): LanguageGuess | undefined {
  const weights = new Map<string, number>();
  let latin = 0;
  let letters = 0;
  for (const token of text.split(/\s+/)) {
    const word = token.replace(EDGE_PUNCTUATION, '');
    for (const run of scriptRuns(word)) {
      if (run.script === 'latin') latin += run.text.length;
      else if (run.text.length >= 2 || run.text === word) {
        letters += run.text.length;
        for (const [script, n] of run.counts) weights.set(script, (weights.get(script) ?? 0) + n * weightOf(script));
      }
    }
  }
  const foreign = [...weights.values()].reduce((a, b) => a + b, 0);
  const share = foreign / (foreign + latin || 1);
  // An English sentence may quote a name in another script ("what does 無印良品 mean").
  const enough = share >= 0.8 || (share >= 0.5 && english < 2) || (share >= 0.3 && english === 0);
  if (letters < 2 || !enough) return undefined;
  return { language: scriptLanguage(weights, text), english: false, confidence: round(share) };
}

interface ScriptRun { script: string; text: string; counts: Map<string, number> }

/** Maximal runs of letters of one script group (CJK counts as one group); anything else breaks a run. */
function scriptRuns(word: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: ScriptRun | undefined;
  for (const ch of word) {
    if (/\p{M}/u.test(ch) && current) { current.text += ch; continue; }
    const script = /\p{L}/u.test(ch) ? scriptOf(ch) : undefined;
    if (!script) { current = undefined; continue; }
    if (!current || groupOf(current.script) !== groupOf(script)) runs.push((current = { script, text: '', counts: new Map() }));
    current.text += ch;
    current.counts.set(script, (current.counts.get(script) ?? 0) + 1);
  }
  return runs;
}

function groupOf(script: string): string {
  return CJK.has(script) ? 'cjk' : script;
}

function scriptOf(ch: string): string | undefined {
  if (LATIN.test(ch)) return 'latin';
  return SCRIPTS.find(([, , , pattern]) => pattern.test(ch))?.[0];
}

function weightOf(script: string): number {
  // A Han character is about a word, a kana or Hangul block a syllable, other letters a letter.
  return SCRIPTS.find(([name]) => name === script)?.[2] ?? 1;
}

/** The heaviest script's language, with the few splits one script hides (kana → Japanese, і → Ukrainian). */
function scriptLanguage(weights: Map<string, number>, text: string): string {
  if (weights.has('hangul')) return 'ko';
  if (weights.has('kana')) return 'ja';
  const [script] = [...weights].sort((a, b) => b[1] - a[1])[0]!;
  if (script === 'cyrillic' && /[іїєґ]/u.test(text)) return 'uk';
  if (script === 'arabic' && /[ٹڈڑںے]/u.test(text)) return 'ur';
  if (script === 'arabic' && /[پچژگکی]/u.test(text)) return 'fa';
  return SCRIPTS.find(([name]) => name === script)![1];
}

interface LatinScore { code: string; strong: number; words: number; evidence: number }

/**
 * Another Latin-script language only on clear evidence: a word (or mark) English never uses, a total
 * of two points, and more points than the message's English words. Ties go to English.
 */
function latinGuess(text: string, words: readonly string[][], english: number): LanguageGuess | undefined {
  const scores = LATIN_PROFILES.map((p) => scoreProfile(p, text, words));
  const best = scores.reduce((a, b) => (b.evidence > a.evidence || (b.evidence === a.evidence && b.strong > a.strong) ? b : a));
  if (best.strong < 1 || best.words < 1 || best.evidence < 2 || best.evidence <= english) return undefined;
  return { language: best.code, english: false, confidence: round(best.evidence / (best.evidence + english + 1)) };
}

/**
 * Each word scores once per language: a strong word 1, a weak one 0.5. Marks score 1 only outside
 * the words already counted ("são" is one word, not a word plus an ã); accents anywhere 0.5.
 */
function scoreProfile(p: LatinProfile, text: string, words: readonly string[][]): LatinScore {
  let strong = 0;
  let weak = 0;
  let rest = text;
  for (const forms of words) {
    const isStrong = forms.some((f) => p.strong.has(f));
    if (isStrong) strong += 1;
    else if (forms.some((f) => p.weak.has(f))) weak += 1;
    if (isStrong) rest = rest.replace(forms[0]!, ' ');
  }
  const marks = p.marks?.test(rest) ? 1 : 0;
  const accents = p.accents?.test(text) ? 0.5 : 0;
  return { code: p.code, strong: strong + marks, words: strong + weak, evidence: strong + weak / 2 + marks + accents };
}

function round(x: number): number {
  return Math.round(Math.min(1, x) * 100) / 100;
}

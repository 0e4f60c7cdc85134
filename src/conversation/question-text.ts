/** A shopper's question as words: texting expanded, typos fixed against known words, stems, and its form. */

/** 'yes-no' ("is it…?"), 'open' ("what/how…?"), 'either-or' ("leather or fabric?"), 'bare' ("waterproof?"). */
export type QuestionForm = 'yes-no' | 'open' | 'either-or' | 'bare';

export interface Word {
  /** Lower-case, as written after texting and typo fixes. */
  text: string;
  stem: string;
  /** Function words, fillers and generic verbs: never evidence on their own. */
  stop: boolean;
  /** Which clause of the message it is in, counted from 0 (split at commas, full stops, question marks). */
  clause?: number;
}

export interface Question {
  words: Word[];
  form: QuestionForm;
}

const TEXTING: Record<string, string> = {
  u: 'you', r: 'are', ur: 'your', pls: 'please', plz: 'please', hw: 'how', wat: 'what', wht: 'what', abt: 'about',
  ppl: 'people', hrs: 'hours', hr: 'hour', yr: 'year', yrs: 'years', mins: 'minutes', min: 'minutes', lbs: 'lb',
  whats: 'what is', thats: 'that is', dont: 'do not', doesnt: 'does not', isnt: 'is not', cant: 'can not', wont: 'will not',
  im: 'i am', w: 'with', tho: 'though', pic: 'picture', colour: 'color', colours: 'colors', flavour: 'flavor', flavours: 'flavors',
};

const STOP = new Set((
  'a an the and or but of to in on at by for from with without about into onto up out over under through once as than then so if till until ' +
  'i me my we our you your it its it\'s they them their this that these those there here one ones thing item product he she him her his hers ' +
  'is are was were be been being am do does did done doing have has had having can could will would should shall may might must ' +
  'what which who whom whose when where why how much many any some anything something all both each every ' +
  'get got gets use used using work works go goes going put take takes taking make makes need needs needed run runs ' +
  'come comes came support supports offer offers feature features powered operated fully completely totally entirely already quite pretty super ' +
  'require requires required want wants like know tell say said see look please thanks thank hi hey hello ok okay lol ' +
  'just really actually also quick question q also very too more most well still yet ever even only other else ' +
  'first second third last number good nice fine right sure not no yes myself yourself itself buy order version model type kind sort play ' +
  'lot lots bit whether exactly probably maybe gonna wanna'
).split(' '));

const NUMBER_UNIT = /^(\d+(?:\.\d+)?)(hz|k|g|gb|tb|mm|cm|in|ft|lb|oz|qt|w|v|mp|p|atm|mah)$/;

/** Conservative stemmer: folds inflections and -able so "washable", "washing" and "wash" meet. */
export function stemWord(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let inflected = false;
  for (const suffix of ['ability', 'able', 'ible', 'ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) { w = w.slice(0, -suffix.length); inflected = true; break; }
  }
  if (/[^aeiou][ey]$/.test(w) && w.length > 3) w = w.slice(0, -1);
  // "shipped", "running": the doubled consonant belongs to the ending ("baggy" keeps its "gg").
  if (inflected && /([bdfglmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lower-case words of any text: accents dropped, '&' as "and", hyphens and slashes split. */
export function splitWords(text: string): string[] {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/&/g, ' and ').replace(/[’']/g, '').replace(/°/g, ' deg ')
    .replace(/[^a-z0-9.\s]/g, ' ').replace(/\.(?!\d)/g, ' ')
    .split(/\s+/).filter(Boolean);
}

/** Reads a question; `known` (lower-case words) are the targets typo fixing may land on. */
export function readQuestion(text: string, known: ReadonlySet<string>): Question {
  const expanded = text.replace(/\b(\w+)n't\b/gi, '$1 not').replace(/\b(\w+)'s\b/gi, '$1 is');
  // Clause by clause, so each word knows which one it is in ("how deep is it, my sheets go up to 15 inch").
  const clauses = expanded.split(/[,;!?]|\.(?!\d)/).map((c) => splitWords(c).flatMap((w) => (TEXTING[w] ?? w).split(' ')));
  const raw = clauses.flat();
  const words = clauses.flatMap((c, clause) => c.map((w) => fixTypo(w, known))
    .map((w) => ({ text: w, stem: stemWord(w), stop: STOP.has(w), clause })));
  return { words, form: questionForm(raw, text) };
}

function questionForm(raw: string[], original: string): QuestionForm {
  const lead = raw.findIndex((w) => !/^(so|and|hey|hi|ok|okay|um|also|quick|q|question|but|then|hmm|oh)$/.test(w));
  const first = raw[lead] ?? '';
  if (/^(what|which|how|when|where|who|whose|why)$/.test(first)) return 'open';
  if (/\b(what|which|how many|how much|how long|how big)\b/.test(raw.join(' '))) return 'open';
  const yesNo = /^(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|any|may|might|must|isnt|arent)$/.test(first);
  if (/\w \bor\b \w/.test(original.toLowerCase()) && !/\bor (so|not|anything|something)\b/.test(original.toLowerCase())) return 'either-or';
  return yesNo ? 'yes-no' : 'bare';
}

/** Replaces an unknown word of 5+ letters with the one known word it is a slip away from. */
function fixTypo(word: string, known: ReadonlySet<string>): string {
  if (word.length < 5 || /\d/.test(word) || known.has(word) || STOP.has(word)) return word;
  const limit = word.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (Math.abs(candidate.length - word.length) > limit || candidate[0] !== word[0]) continue;
    // A short word one letter off another of the same length is usually a real word ("stick", "stock"):
    // only a dropped, added or swapped letter is read as a slip there.
    if (word.length <= 6 && candidate.length === word.length && [...candidate].sort().join('') !== [...word].sort().join('')) continue;
    const d = editDistance(word, candidate, limit);
    if (d < bestDistance) { best = candidate; bestDistance = d; }
  }
  return best ?? word;
}

/** Damerau–Levenshtein (adjacent swaps cost 1), stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Match keys of a record text: each word's stem, and adjacent words joined ("wi fi" → "wifi", "120 hz" → "120hz"). */
export interface TextKeys {
  stems: Set<string>;
  words: string[];
}

export function textKeys(text: string): TextKeys {
  const words = splitWords(text);
  const stems = new Set(words.map(stemWord));
  for (let i = 0; i + 1 < words.length; i++) stems.add(stemWord(words[i]! + words[i + 1]!));
  return { stems, words };
}

/**
 * True when the question word is in the text: same stem, joined form, or the tail of a compound
 * ("wood" in "hardwood"). A plain word does not meet a past participle ("back" is not "Backed by").
 */
export function wordInText(word: Word, keys: TextKeys): boolean {
  if (keys.stems.has(word.text) || keys.words.some((w) => sameWord(word, w))) return true;
  const joined = keys.stems.has(word.stem) && !keys.words.some((w) => stemWord(w) === word.stem);
  if (joined) return true;
  // "multiple" meets "multi", "stretchy" meets "stretch": a shared start of 5+ letters, at most 3 apart.
  if (word.stem.length >= 5 && keys.words.some((w) => closeStart(stemWord(w), word.stem))) return true;
  const unit = NUMBER_UNIT.exec(word.text);
  if (unit && keys.stems.has(unit[1]! + unit[2]!)) return true;
  return word.text.length >= 3 && !/\d/.test(word.text)
    && keys.words.some((w) => (w.length >= word.text.length + 3 && w.endsWith(word.text))
      || (word.stem.length >= 3 && w.length >= word.stem.length + 4 && stemWord(w).endsWith(word.stem)));
}

function sameWord(word: Word, other: string): boolean {
  if (other === word.text) return true;
  if (stemWord(other) !== word.stem) return false;
  return !other.endsWith('ed') || /(ed|ing)$/.test(word.text);
}

function closeStart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 3 && long.startsWith(short);
}

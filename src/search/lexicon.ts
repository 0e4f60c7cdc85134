import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { isStopword, stem, words } from './text.ts';

/**
 * General English: the words of each sense of a word and of the kind of thing it is ("brolly" →
 * umbrella, "telly" → television, "biro" → ballpoint pen), built from WordNet by
 * training/lexicon/build-lexicon.ts into models/aisle-lexicon-v1.
 */
export interface Lexicon {
  /** Related words and phrases, most common sense first; empty when the word is unknown. */
  related(word: string): readonly string[];
  /** The word is a rare English noun whose commonest sense is a thing one could sell ("tampon", "faucet", "brolly"), not a person or a time. */
  namesThing(word: string): boolean;
}

export const LEXICON_NAME = 'aisle-lexicon-v1';
/** Words seen more often than this in WordNet's sense-tagged corpus are everyday English, not looked up. */
const MAX_TAGGED = 1;

/**
 * Loads a lexicon directory; undefined when it is absent (search then skips the expansion). `lazy`
 * defers reading its 7 MB until the first word is looked up (most queries use only the catalog's
 * own words), for one-shot commands; a server reads it at start-up so a damaged file stops it there.
 */
export function openLexicon(dir: string, options: { lazy?: boolean } = {}): Lexicon | undefined {
  const file = path.join(dir, 'lexicon.json');
  if (!existsSync(file)) return undefined;
  let entries = options.lazy ? undefined : checked(readEntries(file), dir, 'entries');
  // One reading of an entry for both questions, so "rare enough to look up" means the same in each.
  const lookup = (word: string): { related: string[]; thing: boolean } | undefined => {
    entries ??= readEntries(file);
    const entry = lemmaCandidates(word).find((w) => Object.hasOwn(entries!, w));
    if (entry === undefined) return undefined;
    const [head, ...related] = entries[entry]!.split('|');
    const tagged = parseInt(head!, 10);
    const thing = head!.endsWith('t');
    // A word whose commonest sense is a person, a place or an idea and is seen in everyday text
    // ("college", "wife", "costa" aside) is not a misnamed product: its related words ("college" →
    // body, building) would send the search to unrelated kinds. A thing keeps its look-up ("torch").
    if (tagged > MAX_TAGGED || (tagged === MAX_TAGGED && !thing)) return undefined;
    return { related, thing };
  };
  return {
    related: (word) => lookup(word)?.related ?? [],
    namesThing: (word) => lookup(word)?.thing === true,
  };
}

/**
 * The manifest's entry count against the file read: a lexicon.json replaced by another build, or cut
 * short by a failed copy, stops a server at start-up instead of expanding queries with wrong words.
 */
function checked(entries: Record<string, string>, dir: string, key: 'entries' | 'kinds'): Record<string, string> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return entries;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { entries?: number; kinds?: { entries?: number } };
  const expected = key === 'entries' ? manifest.entries : manifest.kinds?.entries;
  const found = Object.keys(entries).length;
  if (expected !== undefined && expected !== found) {
    throw new AppError('ARTIFACT_MISMATCH', `${dir} holds ${found} ${key === 'entries' ? 'lexicon' : 'kinds'} entries but its manifest.json says ${expected}: restore models/${LEXICON_NAME} from the repository or rebuild it with training/lexicon/build-lexicon.ts.`);
  }
  return entries;
}

function readEntries(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (cause) {
    throw new AppError('ARTIFACT_MISMATCH', `${file} is not a lexicon: restore models/${LEXICON_NAME} from the repository or rebuild it with training/lexicon/build-lexicon.ts.`, { cause });
  }
}

/** A noun's synonyms and the names of its kinds ("pen" → ballpoint, biro, fountain pen); `kinds.json` beside the lexicon. */
export type KindsOf = (noun: string) => readonly string[];

/** Loads the kinds of nouns (for `aisle index`); undefined when the lexicon directory has none. */
export function openKinds(dir: string): KindsOf | undefined {
  const file = path.join(dir, 'kinds.json');
  if (!existsSync(file)) return undefined;
  const entries = checked(readEntries(file), dir, 'kinds');
  const lookup = (w: string) => (Object.hasOwn(entries, w) ? entries[w]!.split('|') : undefined);
  return (noun) => lemmaCandidates(noun).map(lookup).find((r) => r !== undefined) ?? [];
}

/** The word and its likely singular: WordNet lists lemmas ("thongs" is under "thong"). */
function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  return out;
}

/** What the catalog's own text says about a stemmed term. */
export interface CatalogTerms {
  /** The term occurs somewhere in the catalog's text. */
  knows(term: string): boolean;
  /** Share of the catalog's categories whose text uses the term, in [0, 1]. */
  spread(term: string): number;
}

/** An added word found in more than this share of the categories says nothing about which kind is meant. */
const MAX_SPREAD = 0.2;
/** At most this many catalog words stand in for one unknown word. */
const MAX_PER_WORD = 3;

/**
 * Words a query uses that the catalog never does, replaced by their related words that the catalog
 * does use: "brolly" reaches umbrellas, "telly" televisions. Only unknown words are looked up, so a
 * store's own words ("mac" in a computer store) keep their meaning; related words common to many
 * categories ("device", "container") are left out because they would point nowhere.
 */
export function catalogWordsFor(text: string, lexicon: Lexicon, catalog: CatalogTerms): string[] {
  const added: string[] = [];
  for (const word of words(text)) {
    // One- and two-letter words are abbreviations and chat shorthand ("r", "ur"), never a product's name.
    if (word.length < 3 || isStopword(word) || catalog.knows(stem(word))) continue;
    const fitting = lexicon.related(word).filter((phrase) => {
      const stems = words(phrase).map(stem);
      return stems.length > 0 && stems.every((t) => catalog.knows(t) && catalog.spread(t) <= MAX_SPREAD);
    });
    added.push(...fitting.slice(0, MAX_PER_WORD));
  }
  return [...new Set(added)];
}

/** A request this short names one thing; a longer message is a need or a story, where the last word is not the thing wanted. */
const MAX_NAMING_WORDS = 4;

/**
 * The thing a short request names when the store has no word for it: the last content word ("tampons",
 * "a kitchen faucet", "a brolly") when it names a thing (not a person: "a present for my wife") the
 * catalog never uses, no spelling of a catalog word, and none of its related words are the catalog's.
 * Built for precision: on the bench/dev sets it names 2–3% of requests for things the store does not
 * sell and 0–1.3% of those it does.
 */
export function unsoldThing(text: string, lexicon: Lexicon, catalog: CatalogTerms & { spelled(terms: readonly string[]): string[] }): string | undefined {
  const content = words(text).filter((w) => w.length > 2 && !isStopword(w));
  const last = content.at(-1);
  if (!last || content.length > MAX_NAMING_WORDS) return undefined;
  const t = stem(last);
  if (catalog.knows(t) || catalog.spelled([t]).length > 0 || !lexicon.namesThing(last)) return undefined;
  return catalogWordsFor(last, lexicon, catalog).length === 0 ? last : undefined;
}

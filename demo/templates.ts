/** Fills the demo store's `{slot}` / `[a|b]` templates and tidies the result. */
import type { Random } from './random.ts';

/** Slot name → value; a missing or empty value makes every template naming that slot unusable. */
export type Slots = ReadonlyMap<string, string>;

/** Literal text, a slot to fill, or alternatives to pick from. */
type Part = { text: string; slot?: undefined; choices?: undefined }
  | { slot: string; text?: undefined; choices?: undefined }
  | { choices: string[]; text?: undefined; slot?: undefined };

/** A template parsed once: its parts, the slot names it needs, and whether it needs "a"/"an" fixing. */
export interface Template {
  text: string;
  slots: readonly string[];
  parts: readonly Part[];
  articles: boolean;
}

const TOKEN = /\{(\w+)\}|\[([^\]]+)\]/g;
const ARTICLE_BEFORE_GAP = /\b[Aa]n? [{[]/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'for', 'with', 'in', 'of', 'by', 'to', 'on', 'at', 'de']);
const UNITS = new Set(['oz', 'fl', 'qt', 'mm', 'lb', 'ft', 'cm', 'gal', 'cu', 'sq', 'in', 'x']);

export function compileTemplates(texts: readonly string[]): Template[] {
  return texts.map((text) => {
    const parts: Part[] = [];
    let last = 0;
    for (const match of text.matchAll(TOKEN)) {
      if (match.index > last) parts.push({ text: text.slice(last, match.index) });
      parts.push(match[1] === undefined ? { choices: (match[2] as string).split('|') } : { slot: match[1] });
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last) });
    const slots = parts.flatMap((part) => (part.slot === undefined ? [] : [part.slot]));
    return { text, slots, parts, articles: ARTICLE_BEFORE_GAP.test(text) };
  });
}

/** The templates whose every slot has a non-empty value. */
export function usableTemplates(templates: readonly Template[], slots: Slots): Template[] {
  return templates.filter((template) => template.slots.every((name) => Boolean(slots.get(name))));
}

/**
 * Picks `[a|b]` choices and fills slots, passing slot values through `transform` when given.
 * The template must be usable with `slots`.
 */
export function fillTemplate(rng: Random, template: Template, slots: Slots, transform?: (value: string) => string): string {
  let out = '';
  for (const part of template.parts) {
    if (part.text !== undefined) out += part.text;
    else if (part.slot !== undefined) out += transform ? transform(slots.get(part.slot) ?? '') : (slots.get(part.slot) ?? '');
    else out += rng.pick(part.choices);
  }
  return template.articles ? fixArticles(out) : out;
}

/** "a ergonomic chair" → "an ergonomic chair", leaving "a one-year", "a USB-C" and "a unique" alone. */
export function fixArticles(text: string): string {
  return text.replace(/\b([Aa]) (?=[aei]|o(?!ne)|u(?!s|ni))/g, '$1n ');
}

/** Capitalizes the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title Case that keeps small words, units and existing capitals ("USB-C", "4K UHD", "12 oz"). */
export function toTitleCase(text: string): string {
  return text
    .split(' ')
    .map((word, wordIndex) =>
      word
        .split('-')
        .map((part, partIndex) => {
          const bare = part.replace(/[^a-z]/gi, '').toLowerCase();
          const first = wordIndex === 0 && partIndex === 0;
          // "on-ear" starts a compound: only a whole word or an inner part ("2-in-1") stays lower-case.
          const keepLower = !first && (partIndex > 0 || !word.includes('-')) && part === part.toLowerCase();
          if (keepLower && (SMALL_WORDS.has(bare) || UNITS.has(bare))) return part;
          return part.replace(/^([^a-zA-Z0-9]*)([a-z])/, (_, lead: string, letter: string) => lead + letter.toUpperCase());
        })
        .join('-'),
    )
    .join(' ');
}

const titleCache = new Map<string, string>();

/** toTitleCase for slot values, remembered: titles reuse a bounded vocabulary. */
export function titleCaseValue(value: string): string {
  let cased = titleCache.get(value);
  if (cased === undefined) {
    // Cased as a word inside a title: "with Removable Cover", not "With Removable Cover".
    cased = toTitleCase(`x ${value}`).slice(2);
    if (titleCache.size < 50_000) titleCache.set(value, cased);
  }
  return cased;
}

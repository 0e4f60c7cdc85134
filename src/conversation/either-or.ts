/**
 * Either/or questions ("velvet or linen?", "glass jar or plastic", "more a summer scent or a winter
 * one") answered with the one option a fact's value holds. Sentences are left to the sentence
 * matcher: a word of an option in a sentence ("gift" in "a thoughtful gift") is too often about something else.
 */
import { textKeys, wordInText } from './question-text.ts';
import type { Reading } from './question-matching.ts';

/** The words each side of "or" adds, in the clause that holds it; undefined when there is no "or". */
export function optionsOf(r: Reading): [number[], number[]] | undefined {
  const words = r.question.words;
  const or = words.findIndex((w) => w.text === 'or');
  if (or < 0) return undefined;
  const clause = words[or]!.clause;
  const side = (from: number, to: number) => r.content.filter((i) => i >= from && i < to && words[i]!.clause === clause);
  const left = side(0, or);
  const right = side(or + 1, words.length);
  // "Summer scent or a winter one": a word on both sides tells the options apart no more than "one" does.
  const stems = (list: number[]) => new Set(list.map((i) => words[i]!.stem));
  const [l, rt] = [stems(left), stems(right)];
  return [left.filter((i) => !rt.has(words[i]!.stem)), right.filter((i) => !l.has(words[i]!.stem))];
}

/** Where an option was found: the index of a fact value. */
export type OptionFound = { value: number };

/**
 * The one option the record holds. "Is there a backrest or just a seat?" asks only about the first:
 * an "or just"/"or only" option is what it is anyway, so it is never the answer.
 */
export function foundOption(r: Reading, values: readonly (string | undefined)[]): OptionFound | undefined {
  const options = optionsOf(r);
  if (!options) return undefined;
  const words = r.question.words;
  const or = words.findIndex((w) => w.text === 'or');
  const onlyFirst = /^(just|only|simply)$/.test(words[or + 1]?.text ?? '');
  const keys = values.map((v) => (v ? textKeys(v) : undefined));
  const find = (side: number[]): OptionFound | undefined => {
    if (side.length === 0) return undefined;
    const value = keys.findIndex((k) => k !== undefined && side.some((i) => wordInText(words[i]!, k)));
    return value >= 0 ? { value } : undefined;
  };
  const [left, right] = options;
  const a = find(left);
  const b = onlyFirst ? undefined : find(right);
  return a && b ? undefined : a ?? b;
}

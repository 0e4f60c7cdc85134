/** Text normalisation shared by the lexical index and the query parser, so both see the same terms. */

const STOPWORDS = new Set(
  ('a an and are as at be by for from has have i in is it its me my of on or our show some that the this to ' +
    'with want wants looking look need find get give me please something anything any can you your we us who what which ' +
    // Contractions once their apostrophe is gone ("what's" → "whats"): grammar, never a product word.
    'whats wheres hows thats theres heres whos im ive youre dont doesnt isnt cant wont')
    .split(' '),
);

/** Lower-cased, accents removed, '&' spelled out; keeps letters, digits, '.', '$' and spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "what's", "men's", "don't" stay one word: a split-off "s" reads as size S, "t" as nothing.
    .replace(/([a-z])['\u2019]([a-z])/g, '$1$2')
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // thousands separators: "$1,200" is one number
    .replace(/[^a-z0-9.$\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of the text after normalisation, without stopwords and stray punctuation. */
export function words(text: string): string[] {
  return normalize(text)
    .split(/[\s-]+/)
    .map((w) => w.replace(/^[.$]+|[.$]+$/g, ''))
    .filter((w) => w.length > 0);
}

/**
 * Light English stemmer: folds plurals and a few suffixes so "sofas", "boxes" and "batteries"
 * meet "sofa", "box" and "battery". Deliberately conservative: over-stemming hurts precision.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Index terms of a text: normalised, stemmed words minus stopwords. */
export function terms(text: string): string[] {
  return words(text).filter((w) => !STOPWORDS.has(w)).map(stem);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Below this many letters a word is only taken for a typo of a candidate with one letter more or less ("kk" for "k"). */
const MIN_SUBSTITUTION_LENGTH = 3;

/**
 * The candidate closest to a mistyped word, or undefined when none is close enough to be a typo:
 * at most one edit per three letters (at least one), a swap of neighbouring letters counting as one.
 * A word under three letters is one substitution from every one-letter option, so for it only an added or
 * dropped letter counts ("kk" -> "k", not "x" -> "k").
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const allowed = Math.max(1, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    const substituted = distance > Math.abs(word.length - candidate.length);
    if (word.length < MIN_SUBSTITUTION_LENGTH && substituted) continue;
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

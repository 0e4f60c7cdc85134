/**
 * Vocabulary terms within one edit (two for long words) of an unknown query term, so "sofaa",
 * "hedphones" and "lether" still find their products. Short words are left alone: too many
 * real words sit one edit apart ("bag" / "bat").
 */
/**
 * `typoNeighbours` for one fixed vocabulary, remembering each answer: an index never changes, and a
 * server meets the same misspellings and unknown words again and again (the scan over the vocabulary
 * was a tenth of a hybrid search's main-thread time). Bounded: past `max` words it starts afresh.
 */
export function rememberedTypoNeighbours(vocabulary: readonly string[], max = 10_000): (term: string) => string[] {
  const known = new Map<string, string[]>();
  return (term) => {
    let found = known.get(term);
    if (found === undefined) {
      if (known.size >= max) known.clear();
      found = typoNeighbours(term, vocabulary);
      known.set(term, found);
    }
    return found;
  };
}

export function typoNeighbours(term: string, vocabulary: readonly string[]): string[] {
  if (term.length < 4 || /\d/.test(term)) return [];
  const maxEdits = term.length >= 8 ? 2 : 1;
  const found: Array<[string, number]> = [];
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - term.length) > maxEdits) continue;
    // Typos rarely hit both of the first two letters; skipping those keeps the scan cheap.
    if (candidate[0] !== term[0] && candidate[1] !== term[1]) continue;
    const d = editDistance(term, candidate, maxEdits);
    if (d <= maxEdits) found.push([candidate, d]);
  }
  const best = Math.min(...found.map(([, d]) => d));
  return found.filter(([, d]) => d === best).map(([c]) => c).slice(0, 5);
}

/** Damerau–Levenshtein (optimal string alignment) distance, giving up early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

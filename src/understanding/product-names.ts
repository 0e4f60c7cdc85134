import type { Product } from '../domain.ts';
import { terms } from '../search/text.ts';

/** A word pair names a product only when few products share it ("cedar 500" does, "sofa grey" does not). */
const MAX_SHARED = 3;

export interface ProductNameIndex {
  /**
   * Ids of products the message names: by a distinctive pair of title words anywhere in the
   * catalog, or by a word found in exactly one of the on-screen titles ("the Japandi one").
   */
  match(text: string, shown?: readonly { id: string; title: string }[]): string[];
}

export function createProductNameIndex(products: Iterable<Pick<Product, 'id' | 'title'>>): ProductNameIndex {
  return loadProductNameIndex(productNamePairs(products));
}

/**
 * What `aisle index` writes (names.json): each title-word pair that names at most MAX_SHARED
 * products, with their ids, so start-up reads the pairs instead of re-reading every title.
 */
export type SerializedProductNames = [pair: string, ids: string[]][];

export function productNamePairs(products: Iterable<Pick<Product, 'id' | 'title'>>): SerializedProductNames {
  const byPair = new Map<string, string[] | null>();
  for (const p of products) {
    for (const pair of new Set(pairs(terms(p.title)))) {
      const ids = byPair.get(pair);
      if (ids === null) continue;
      if (!ids) byPair.set(pair, [p.id]);
      else if (ids.length >= MAX_SHARED) byPair.set(pair, null); // too common to name anything
      else ids.push(p.id);
    }
  }
  return [...byPair].filter((entry): entry is [string, string[]] => entry[1] !== null);
}

export function loadProductNameIndex(data: SerializedProductNames): ProductNameIndex {
  const byPair = new Map(data);
  return {
    match(text, shown = []) {
      const words = terms(text);
      const onScreen = matchShown(new Set(words), shown);
      if (onScreen.length) return onScreen;
      const counts = new Map<string, number>();
      for (const pair of pairs(words)) for (const id of byPair.get(pair) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      const best = Math.max(0, ...counts.values());
      return best === 0 ? [] : [...counts].filter(([, c]) => c === best).map(([id]) => id);
    },
  };
}

function pairs(words: string[]): string[] {
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

function matchShown(words: Set<string>, shown: readonly { id: string; title: string }[]): string[] {
  const titles = shown.map((p) => new Set(terms(p.title)));
  const hits = new Set<string>();
  for (const word of words) {
    if (word.length < 4) continue;
    const owners = titles.flatMap((t, i) => (t.has(word) ? [i] : []));
    if (owners.length === 1) hits.add(shown[owners[0]!]!.id);
  }
  return [...hits];
}

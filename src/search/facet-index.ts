import { matchesFilters, type CompiledFilters, type ProductFacets } from './filters.ts';

type ListFacet = 'colors' | 'sizes' | 'materials' | 'categories';
const LIST_FACETS: ListFacet[] = ['colors', 'sizes', 'materials', 'categories'];

/**
 * Inverted index from facet key to products, so a filtered query checks only the products that
 * can match its positive facets instead of the whole catalog.
 */
export function createFacetIndex(facets: ReadonlyMap<string, ProductFacets>) {
  const ids = [...facets.keys()];
  const all = ids.map((id) => facets.get(id)!);
  const postings = new Map<string, number[]>();
  const post = (key: string, positions: readonly number[]) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [...positions]);
    else for (const i of positions) list.push(i);
  };
  // Products share their facet sets (filters.ts), so each distinct set's keys are posted once for all of its
  // products. A key's positions may then be out of catalog order: `matching` sorts its candidates.
  for (const facet of LIST_FACETS) {
    for (const [set, positions] of groupPositions(all, (f) => f[facet])) for (const key of set) post(`${facet}:${key}`, positions);
  }
  for (const [brand, positions] of groupPositions(all, (f) => f.brand)) if (brand) post(`brand:${brand}`, positions);

  /** Products with any of `keys` in `facet`, as a set of positions. */
  const union = (facet: string, keys: string[]) => new Set(keys.flatMap((k) => postings.get(`${facet}:${k}`) ?? []));

  return {
    /** Ids of the products that satisfy every filter, in catalog order. */
    matching(f: CompiledFilters): string[] {
      const wanted: Array<[string, string[] | undefined]> = [['colors', f.colors], ['sizes', f.sizes], ['materials', f.materials], ['categories', f.categories], ['brand', f.brands]];
      let candidates: number[] | undefined;
      for (const [facet, keys] of wanted) {
        if (!keys) continue;
        const set = union(facet, keys);
        candidates = (candidates ?? [...set].sort((a, b) => a - b)).filter((i) => set.has(i));
      }
      return (candidates ?? all.map((_, i) => i)).filter((i) => matchesFilters(all[i]!, f)).map((i) => ids[i]!);
    },
  };
}

/** Positions of the items by the value `of` gives, in first-seen order. */
function groupPositions<T, V>(items: readonly T[], of: (item: T) => V): Map<V, number[]> {
  const groups = new Map<V, number[]>();
  items.forEach((item, i) => {
    const value = of(item);
    const group = groups.get(value);
    if (group) group.push(i);
    else groups.set(value, [i]);
  });
  return groups;
}

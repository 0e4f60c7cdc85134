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
  const post = (key: string, i: number) => (postings.get(key) ?? postings.set(key, []).get(key)!).push(i);
  all.forEach((f, i) => {
    for (const facet of LIST_FACETS) for (const key of f[facet]) post(`${facet}:${key}`, i);
    if (f.brand) post(`brand:${f.brand}`, i);
  });

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

/**
 * A colour, material or size word is a filter only when its reading fits the kind of product asked
 * for: "a light jacket" is no shade Light (a foundation shade; jackets don't come in it), "brass hose
 * nozzle" is the material brass, "a medium harness" is size M, and "cast iron skillet 10 inch" is
 * the skillets' 10", not the planters' "10 in". The kinds of product in turn are read as narrowly as
 * the words allow: "sheets" are Sheet Sets when that is the one kind under Sheets that the word names,
 * and "Patio" adds nothing beside "Patio Furniture". Everything here is read from the catalog's own
 * paths and the values its products carry (`FacetValue.leaves`, `.parents`); a vocabulary without
 * them (an index built before) is read as before.
 */
import { isBasicColor, type FacetValue, type FacetVocabulary } from './facet-vocabulary.ts';
import { facetKey, sizeKey } from './filters.ts';
import { readMeasure } from './measurements.ts';

/** A facet value read from the query, with the key of the words that said it. */
export interface FacetRead {
  value: FacetValue;
  key: string;
}

interface KindTree {
  /** Lower-cased category label → the leaf categories at or below it. */
  below: Map<string, string[]>;
  /** Lower-cased category label → the names above it. */
  above: Map<string, Set<string>>;
  /** Leaf → the size labels its products come in. */
  sizes: Map<string, string[]>;
}

const trees = new WeakMap<FacetVocabulary, KindTree | null>();

function treeOf(vocabulary: FacetVocabulary): KindTree | undefined {
  if (trees.has(vocabulary)) return trees.get(vocabulary) ?? undefined;
  const above = new Map<string, Set<string>>();
  const sizes = new Map<string, Set<string>>();
  for (const v of vocabulary.values()) {
    for (const w of [v, ...(v.also ?? [])]) {
      if (w.facet === 'category' && w.parents) {
        const set = above.get(w.label.toLowerCase()) ?? above.set(w.label.toLowerCase(), new Set()).get(w.label.toLowerCase())!;
        // "Electronics > Cameras > Cameras": a leaf named like its group is still a leaf.
        w.parents.filter((p) => p.toLowerCase() !== w.label.toLowerCase()).forEach((p) => set.add(p));
      }
      // Unit spellings ("10 inch") and needsKind sizes only repeat labels the products carry.
      if (w.facet === 'size' && !w.measure && !w.needsKind) for (const leaf of w.leaves ?? []) (sizes.get(leaf) ?? sizes.set(leaf, new Set()).get(leaf)!).add(w.label);
    }
  }
  const groups = new Set([...above.values()].flatMap((s) => [...s].map((g) => g.toLowerCase())));
  const below = new Map<string, string[]>();
  for (const v of [...vocabulary.values()].flatMap((v) => [v, ...(v.also ?? [])])) {
    if (v.facet !== 'category' || !v.parents || groups.has(v.label.toLowerCase())) continue;
    for (const name of [v.label, ...(above.get(v.label.toLowerCase()) ?? [])]) {
      const list = below.get(name.toLowerCase()) ?? below.set(name.toLowerCase(), []).get(name.toLowerCase())!;
      if (!list.includes(v.label)) list.push(v.label);
    }
  }
  const tree = below.size ? { below, above, sizes: new Map([...sizes].map(([leaf, set]) => [leaf, [...set]])) } : null;
  trees.set(vocabulary, tree);
  return tree ?? undefined;
}

/** What a query's facet words come to once they are fitted to the kinds of product it names. */
export interface Fitted {
  categories: string[];
  values: FacetValue[];
}

/**
 * The categories read, narrowed, and the other values that fit them (a value with no kind read is
 * kept, except a size said in words). `numbers` are bare numbers that may be sizes ("mens 11"):
 * read only where a kind named comes in that size.
 */
export function fitToKinds(kinds: readonly FacetRead[], reads: readonly FacetRead[], vocabulary: FacetVocabulary, numbers: readonly string[] = []): Fitted {
  const said = [...new Set(kinds.map((k) => k.value.label))];
  const tree = treeOf(vocabulary);
  if (!tree) return { categories: said, values: reads.map((r) => r.value).filter((v) => !v.needsKind) };
  const narrowed = said.map((label) => narrow(label, kinds.find((k) => k.value.label === label)!.key, reads, tree));
  const categories = [...new Set(narrowed)].filter((c, _, all) => !all.some((d) => d !== c && tree.above.get(d.toLowerCase())?.has(c)));
  const leaves = new Set(categories.flatMap((c) => tree.below.get(c.toLowerCase()) ?? []));
  const values: FacetValue[] = [];
  for (const r of reads) {
    const v = leaves.size ? fit(r.value, leaves, tree, r.key) : (r.value.needsKind ? undefined : r.value);
    if (v) values.push(v);
  }
  for (const n of leaves.size ? numbers : []) {
    const label = sameNumber(n, leaves, tree);
    if (label) values.push({ facet: 'size', label });
  }
  return { categories, values };
}

/**
 * A group read as one of its leaves: of the leaves that carry every other value read ("cashmere"), the
 * only one whose name holds every word said ("sheets" → Sheet Sets, "rug" → Area Rugs), or the only
 * one left ("a 4 inch planter" → Indoor Planters). Otherwise the group stays, and the search ranks within it.
 */
function narrow(label: string, key: string, reads: readonly FacetRead[], tree: KindTree): string {
  const leaves = tree.below.get(label.toLowerCase()) ?? [];
  if (leaves.length <= 1) return leaves[0] ?? label;
  const telling = reads.filter((r) => r.value.leaves && !r.value.needsKind);
  const carrying = telling.length ? leaves.filter((leaf) => telling.every((r) => fit(r.value, new Set([leaf]), tree))) : [];
  const candidates = carrying.length ? carrying : leaves;
  // A department ("shoes", "kitchen") is as broad as the shopper said; a group's word may name one of its leaves.
  const words = key.split(' ');
  const named = tree.above.get(label.toLowerCase())?.size ? candidates.filter((leaf) => words.every((w) => facetKey(leaf).split(' ').includes(w))) : [];
  if (named.length === 1) return named[0]!;
  return candidates.length === 1 ? candidates[0]! : label;
}

/**
 * The reading of a value, or of another value under the same words, that the kinds carry. A basic
 * colour word ("blue", "green") is a colour in any shopper's mouth and is kept as said.
 */
function fit(value: FacetValue, leaves: ReadonlySet<string>, tree: KindTree, said = facetKey(value.label)): FacetValue | undefined {
  for (const v of [value, ...(value.also ?? [])]) {
    if (v.facet === 'size') {
      const label = sizeIn(v.label, leaves, tree);
      if (label) return { ...v, label };
    } else if (!v.leaves || v.leaves.some((l) => leaves.has(l)) || (v.facet === 'color' && isBasicColor(facetKey(v.label)))) return v;
  }
  // "8x10" said without a unit: the rug's "8x10 ft", though the words first name a frame's "8x10 in".
  const number = value.facet === 'size' && !value.needsKind ? sameNumber(value.label, leaves, tree) ?? sameNumber(said, leaves, tree) : undefined;
  return number ? { facet: 'size', label: number } : undefined;
}

/** The kinds' own label of a size ('10"' for "10 in"), when they come in it. */
function sizeIn(label: string, leaves: ReadonlySet<string>, tree: KindTree): string | undefined {
  const key = sizeKey(label);
  let found: string | undefined;
  for (const leaf of leaves) {
    for (const own of tree.sizes.get(leaf) ?? []) {
      if (own === label) return own;
      if (!found && sizeKey(own) === key) found = own;
    }
  }
  return found;
}

const ADULT_SYSTEM = /^(?:us|uk|eu)\s/i;

/**
 * The kinds' size with the same numbers in another notation: "8" for "Toddler 8" in pajamas, "US 11"
 * for "11" in running shoes, "8x10 ft" for a bare "8x10" rug, "50x96 in" for 96 inch curtains (a
 * panel's length). A plain label first, then an adult system (children's systems are the audience's
 * business, `sizesForAudience`), and one of several panels is no reading at all.
 */
function sameNumber(label: string, leaves: ReadonlySet<string>, tree: KindTree): string | undefined {
  const measure = readMeasure(label);
  const numbers = measure?.numbers ?? label.match(/\d+(?:\.\d+)?/g) ?? [];
  if (numbers.length === 0) return undefined;
  const candidates = new Set<string>();
  for (const leaf of leaves) {
    for (const own of tree.sizes.get(leaf) ?? []) {
      const m = readMeasure(own);
      const ownNumbers = m?.numbers ?? own.match(/\d+(?:\.\d+)?/g) ?? [];
      const same = ownNumbers.length === numbers.length && ownNumbers.every((n, i) => Number(n) === Number(numbers[i]));
      if (m && measure) {
        if (m.unit === measure.unit && (same || (numbers.length === 1 && ownNumbers.length === 2 && Number(ownNumbers[1]) === Number(numbers[0])))) candidates.add(own);
      } else if (same && (!m || numbers.length === 2)) candidates.add(own);
    }
  }
  const list = [...candidates];
  if (measure && list.length > 1) return undefined;
  return list.find((c) => !/[a-z]/i.test(c)) ?? list.find((c) => ADULT_SYSTEM.test(c)) ?? (list.length === 1 ? list[0] : undefined);
}

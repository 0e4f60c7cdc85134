/** What the simulated shoppers know of a catalog: each product reduced to the traits tastes are about. Pure. */
import type { Product } from '../../src/domain.ts';

/** One product's traits; indices point into CatalogFacts' lists (-1: no brand). */
export interface ItemFacts {
  id: string;
  leaf: number;
  brand: number;
  colours: readonly number[];
  sizes: readonly string[];
  /** ln(price); NaN when the product has none. */
  logPrice: number;
  rating?: number;
}

/** A leaf category: what shoppers of it type, and what its products cost. */
export interface LeafFacts {
  /** The category's own name, lowercased ("running shoes"): what a browsing shopper types. */
  name: string;
  department: number;
  /** Product nouns used in the leaf (the demo's first tag, "trail running shoes"); may be empty. */
  kinds: readonly string[];
  /** Median ln(price) of its products (0 when none has a price). */
  logMedianPrice: number;
  /** Brands selling in it, with their product counts as weights. */
  brands: readonly number[];
  brandWeights: readonly number[];
  items: number;
}

export interface DepartmentFacts {
  name: string;
  leaves: readonly number[];
  /** Products in the department: how likely a shopper is to care for it. */
  weight: number;
  /** Sizes a shopper wears or fits (apparel, shoes, beds), weighted by use; empty where sizes are not personal. */
  sizes: readonly string[];
  sizeWeights: readonly number[];
}

export interface CatalogFacts {
  items: readonly ItemFacts[];
  byId: ReadonlyMap<string, ItemFacts>;
  leaves: readonly LeafFacts[];
  departments: readonly DepartmentFacts[];
  brands: readonly string[];
  colours: readonly string[];
  colourWeights: readonly number[];
}

/** Sizes are personal in a department where most products have sizes and one size recurs (M, US 9, Queen). */
const SIZED_SHARE = 0.3;
const TOP_SIZE_SHARE = 0.3;

export function catalogFacts(products: readonly Product[]): CatalogFacts {
  const intern = () => { const list: string[] = []; const at = new Map<string, number>(); return { list, of: (s: string) => at.get(s) ?? (at.set(s, list.length), list.push(s) - 1) }; };
  const brands = intern(), colours = intern(), leafKeys = intern(), deptKeys = intern();
  const items = products.map((p): ItemFacts => ({
    id: p.id, leaf: leafKeys.of(p.category.join(' > ')), brand: p.brand ? brands.of(p.brand) : -1,
    colours: p.colors.map((c) => colours.of(c.toLowerCase())), sizes: p.sizes,
    logPrice: p.price && p.price > 0 ? Math.log(p.price) : NaN, ...(p.rating !== undefined ? { rating: p.rating } : {}),
  }));
  products.forEach((p) => deptKeys.of(p.category[0] ?? ''));
  const members: number[][] = leafKeys.list.map(() => []);
  items.forEach((item, i) => members[item.leaf]!.push(i));
  const leaves = leafKeys.list.map((key, l) => leafFacts(key, members[l]!, products, items, deptKeys.of(key.split(' > ')[0] ?? '')));
  const departments = deptKeys.list.map((name, d) => departmentFacts(name, d, leaves, products));
  const colourWeights = colours.list.map(() => 0);
  for (const item of items) for (const c of item.colours) colourWeights[c]! += 1;
  return { items, byId: new Map(items.map((i) => [i.id, i])), leaves, departments, brands: brands.list, colours: colours.list, colourWeights };
}

function leafFacts(key: string, members: readonly number[], products: readonly Product[], items: readonly ItemFacts[], department: number): LeafFacts {
  const name = (key.split(' > ').at(-1) ?? '').toLowerCase();
  const kinds = new Set<string>();
  const brandCounts = new Map<number, number>();
  for (const i of members) {
    const tags = products[i]!.tags;
    // The demo writes the product noun first and the leaf's name second; other catalogs' tags are not read as nouns.
    if (tags[0] && tags[1] === name) kinds.add(tags[0].toLowerCase());
    const brand = items[i]!.brand;
    if (brand >= 0) brandCounts.set(brand, (brandCounts.get(brand) ?? 0) + 1);
  }
  const prices = members.map((i) => items[i]!.logPrice).filter(Number.isFinite).sort((a, b) => a - b);
  return {
    name, department, kinds: [...kinds], logMedianPrice: prices[Math.floor(prices.length / 2)] ?? 0,
    brands: [...brandCounts.keys()], brandWeights: [...brandCounts.values()], items: members.length,
  };
}

function departmentFacts(name: string, d: number, leaves: readonly LeafFacts[], products: readonly Product[]): DepartmentFacts {
  const own = leaves.flatMap((leaf, i) => (leaf.department === d ? [i] : []));
  const inDept = products.filter((p) => (p.category[0] ?? '') === name);
  const sizeCounts = new Map<string, number>();
  for (const p of inDept) for (const s of p.sizes) sizeCounts.set(s, (sizeCounts.get(s) ?? 0) + 1);
  const sized = inDept.filter((p) => p.sizes.length > 0).length;
  const top = Math.max(0, ...sizeCounts.values());
  const personal = sized >= SIZED_SHARE * inDept.length && top >= TOP_SIZE_SHARE * sized;
  return {
    name, leaves: own, weight: inDept.length,
    sizes: personal ? [...sizeCounts.keys()] : [], sizeWeights: personal ? [...sizeCounts.values()] : [],
  };
}

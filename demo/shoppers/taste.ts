/** A shopper's latent tastes: what they look for, how they like it, and how that drifts day by day. */
import type { Random } from '../random.ts';
import type { CatalogFacts, ItemFacts } from './catalog-facts.ts';
import { gaussian, weightedIndex, weightedSample } from './draw.ts';
import type { ShopperParams } from './params.ts';

const MAX_BRANDS = 6;

export interface Taste {
  /** Favourite leaf categories and how much each is wanted (searches are drawn by these weights). */
  leaves: number[];
  leafWeights: number[];
  brands: number[];
  colours: number[];
  /** Department → the size the shopper wears or fits. */
  sizes: Map<number, string>;
  /** ln(preferred price / category median): below 0 a bargain hunter, above 0 a premium buyer. */
  priceLevel: number;
}

/** A new shopper's tastes, drawn around what the catalog sells most. */
export function newTaste(rng: Random, facts: CatalogFacts, p: ShopperParams): Taste {
  const deptWeights = facts.departments.map((d) => (d.name && d.leaves.length ? d.weight : 0));
  const taste: Taste = { leaves: [], leafWeights: [], brands: [], colours: [], sizes: new Map(), priceLevel: gaussian(rng) * p.priceSpread };
  for (const d of weightedSample(rng, deptWeights, rng.int(p.departments[0], p.departments[1]))) {
    const leaves = facts.departments[d]!.leaves;
    for (const i of weightedSample(rng, leaves.map((l) => facts.leaves[l]!.items), rng.int(p.leavesPerDepartment[0], p.leavesPerDepartment[1]))) {
      addLeaf(rng, taste, facts, p, leaves[i]!);
    }
  }
  taste.colours = weightedSample(rng, facts.colourWeights, rng.int(p.colours[0], p.colours[1]));
  return taste;
}

/** One day of drift: now and then a category, a colour or a brand is swapped; the price level walks. */
export function driftTaste(rng: Random, taste: Taste, facts: CatalogFacts, p: ShopperParams): void {
  if (p.drift <= 0) return;
  if (taste.leaves.length && rng.chance(p.leafSwapPerDay * p.drift)) {
    const out = rng.int(0, taste.leaves.length - 1);
    taste.leaves.splice(out, 1);
    taste.leafWeights.splice(out, 1);
    addLeaf(rng, taste, facts, p, newLeaf(rng, taste, facts));
  }
  if (taste.colours.length && rng.chance(p.colourSwapPerDay * p.drift)) {
    taste.colours[rng.int(0, taste.colours.length - 1)] = weightedIndex(rng, facts.colourWeights);
  }
  if (taste.brands.length && rng.chance(p.brandSwapPerDay * p.drift)) {
    const leaf = facts.leaves[rng.pick(taste.leaves)]!;
    if (leaf.brands.length) taste.brands[rng.int(0, taste.brands.length - 1)] = leaf.brands[weightedIndex(rng, leaf.brandWeights)]!;
  }
  taste.priceLevel += gaussian(rng) * p.priceWalkPerDay * p.drift;
}

/** How much the shopper wants `item`, before noise (0 is indifferent; the click and cart bars sit above). */
export function utility(taste: Taste, item: ItemFacts, facts: CatalogFacts, p: ShopperParams): number {
  const w = p.weights;
  let u = 0;
  if (taste.leaves.includes(item.leaf)) u += w.leaf;
  if (item.brand >= 0 && taste.brands.includes(item.brand)) u += w.brand;
  if (item.colours.some((c) => taste.colours.includes(c))) u += w.colour;
  const leaf = facts.leaves[item.leaf]!;
  const size = taste.sizes.get(leaf.department);
  if (size !== undefined && item.sizes.length) u += item.sizes.includes(size) ? w.size : -w.size;
  if (Number.isFinite(item.logPrice)) u -= w.price * Math.abs(item.logPrice - leaf.logMedianPrice - taste.priceLevel);
  if (item.rating !== undefined) u += w.rating * (item.rating - 4);
  return u;
}

function addLeaf(rng: Random, taste: Taste, facts: CatalogFacts, p: ShopperParams, leaf: number): void {
  if (taste.leaves.includes(leaf)) return;
  taste.leaves.push(leaf);
  taste.leafWeights.push(0.3 + rng.next());
  const facts_ = facts.leaves[leaf]!;
  if (facts_.brands.length && rng.chance(p.brandLoyalty)) {
    const brand = facts_.brands[weightedIndex(rng, facts_.brandWeights)]!;
    if (!taste.brands.includes(brand)) taste.brands.push(brand);
    // Loyalties fade: the oldest goes when a new one comes past the limit.
    if (taste.brands.length > MAX_BRANDS) taste.brands.shift();
  }
  const dept = facts.departments[facts_.department]!;
  if (dept.sizes.length && !taste.sizes.has(facts_.department)) taste.sizes.set(facts_.department, dept.sizes[weightedIndex(rng, dept.sizeWeights)]!);
}

/** A category to take up: often in a department already liked, else anywhere (by how much each sells). */
function newLeaf(rng: Random, taste: Taste, facts: CatalogFacts): number {
  const depts = taste.leaves.map((l) => facts.leaves[l]!.department);
  const pool = depts.length && rng.chance(0.5) ? facts.departments[rng.pick(depts)]!.leaves : facts.leaves.map((_, i) => i).filter((i) => facts.leaves[i]!.name);
  return pool[weightedIndex(rng, pool.map((l) => facts.leaves[l]!.items))]!;
}

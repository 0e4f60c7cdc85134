/** What a shopper types: a category they want, in the catalog's words, sometimes with a colour, brand, size or budget. */
import type { Random } from '../random.ts';
import type { CatalogFacts } from './catalog-facts.ts';
import { weightedIndex } from './draw.ts';
import type { ShopperParams } from './params.ts';
import type { Taste } from './taste.ts';

export interface ShopperQuery {
  text: string;
  leaf: number;
}

/** Budgets people type: round figures. */
const BUDGETS = [10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000];

/** A search drawn from the tastes (now and then from outside them); undefined when the catalog has no named category. */
export function composeQuery(rng: Random, taste: Taste, facts: CatalogFacts, p: ShopperParams): ShopperQuery | undefined {
  const leaf = rng.chance(p.explore) || taste.leaves.length === 0 ? anyLeaf(rng, facts) : taste.leaves[weightedIndex(rng, taste.leafWeights)]!;
  if (leaf === undefined) return undefined;
  const facts_ = facts.leaves[leaf]!;
  let text = facts_.kinds.length && rng.chance(0.5) ? rng.pick(facts_.kinds) : facts_.name;
  if (rng.chance(p.queryColour) && taste.colours.length) text = `${facts.colours[rng.pick(taste.colours)]} ${text}`;
  const brands = taste.brands.filter((b) => facts_.brands.includes(b));
  if (rng.chance(p.queryBrand) && brands.length) text = `${facts.brands[rng.pick(brands)]!.toLowerCase()} ${text}`;
  return { text: addDetail(rng, text, leaf, taste, facts, p), leaf };
}

/** The same need, said more precisely (a size or a budget), or the same words again when there is nothing to add. */
export function refineQuery(rng: Random, query: ShopperQuery, taste: Taste, facts: CatalogFacts): ShopperQuery {
  const always = { queryColour: 0, queryBrand: 0, querySize: 1, queryBudget: 1 } as ShopperParams;
  const refined = addDetail(rng, query.text, query.leaf, taste, facts, always);
  if (refined !== query.text || !taste.colours.length) return { ...query, text: refined };
  return { ...query, text: `${facts.colours[rng.pick(taste.colours)]} ${query.text}` };
}

function addDetail(rng: Random, text: string, leaf: number, taste: Taste, facts: CatalogFacts, p: Pick<ShopperParams, 'querySize' | 'queryBudget'>): string {
  const size = taste.sizes.get(facts.leaves[leaf]!.department);
  if (size && !/ size /.test(text) && rng.chance(p.querySize)) return `${text} size ${size.replace(/^US\s+/i, '').toLowerCase()}`;
  if (!text.includes(' under $') && rng.chance(p.queryBudget)) return `${text} under $${budget(facts.leaves[leaf]!.logMedianPrice + taste.priceLevel)}`;
  return text;
}

/** The round figure just above the price the shopper has in mind. */
function budget(logPrice: number): number {
  const wanted = Math.exp(logPrice) * 1.2;
  return BUDGETS.find((b) => b >= wanted) ?? BUDGETS.at(-1)!;
}

function anyLeaf(rng: Random, facts: CatalogFacts): number | undefined {
  const named = facts.leaves.map((l, i) => (l.name ? i : -1)).filter((i) => i >= 0);
  return named.length ? named[weightedIndex(rng, named.map((i) => facts.leaves[i]!.items))] : undefined;
}

// The catalog reduced to what the reranker's features read (features.ts ItemFacts). Serving (rerank-stack.ts)
// and the training export and eval (reranker-sources.ts) both build facts here, so they agree.
import type { Product } from '../domain.ts';
import type { ItemFacts } from './features.ts';

export type FactsProduct = Pick<Product, 'id' | 'price' | 'rating' | 'category' | 'brand' | 'colors'>;

/** Each product's price, rating, leaf category, brand, colours and price level within its leaf category. */
export function productFacts(products: readonly FactsProduct[]): Map<string, ItemFacts> {
  const medians = leafMedianPrices(products);
  return new Map(products.map((p) => {
    const leaf = p.category.at(-1);
    const median = leaf !== undefined ? medians.get(leaf) : undefined;
    const facts: ItemFacts = {
      ...(p.price !== undefined ? { price: p.price } : {}),
      ...(p.rating !== undefined ? { rating: p.rating } : {}),
      ...(leaf !== undefined ? { leafCategory: leaf } : {}),
      ...(p.brand ? { brand: p.brand.toLowerCase() } : {}),
      ...(p.colors.length ? { colours: p.colors.map((c) => c.toLowerCase()) } : {}),
      ...(p.price !== undefined && p.price > 0 && median !== undefined ? { priceLevel: Math.log(p.price / median) } : {}),
    };
    return [p.id, facts];
  }));
}

/** Median positive price of each leaf category's products. */
function leafMedianPrices(products: readonly FactsProduct[]): Map<string, number> {
  const prices = new Map<string, number[]>();
  for (const p of products) {
    const leaf = p.category.at(-1);
    if (leaf === undefined || p.price === undefined || !(p.price > 0)) continue;
    const list = prices.get(leaf) ?? [];
    list.push(p.price);
    prices.set(leaf, list);
  }
  const out = new Map<string, number>();
  for (const [leaf, list] of prices) {
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    out.set(leaf, list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2);
  }
  return out;
}

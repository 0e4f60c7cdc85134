import type { Filters } from '../search/filters.ts';
import type { ProductSearch } from '../search/product-search.ts';
import type { DialogServices } from './dialog.ts';

/** Customer-service answers (help centre, orders, returns); the next stage plugs in here. */
export type SupportDesk = DialogServices['support'];

/** Until a help centre is connected, no topic is covered: the dialog says so and offers a person. */
export const noSupportDesk: SupportDesk = async () => undefined;

/** The services dialogs use, over the product search and the support desk. */
export function createDialogServices(search: ProductSearch, productTerms: ReadonlySet<string>, support: SupportDesk = noSupportDesk): DialogServices {
  return {
    async searchProducts(text: string, filters: Filters, k: number) {
      const result = await search.search(text, { k, filters });
      const effective: Filters = { ...result.filters };
      for (const facet of result.relaxed) delete effective[facet as keyof Filters];
      return { products: result.results.map((h) => h.product), relaxed: result.relaxed, filters: effective };
    },
    product: (id) => search.product(id),
    isCatalogTerm: (term) => productTerms.has(term),
    support,
  };
}

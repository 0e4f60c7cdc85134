import type { Filters } from '../search/filters.ts';
import type { ProductSearch } from '../search/search.ts';
import type { Intent } from '../understanding/intents.ts';
import type { OrderDesk } from '../orders/order-desk.ts';
import type { DialogServices, ProductPage } from './dialog.ts';

/** Customer-service answers (help centre, orders, returns); the next stage plugs in here. */
export type SupportDesk = DialogServices['support'];

/** Until a help centre is connected, no topic is covered: the dialog says so and offers a person. */
export const noSupportDesk: SupportDesk = async () => undefined;

/** The services dialogs use, over the product search and the support desk. */
export function createDialogServices(
  search: ProductSearch, productTerms: ReadonlySet<string>, support: SupportDesk = noSupportDesk, orders?: OrderDesk, humanOnly: readonly Intent[] = [],
): DialogServices {
  const services: DialogServices = {
    searchProducts: (text, filters, k, understood) => searchRelaxed(search, text, filters, k, understood),
    product: (id) => search.product(id),
    isCatalogTerm: (term) => productTerms.has(term),
    support,
    ...(orders ? { orders } : {}),
    ...(humanOnly.length ? { humanOnly } : {}),
    // The conversation's shopper goes with each search, so a personalised search can read their history.
    forShopper: (user) => ({ ...services, searchProducts: (text, filters, k, understood) => searchRelaxed(search, text, filters, k, understood, user) }),
  };
  return services;
}

type ListFacet = 'colors' | 'materials' | 'sizes' | 'brands' | 'categories';

/**
 * A search whose relaxed facets come back as empty lists, not missing ones: passed back with a
 * refinement, an empty list overrides the value the words would give again ("blue" in "blue velvet
 * sofa"), so a relaxed colour stays relaxed. A facet the caller had already left open is not
 * reported as relaxed again.
 */
async function searchRelaxed(search: ProductSearch, text: string, filters: Filters, k: number, understood?: { fromWords: Filters }, user?: string): Promise<ProductPage> {
  const result = await search.search(text, { k, filters, ...(understood ? { understood: { filters: understood.fromWords } } : {}), ...(user ? { user } : {}) });
  const alreadyOpen = (facet: string) => filters[facet as ListFacet]?.length === 0;
  const relaxed = result.relaxed.filter((facet) => !alreadyOpen(facet));
  const effective: Filters = { ...result.filters };
  for (const facet of result.relaxed) {
    if (facet === 'audience') delete effective.audience;
    else effective[facet as ListFacet] = [];
  }
  return { products: result.results.map((h) => h.product), relaxed, filters: effective, ...(result.foreignPrice ? { foreignPrice: result.foreignPrice } : {}), ...(result.unsold ? { unsold: result.unsold } : {}), ...(result.unmatchedKind ? { unmatchedKind: result.unmatchedKind } : {}) };
}

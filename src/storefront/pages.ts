import type { Product } from '../domain.ts';
import { html, type SafeHtml } from './html.ts';
import { breadcrumb, categoryHref, page, pager, type WidgetTag } from './layout.ts';
import { productDetail, productGrid } from './product-views.ts';
import type { CategoryNode, Shelf, ShelfPage } from './shelf.ts';

/** Whole pages of the storefront, as strings ready to send. Every catalog and shopper text goes through `html`. */

export interface PageContext {
  shelf: Shelf;
  widget?: WidgetTag;
}

/**
 * The whole catalog (path empty) or one category: its sub-categories, a grid and the pager. The
 * departments are in the navigation already, so only a category lists what is inside it.
 */
export function listingPage(ctx: PageContext, path: readonly string[], listing: ShelfPage & { category?: CategoryNode }): string {
  const category = listing.category;
  const title = category ? category.name : 'All products';
  const body = html`${path.length > 0 ? breadcrumb(path) : ''}
<h1>${title}</h1>
<p class="count">${listing.total.toLocaleString('en-US')} ${listing.total === 1 ? 'product' : 'products'}</p>
${category && category.children.length > 0 ? html`<nav class="subcategories" aria-label="Inside ${category.name}"><ul>${
  category.children.map((c) => html`<li><a href="${categoryHref(c.path)}">${c.name} <span class="n">${c.count}</span></a></li>`)}</ul></nav>` : ''}
${productGrid(listing.products)}
${pager(listing.page, listing.pages, (n) => (path.length > 0 ? categoryHref(path, n) : n > 1 ? `/?page=${n}` : '/'))}`;
  return render(ctx, { title, department: path[0], body });
}

export interface SearchView {
  query: string;
  products: readonly Product[];
  page: number;
  pages: number;
  /** Facets of the query given up because keeping them all matched nothing. */
  relaxed: readonly string[];
}

export function searchPage(ctx: PageContext, view: SearchView): string {
  const href = (n: number) => `/search?${new URLSearchParams({ q: view.query, ...(n > 1 ? { page: String(n) } : {}) })}`;
  const body = view.products.length === 0
    ? html`<h1>No products match “${view.query}”</h1><p>Try fewer words, or <a href="/">browse the departments</a>.</p>`
    : html`<h1>Results for “${view.query}”</h1>
${view.relaxed.length > 0 ? html`<p class="note">Nothing matched everything you asked for, so these leave out the ${view.relaxed.join(', ')}.</p>` : ''}
${productGrid(view.products)}
${pager(view.page, view.pages, href)}`;
  return render(ctx, { title: `Search: ${view.query}`, query: view.query, body });
}

export function productPage(ctx: PageContext, product: Product, variant?: string): string {
  return render(ctx, { title: product.title, department: product.category[0], body: productDetail(product, variant) });
}

/** The cart lives in the shopper's browser (localStorage); storefront.js fills this in. */
export function cartPage(ctx: PageContext): string {
  const body = html`<h1>Your cart</h1>
<div class="cart" data-cart-view>
<p data-cart-empty>Your cart is empty. <a href="/">Keep shopping</a>.</p>
<noscript><p>The cart needs JavaScript: it is kept in this browser.</p></noscript>
</div>`;
  return render(ctx, { title: 'Cart', body });
}

export function notFoundPage(ctx: PageContext, what: string): string {
  const body = html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to all products</a>, or search above.</p>`;
  return render(ctx, { title: 'Not found', body });
}

/** What a store without products shows: how to load one. */
export function noCatalogPage(ctx: PageContext): string {
  const body = html`<h1>No catalog yet</h1>
<p>This store has no products to show. Load a catalog, then restart the server:</p>
<ul>
<li><code>npx aisle demo</code> builds the generated demo store (about 20,000 products), or</li>
<li><code>npx aisle ingest FILE</code> loads your own catalog (CSV, TSV, JSON lines, a Shopify export or a Google Merchant feed), then <code>npx aisle index</code>.</li>
</ul>
<p><code>npm start</code> builds the demo store by itself when the store is empty.</p>`;
  return render(ctx, { title: 'No catalog yet', body });
}

function render(ctx: PageContext, o: { title: string; department?: string; query?: string; body: SafeHtml }): string {
  return page({ ...o, departments: ctx.shelf.departments, widget: ctx.widget }).value;
}

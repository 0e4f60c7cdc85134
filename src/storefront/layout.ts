import { html, type SafeHtml } from './html.ts';
import type { CategoryNode } from './shelf.ts';

/** Where the storefront's own files are served; the page links these, nothing else. */
export const ASSET_PATH = '/storefront';

/**
 * The chat widget's one tag (issue 11, step 2). Given, every page ends with
 * `<script src="{src}" data-aisle-url="{url}" async>`; the widget tells the page about carts and clicks
 * with the DOM events `aisle:add-to-cart` and `aisle:product-click` (detail `{ productId, variant? }`).
 */
export interface WidgetTag {
  src: string;
  /** Where the widget reaches Aisle; absent: the page's own origin. */
  url?: string;
}

export interface PageOptions {
  title: string;
  departments: readonly CategoryNode[];
  /** The department shown as current in the navigation. */
  department?: string;
  /** Kept in the search box. */
  query?: string;
  widget?: WidgetTag;
  body: SafeHtml;
}

/** A whole page: header with search and cart, department navigation, the content, then the scripts. */
export function page(o: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${o.title} · Aisle demo store</title>
<link rel="stylesheet" href="${ASSET_PATH}/storefront.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="/">Aisle <span>demo store</span></a>
  <form class="search" role="search" action="/search" method="get">
    <label for="search-q" class="visually-hidden">Search products</label>
    <input id="search-q" name="q" type="search" value="${o.query ?? ''}" placeholder="Search products" maxlength="500" autocomplete="off">
    <button type="submit">Search</button>
  </form>
  <a class="help-link" href="/help">Help</a>
  <a class="cart-link" href="/cart">Cart <span class="cart-count" data-cart-count>0</span><span class="visually-hidden" data-cart-noun> items</span></a>
</header>
${departmentNav(o.departments, o.department)}
<main id="main" tabindex="-1">
${o.body}
</main>
<p class="visually-hidden" role="status" aria-live="polite" data-cart-status></p>
<footer class="site-footer"><p>A demo shop for trying Aisle. Products, prices and pictures are generated.</p></footer>
<script type="module" src="${ASSET_PATH}/storefront.js"></script>
${widgetSlot(o.widget)}
</body>
</html>
`;
}

/** The widget's place: the last thing in the body, so it never delays the page. */
function widgetSlot(widget: WidgetTag | undefined): SafeHtml {
  if (!widget) return html`<!-- Aisle chat widget: <script src="/aisle/widget.js" async></script> goes here -->`;
  return html`<script src="${widget.src}" data-aisle-url="${widget.url ?? ''}" async></script>`;
}

function departmentNav(departments: readonly CategoryNode[], current: string | undefined): SafeHtml {
  if (departments.length === 0) return html``;
  return html`<nav class="departments" aria-label="Departments"><ul>
${departments.map((d) => html`<li><a href="${categoryHref(d.path)}"${d.name === current ? html` aria-current="true"` : ''}>${d.name}</a></li>`)}
</ul></nav>`;
}

/** Link to a category listing (and a page of it); the path travels as one "A > B > C" parameter. */
export function categoryHref(path: readonly string[], pageNumber = 1): string {
  const params = new URLSearchParams({ category: path.join(' > ') });
  if (pageNumber > 1) params.set('page', String(pageNumber));
  return `/?${params}`;
}

export function productHref(id: string): string {
  return `/products/${encodeURIComponent(id)}`;
}

/** Breadcrumb of a category path; the last step is the current page unless `linkLast`. */
export function breadcrumb(path: readonly string[], linkLast = false): SafeHtml {
  const steps = path.map((name, i) => (i < path.length - 1 || linkLast
    ? html`<li><a href="${categoryHref(path.slice(0, i + 1))}">${name}</a></li>`
    : html`<li aria-current="page">${name}</li>`));
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">All products</a></li>${steps}</ol></nav>`;
}

/** Previous / next links and "Page 2 of 9"; nothing for a single page. */
export function pager(current: number, pages: number, href: (n: number) => string): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="Pages">
${current > 1 ? html`<a href="${href(current - 1)}" rel="prev">← Previous</a>` : html`<span aria-hidden="true"></span>`}
<span>Page ${current} of ${pages}</span>
${current < pages ? html`<a href="${href(current + 1)}" rel="next">Next →</a>` : html`<span aria-hidden="true"></span>`}
</nav>`;
}

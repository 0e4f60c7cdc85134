/**
 * The storefront's one stylesheet, served as /storefront/storefront.css. A string in a module (not a file
 * beside it) so that the compiled dist/ serves it too. Colours are custom properties, light and dark.
 */
export const STOREFRONT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fafaf7; --surface: #ffffff; --text: #1d1d1f; --muted: #5f6368; --border: #dadce0;
  --accent: #1f5fbf; --accent-text: #ffffff; --ok: #1e7a3c; --warn: #a15c00; --bad: #b3261e;
  --focus: #1f5fbf; --radius: 10px; --gap: 16px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121316; --surface: #1c1d21; --text: #ececef; --muted: #a8abb3; --border: #34363c;
    --accent: #8ab4f8; --accent-text: #10131a; --ok: #7bd88f; --warn: #f2b866; --bad: #f28b82; --focus: #8ab4f8;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 var(--font); }
a { color: var(--accent); }
img { max-width: 100%; height: auto; display: block; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: 8px; top: -48px; background: var(--surface); padding: 8px 12px; z-index: 10; }
.skip-link:focus { top: 8px; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px var(--gap); padding: 12px var(--gap);
  background: var(--surface); border-bottom: 1px solid var(--border); }
.brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--text); }
.brand span { font-weight: 400; color: var(--muted); }
.search { flex: 1 1 240px; display: flex; gap: 8px; order: 3; min-width: 0; }
@media (min-width: 720px) { .search { order: 0; } }
.search input { flex: 1; min-width: 0; padding: 8px 12px; font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--border); border-radius: var(--radius); }
button, select { font: inherit; border-radius: var(--radius); }
button { padding: 8px 16px; border: 0; background: var(--accent); color: var(--accent-text); cursor: pointer; min-height: 44px; }
button:disabled { opacity: .55; cursor: not-allowed; }
button.secondary { background: transparent; color: var(--accent); border: 1px solid var(--border); min-height: 36px; padding: 4px 12px; }
select { padding: 8px; color: inherit; background: var(--bg); border: 1px solid var(--border); min-height: 44px; max-width: 100%; }
.help-link { margin-left: auto; text-decoration: none; font-weight: 600; padding: 8px 0; }
.help-link + .cart-link { margin-left: 0; }
.help-list { padding-left: 1.2em; line-height: 1.9; }
.help-article, .faq { max-width: 720px; }
.faq { scroll-margin-top: 16px; border-bottom: 1px solid var(--border); padding-bottom: 8px; }
.faq:target { outline: 2px solid var(--accent); outline-offset: 6px; border-radius: 4px; }
.cart-link { margin-left: auto; text-decoration: none; font-weight: 600; white-space: nowrap; padding: 8px 0; }
.cart-count { display: inline-block; min-width: 1.6em; padding: 0 6px; border-radius: 999px; text-align: center;
  background: var(--accent); color: var(--accent-text); }
.departments { background: var(--surface); border-bottom: 1px solid var(--border); overflow-x: auto; }
.departments ul, .subcategories ul, .breadcrumb ol { list-style: none; margin: 0; padding: 0; display: flex; gap: 4px 16px; }
.departments ul { padding: 8px var(--gap); white-space: nowrap; }
.departments a { text-decoration: none; color: var(--text); padding: 6px 0; display: inline-block; }
.departments a[aria-current] { font-weight: 700; border-bottom: 2px solid var(--accent); }
main { max-width: 1200px; margin: 0 auto; padding: var(--gap); }
main:focus { outline: none; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 8px 0; }
.count, .note { color: var(--muted); margin-top: 0; }
.breadcrumb ol { flex-wrap: wrap; gap: 4px; font-size: .9rem; color: var(--muted); }
.breadcrumb li + li::before { content: "›"; margin-right: 4px; }
.subcategories ul { flex-wrap: wrap; gap: 8px; margin-bottom: var(--gap); }
.subcategories a { display: inline-block; padding: 6px 12px; border: 1px solid var(--border); border-radius: 999px;
  text-decoration: none; background: var(--surface); }
.subcategories .n { color: var(--muted); font-size: .85em; }
.grid { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--gap);
  grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 10px;
  display: flex; flex-direction: column; gap: 4px; font-size: .92rem; }
.card a { text-decoration: none; color: var(--text); }
.card img { border-radius: calc(var(--radius) - 4px); aspect-ratio: 1; object-fit: cover; width: 100%; margin-bottom: 6px; }
.card-title { display: block; font-weight: 600; }
.card a:hover .card-title { text-decoration: underline; }
.price { font-weight: 700; font-size: 1.05rem; }
.product .price { font-size: 1.5rem; margin: 4px 0; }
.rating { color: var(--muted); }
.stock { margin-left: 6px; }
.stock.in_stock { color: var(--ok); } .stock.out_of_stock { color: var(--bad); } .stock.backorder, .stock.preorder { color: var(--warn); }
.card .stock { margin-left: 0; display: block; }
.pager { display: flex; justify-content: space-between; align-items: center; gap: var(--gap); margin: 24px 0; }
.pager a { padding: 10px 0; }
.product { display: grid; gap: 24px; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 760px) { .product { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.product-image { width: 100%; border-radius: var(--radius); border: 1px solid var(--border); }
.brand-name { color: var(--muted); margin: 0; }
.add-to-cart { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 16px 0; }
.add-to-cart label { width: 100%; font-weight: 600; }
.add-to-cart select { flex: 1 1 16em; min-width: 0; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.details dt { color: var(--muted); } .details dd { margin: 0; }
.cart ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
.cart-line { display: grid; grid-template-columns: 72px 1fr; gap: 12px; align-items: start; background: var(--surface);
  border: 1px solid var(--border); border-radius: var(--radius); padding: 10px; }
.cart-line img { width: 72px; height: 72px; border-radius: 6px; }
.cart-line .qty { display: flex; align-items: center; gap: 8px; margin-top: 6px; flex-wrap: wrap; }
.cart-total { font-size: 1.2rem; font-weight: 700; text-align: right; }
.site-footer { color: var(--muted); text-align: center; font-size: .85rem; padding: 24px var(--gap); }
code { background: var(--surface); border: 1px solid var(--border); border-radius: 4px; padding: 1px 4px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;

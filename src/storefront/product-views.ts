import { formatPrice } from '../conversation/format-price.ts';
import { stockLabel } from '../conversation/stock-label.ts';
import type { Availability, Product, Variant } from '../domain.ts';
import { safeLink } from '../url-safety.ts';
import { html, type SafeHtml } from './html.ts';
import { breadcrumb, productHref } from './layout.ts';

/** Pieces of markup that show one product: the card in a grid and the product page's body. */

/**
 * What the page shows as the product's picture: an absolute http(s) URL or a path on this server as the
 * catalog gives it, else the picture this server draws for it. Never `javascript:` or `data:` from a catalog.
 */
export function imageSrc(product: Product): string {
  return safeLink(product.imageUrl) ?? generatedImagePath(product.id);
}

export function generatedImagePath(id: string): string {
  return `/images/${encodeURIComponent(id)}.svg`;
}

/** The same picture as PNG, for chat clients that cannot show SVG (Teams cards, Slack). */
export function generatedPngPath(id: string): string {
  return `/images/${encodeURIComponent(id)}.png`;
}

/** A product's price on the shop's pages ("$1,299.00"): "Price on request" where the catalog gives none. */
export function priceText(amount: number | undefined, currency: string): string {
  return amount === undefined ? 'Price on request' : formatPrice(amount, currency);
}

/** "In stock", "Only 3 left", "Out of stock"…; empty when the catalog does not say (a shop page shows nothing then). */
export function stockText(p: { availability: Availability; stock?: number }): string {
  return p.availability === 'unknown' && p.stock === undefined ? '' : stockLabel(p);
}

function rating(product: Product): SafeHtml {
  if (product.rating === undefined) return html`<span class="rating none">No reviews yet</span>`;
  const reviews = product.reviewCount === undefined ? '' : ` (${product.reviewCount})`;
  const label = `Rated ${product.rating.toFixed(1)} out of 5${product.reviewCount === undefined ? '' : `, ${product.reviewCount} reviews`}`;
  return html`<span class="rating" role="img" aria-label="${label}"><span aria-hidden="true">★ ${product.rating.toFixed(1)}${reviews}</span></span>`;
}

function stock(product: Product): SafeHtml {
  const text = stockText(product);
  return text ? html`<span class="stock ${product.availability}">${text}</span>` : html``;
}

/** One product in a grid; the picture sits inside the title's link, so its alt is empty (no name read twice). */
export function productCard(product: Product): SafeHtml {
  return html`<li class="card">
<a href="${productHref(product.id)}"><img src="${imageSrc(product)}" alt="" width="400" height="400" loading="lazy" decoding="async">
<span class="card-title">${product.title}</span></a>
<span class="price">${priceText(product.price, product.currency)}</span>
${rating(product)} ${stock(product)}
</li>`;
}

export function productGrid(products: readonly Product[]): SafeHtml {
  return html`<ul class="grid">${products.map(productCard)}</ul>`;
}

/**
 * The product page's body: picture, facts, choice of variant, "Add to cart", description and details.
 * `chosen` (a variant SKU or a size, as the widget's product click names it) is selected when it exists.
 */
export function productDetail(product: Product, chosen?: string): SafeHtml {
  const soldOut = product.availability === 'out_of_stock';
  return html`${breadcrumb(product.category, true)}
<article class="product" data-product-id="${product.id}">
<img class="product-image" src="${imageSrc(product)}" alt="${product.title}" width="400" height="400">
<div class="product-info">
<h1>${product.title}</h1>
${product.brand ? html`<p class="brand-name">by ${product.brand}</p>` : ''}
<p class="price">${priceText(product.price, product.currency)}</p>
<p>${rating(product)} ${stock(product)}</p>
<form class="add-to-cart" data-add-to-cart data-product-id="${product.id}" action="/cart" method="get">
${variantChoice(product, chosen)}
<button type="submit"${soldOut ? html` disabled` : ''}>${soldOut ? 'Out of stock' : 'Add to cart'}</button>
</form>
${product.description ? html`<h2>Description</h2><p class="description">${product.description}</p>` : ''}
${details(product)}
</div>
</article>`;
}

/** Variants when the catalog has them (sold-out ones disabled), else a size choice when there are several sizes. */
function variantChoice(product: Product, chosen: string | undefined): SafeHtml {
  const selected = (value: string) => (value === chosen ? html` selected` : '');
  if (product.variants.length > 0) {
    return html`<label for="variant">Option</label>
<select id="variant" name="variant" required>${product.variants.map((v) => html`<option value="${v.sku}"${selected(v.sku)}${v.availability === 'out_of_stock' ? html` disabled` : ''}>${variantLabel(v, product.currency)}</option>`)}</select>`;
  }
  if (product.sizes.length > 1) {
    return html`<label for="variant">Size</label>
<select id="variant" name="variant" required>${product.sizes.map((s) => html`<option value="${s}"${selected(s)}>${s}</option>`)}</select>`;
  }
  return html``;
}

/** "Cobalt / 3T · $46.99 · Out of stock" */
export function variantLabel(variant: Variant, currency: string): string {
  const options = Object.values(variant.options).join(' / ') || variant.sku;
  const parts = [options];
  if (variant.price !== undefined) parts.push(formatPrice(variant.price, currency));
  if (variant.availability === 'out_of_stock') parts.push('Out of stock');
  return parts.join(' · ');
}

/** Colours, sizes, materials and every free-form attribute, named in words ("weight_capacity" → "Weight capacity"). */
function details(product: Product): SafeHtml {
  const rows: [string, string][] = [];
  if (product.brand) rows.push(['Brand', product.brand]);
  if (product.colors.length) rows.push([product.colors.length > 1 ? 'Colours' : 'Colour', product.colors.join(', ')]);
  if (product.sizes.length) rows.push([product.sizes.length > 1 ? 'Sizes' : 'Size', product.sizes.join(', ')]);
  if (product.materials.length) rows.push([product.materials.length > 1 ? 'Materials' : 'Material', product.materials.join(', ')]);
  for (const [name, value] of Object.entries(product.attributes)) rows.push([attributeName(name), sentenceCase(value)]);
  if (rows.length === 0) return html``;
  return html`<h2>Details</h2><dl class="details">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/** "weight_capacity" / "ageRange" → "Weight capacity" / "Age range". */
export function attributeName(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return sentenceCase(words || name);
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

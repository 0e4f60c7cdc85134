import { formatPrice } from '../conversation/format-price.ts';
import type { Handoff, ProductCard, Reply } from '../conversation/reply.ts';
import { AVAILABILITY_LABELS } from '../conversation/stock-label.ts';
import { safeLink } from '../url-safety.ts';
import { replyText } from './reply-text.ts';

/** One product tile in the widget: every text already written out, so the browser only sets textContent. */
export interface WidgetProduct {
  id: string;
  title: string;
  brand?: string;
  /** "$579.99", or "price not listed". */
  price: string;
  /** 0–5, one decimal. */
  rating?: number;
  reviewCount?: number;
  /** "In stock", "Out of stock", "Backorder"… */
  stock: string;
  inStock: boolean;
  /** Absolute, or a path on Aisle's own origin (the widget resolves it against data-aisle-url). */
  imageUrl?: string;
  url?: string;
}

/** Products side by side: a header of products, then one row per attribute ("—" where the catalog does not say). */
export interface WidgetComparison {
  products: { id: string; title: string }[];
  rows: { label: string; values: string[] }[];
}

/** A cart change the host page carries out (as the DOM event `aisle:add-to-cart`); removals are told, not dispatched. */
export interface WidgetCartAction {
  type: 'add_to_cart' | 'remove_from_cart';
  productId: string;
  quantity: number;
  variant?: string;
}

/** The widget's wire form of one `Reply` (src/widget/ draws it). */
export interface WidgetReply {
  text: string;
  products?: WidgetProduct[];
  comparison?: WidgetComparison;
  suggestions?: string[];
  cart?: WidgetCartAction[];
  handoff?: { reason: Handoff['reason']; text: string };
  /** Where the text was quoted from, shown as "Source:" links; `url` only when safe to link (http(s) or a path here). */
  citations?: WidgetCitation[];
  /** The reply takes thumbs: pressing one sends `{type:'feedback', answer, helpful}` back as an action. */
  feedback?: { answer: string };
}

/** A help-centre article the answer quotes; a path is resolved against data-aisle-url, as product links are. */
export interface WidgetCitation {
  title: string;
  url?: string;
}

export interface WidgetRenderOptions {
  /** BCP 47 locale for prices; en-US by default. */
  locale?: string;
  /** A picture for a product whose catalog has none (the storefront's generated one); none: no picture. */
  imageFor?: (id: string) => string | undefined;
  /** A page for a product whose catalog has no URL (the storefront's); none: no link. */
  pageFor?: (id: string) => string | undefined;
}

/** A reply as the widget draws it: products as a carousel, a comparison table, chips, cart actions, the handoff state, sources and thumbs. */
export function renderWidgetReply(reply: Reply, options: WidgetRenderOptions = {}): WidgetReply {
  const out: WidgetReply = { text: replyText(reply) };
  if (reply.products?.length) out.products = reply.products.map((p) => widgetProduct(p, options));
  if (reply.comparison) {
    const { products, rows } = reply.comparison;
    out.comparison = {
      products: products.map((p) => ({ id: p.id, title: p.title })),
      rows: rows.map((r) => ({ label: r.label, values: r.values.map((v) => v ?? '—') })),
    };
  }
  if (reply.suggestions?.length) out.suggestions = [...reply.suggestions];
  if (reply.actions?.length) {
    out.cart = reply.actions.map((a) => ({ type: a.type, productId: a.productId, quantity: a.quantity, ...(a.variantSku ? { variant: a.variantSku } : {}) }));
  }
  if (reply.handoff) out.handoff = { reason: reply.handoff.reason, text: 'A person from our team will take it from here.' };
  if (reply.citations?.length) out.citations = reply.citations.map(widgetCitation);
  if (reply.feedback) out.feedback = { answer: reply.feedback.answer };
  return out;
}

/** A help page with a `javascript:` address (an article's front matter is the store's text) stays a title, never a link. */
function widgetCitation(c: { title: string; url: string }): WidgetCitation {
  const url = safeLink(c.url);
  return url ? { title: c.title, url } : { title: c.title };
}

function widgetProduct(p: ProductCard, options: WidgetRenderOptions): WidgetProduct {
  const product: WidgetProduct = {
    id: p.id, title: p.title, price: formatPrice(p.price, p.currency, options.locale),
    stock: AVAILABILITY_LABELS[p.availability], inStock: p.availability === 'in_stock',
  };
  if (p.brand) product.brand = p.brand;
  if (p.rating !== undefined) product.rating = Math.round(p.rating * 10) / 10;
  if (p.reviewCount !== undefined) product.reviewCount = p.reviewCount;
  // Only http(s) and same-origin paths reach the page: a catalog's `javascript:` URL never becomes a link.
  const image = safeLink(p.imageUrl) ?? options.imageFor?.(p.id);
  if (image) product.imageUrl = image;
  const url = safeLink(p.url) ?? options.pageFor?.(p.id);
  if (url) product.url = url;
  return product;
}

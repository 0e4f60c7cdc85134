import express from 'express';
import { z } from 'zod';
import type { StoredProduct } from '../domain.ts';
import { AppError } from '../errors.ts';
import type { ProductSearch } from '../search/search.ts';
import type { HelpArticle } from '../support/help-article.ts';
import { createHelpPages, faqPage, helpArticlePage, helpIndexPage, helpNotFoundPage, HELP_PATH, type HelpPages } from './help-pages.ts';
import { ASSET_PATH, type WidgetTag } from './layout.ts';
import { cartPage, listingPage, noCatalogPage, notFoundPage, productPage, searchPage, type PageContext } from './pages.ts';
import { productImageSvg } from './product-image.ts';
import { productImagePng } from './product-image-png.ts';
import { imageSrc, priceText, stockText, variantLabel } from './product-views.ts';
import type { Shelf } from './shelf.ts';
import { STOREFRONT_CSS } from './storefront-css.ts';
import { STOREFRONT_SCRIPT } from './storefront-script.ts';

/** What the demo storefront is built from. */
export interface StorefrontDeps {
  shelf: Shelf;
  /** The store's own search, the one /api/search and the chat use. */
  search: Pick<ProductSearch, 'search'>;
  /** The chat widget's tag, added to every page when given. */
  widget?: WidgetTag;
  /** Run before each search (the API's per-address rate limit). */
  searchLimits?: readonly express.RequestHandler[];
  /** The home's help centre (loadHelpCentre), served under /help; none: /help says how to load one. */
  help?: readonly HelpArticle[];
}

/** Products per page of a listing or of search results. */
export const PAGE_SIZE = 24;
/** Search results a shopper can page through (four pages). */
const SEARCH_DEPTH = 96;

const listingQuery = z.object({
  category: z.string().max(2000).optional().transform((c) => (c ? c.split('>').map((s) => s.trim()).filter(Boolean) : [])),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const searchQuery = z.object({
  q: z.string().trim().max(500, 'q is longer than 500 characters; shorten the query').default(''),
  page: z.coerce.number().int().min(1).max(100).catch(1).default(1),
});
const idsQuery = z.object({
  id: z.union([z.string(), z.array(z.string())], { error: 'id is required: /api/products?id=P1&id=P2' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().max(200)).max(100, 'at most 100 ids at once')),
});

/**
 * The demo shop (issue 11): GET / (all products or ?category=A > B), /search?q=, /products/:id[?variant=SKU], /cart,
 * /images/:id.svg and :id.png (pictures drawn for catalogs without photos; PNG for chat clients), /api/products?id=…&id=… (the cart's product
 * facts), /help, /help/:slug and /help/faq (the help centre the chat cites), and its own CSS and script under /storefront/.
 * Mounted before the API's 404.
 */
export function createStorefront(deps: StorefrontDeps): express.Router {
  const router = express.Router();
  const ctx: PageContext = { shelf: deps.shelf, widget: deps.widget };
  router.get('/', (req, res) => sendListing(ctx, req, res));
  router.get('/search', ...(deps.searchLimits ?? []), (req, res) => sendSearch(deps, ctx, req, res));
  router.get('/products/:id', (req, res) => {
    const product = deps.shelf.product(req.params.id);
    if (!product) sendPage(res.status(404), notFoundPage(ctx, 'There is no product with that id in this store.'));
    else sendPage(res, productPage(ctx, product, typeof req.query.variant === 'string' ? req.query.variant : undefined));
  });
  router.get('/cart', (_req, res) => sendPage(res, cartPage(ctx)));
  const help = deps.help && createHelpPages(deps.help);
  router.get(HELP_PATH, (_req, res) => sendPage(res, helpIndexPage(ctx, help)));
  router.get(`${HELP_PATH}/:slug`, (req, res) => sendHelp(ctx, help, req.params.slug, res));
  router.get('/images/:file', (req, res) => sendImage(deps.shelf, req.params.file, res));
  router.get('/api/products', (req, res) => {
    const parsed = idsQuery.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    const products = parsed.data.id.map((id) => deps.shelf.product(id)).filter((p) => p !== undefined);
    res.json({ products: products.map(productJson) });
  });
  router.get(`${ASSET_PATH}/storefront.css`, (_req, res) => sendAsset(res, 'text/css; charset=utf-8', STOREFRONT_CSS));
  router.get(`${ASSET_PATH}/storefront.js`, (_req, res) => sendAsset(res, 'text/javascript; charset=utf-8', STOREFRONT_SCRIPT));
  // A person who types a wrong address gets a page; API clients keep the JSON 404.
  router.use((req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || !req.get('accept')?.includes('text/html')) return next();
    sendPage(res.status(404), notFoundPage(ctx, 'There is no page at this address.'));
  });
  return router;
}

/** An article by its slug; "faq" is the FAQ page unless an article takes that address; else the help 404. */
function sendHelp(ctx: PageContext, help: HelpPages | undefined, slug: string, res: express.Response): void {
  const article = help?.article(slug);
  if (article) return sendPage(res, helpArticlePage(ctx, article));
  if (slug === 'faq' && help?.faqs.length) return sendPage(res, faqPage(ctx, help.faqs));
  sendPage(res.status(404), helpNotFoundPage(ctx));
}

function sendListing(ctx: PageContext, req: express.Request, res: express.Response): void {
  if (ctx.shelf.size === 0) return sendPage(res, noCatalogPage(ctx));
  const parsed = listingQuery.safeParse(req.query);
  if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { category, page } = parsed.data;
  const listing = ctx.shelf.list(category, page, PAGE_SIZE);
  if (!listing) return sendPage(res.status(404), notFoundPage(ctx, 'This store has no such category.'));
  sendPage(res, listingPage(ctx, category, listing));
}

async function sendSearch(deps: StorefrontDeps, ctx: PageContext, req: express.Request, res: express.Response): Promise<void> {
  const parsed = searchQuery.safeParse(req.query);
  if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
  const { q, page } = parsed.data;
  if (!q || ctx.shelf.size === 0) return res.redirect(303, '/');
  const result = await deps.search.search(q, { k: SEARCH_DEPTH });
  const pages = Math.max(1, Math.ceil(result.results.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const products = result.results.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((hit) => hit.product);
  sendPage(res, searchPage(ctx, { query: q, products, page: current, pages, relaxed: result.relaxed }));
}

/** `ID.svg` for pages, `ID.png` for chat clients that cannot show SVG (Teams cards, Slack). */
function sendImage(shelf: Shelf, file: string, res: express.Response): void {
  const [, id, kind] = /^(.+)\.(svg|png)$/.exec(file) ?? [];
  const product = id ? shelf.product(id) : undefined;
  if (!product) throw new AppError('NOT_FOUND', 'No product picture at this address.');
  res.set({
    'Content-Type': kind === 'png' ? 'image/png' : 'image/svg+xml; charset=utf-8',
    'Cache-Control': 'public, max-age=3600',
    // Opened on its own, the picture can run nothing.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(kind === 'png' ? productImagePng(product) : productImageSvg(product));
}

/** Pages may load their own files and the widget's, talk to this origin (HTTP and WebSocket), and show remote pictures. */
const PAGE_CSP = "default-src 'self'; img-src 'self' https: http: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
  + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'; object-src 'none'";

function sendPage(res: express.Response, body: string): void {
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' });
  res.send(body);
}

function sendAsset(res: express.Response, type: string, body: string): void {
  res.set({ 'Content-Type': type, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' });
  res.send(body);
}

/** What the cart view needs of a product: JSON, so the page inserts it as text. */
function productJson(p: StoredProduct) {
  return {
    id: p.id, title: p.title, brand: p.brand ?? null, price: p.price ?? null, currency: p.currency,
    priceText: priceText(p.price, p.currency), stockText: stockText(p), imageUrl: imageSrc(p),
    url: `/products/${encodeURIComponent(p.id)}`,
    variants: p.variants.map((v) => ({ sku: v.sku, label: variantLabel(v, p.currency), price: v.price ?? null })),
  };
}

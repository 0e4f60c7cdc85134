import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchStack } from '../../../src/cli/services.ts';
import { loadConfig } from '../../../src/config.ts';
import type { StoredProduct } from '../../../src/domain.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { createShelf, type Shelf } from '../../../src/storefront/shelf.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

/** A catalog row written to hurt: markup in every text field, a script URL for a picture, a hostile id. */
const HOSTILE = {
  id: 'EVIL-1"><svg onload=alert(0)>',
  title: '<script>alert(1)</script> Velvet Sofa & "Friends"',
  brand: '<img src=x onerror=alert(2)>',
  category: 'Furniture > Sofas & "Co" <b',
  description: '</p><script>alert(3)</script>',
  price: '499.00',
  image: 'javascript:alert(4)',
  color: 'navy',
  attributes: { '<i>finish</i>': '<u>matte</u>' },
};

describe('the demo storefront over HTTP', () => {
  const home = tempHome();
  let server: RunningServer;
  let base: string;
  let shelf: Shelf;
  let closeStack: () => Promise<void>;
  const get = (url: string, accept = 'text/html') => fetch(`${base}${url}`, { headers: { accept } });
  const page = async (url: string) => {
    const res = await get(url);
    return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() };
  };

  beforeAll(async () => {
    const lexical = ['--home', home, '--model', TINY_MODEL_DIR];
    expect((await runCli(['demo', '--products', '300', '--no-index', ...lexical])).code).toBe(0);
    const file = path.join(home, 'hostile.jsonl');
    writeFileSync(file, `${JSON.stringify(HOSTILE)}\n`);
    const ingested = await runCli(['ingest', file, ...lexical]);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect((await runCli(['index', ...lexical])).code).toBe(0);
    const stack = await openSearchStack(loadConfig({}, { home, model: TINY_MODEL_DIR }, process.cwd(), process.cwd()));
    closeStack = stack.close;
    shelf = createShelf(stack.products);
    server = await listen(createApp({ search: stack.search, manifest: stack.manifest, storefront: { shelf, search: stack.search } }), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await closeStack?.();
    rmSync(home, { recursive: true, force: true });
  });

  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const cards = (body: string) => [...body.matchAll(/<li class="card">\s*<a href="\/products\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));

  it('lists the catalog at / with departments, pictures, prices, ratings and paging', async () => {
    const first = await page('/');
    expect(first).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(first.csp).toContain("script-src 'self'");
    expect(first.body).toContain('301 products');
    expect(first.body).toMatch(/<nav class="departments" aria-label="Departments">[\s\S]*>Furniture</);
    expect(first.body).toContain('Page 1 of 13');
    const ids = cards(first.body);
    expect(ids).toHaveLength(24);
    expect(first.body).toContain('<img src="/images/P000001.svg" alt=""');
    expect(first.body).toMatch(/class="price">\$[\d,]+\.\d\d</);
    expect(first.body).toMatch(/aria-label="Rated \d\.\d out of 5, \d+ reviews"/);
    expect(first.body).toMatch(/class="stock (in_stock|out_of_stock|backorder|preorder)"/);
    const second = cards((await page('/?page=2')).body);
    expect(second).toHaveLength(24);
    expect(second.some((id) => ids.includes(id))).toBe(false);
  });

  it('shows one category, its sub-categories and a breadcrumb; an unknown category is a 404 page', async () => {
    const furniture = await page(`/?category=${encodeURIComponent('Furniture')}`);
    expect(furniture.status).toBe(200);
    const total = shelf.list(['Furniture'], 1, 24)!.total;
    expect(furniture.body).toContain(`${total} products`);
    expect(furniture.body).toContain('<nav class="breadcrumb" aria-label="Breadcrumb">');
    for (const id of cards(furniture.body)) expect(shelf.product(id)!.category[0]).toBe('Furniture');
    const child = shelf.departments.find((d) => d.name === 'Furniture')!.children[0]!;
    expect(furniture.body).toContain(`>${esc(child.name)} <span class="n">${child.count}</span></a>`);
    const missing = await page('/?category=Nope+%3E+Never');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('no such category');
  });

  it("searches with Aisle's own search and keeps the query in the box", async () => {
    const res = await page('/search?q=sofa');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Results for “sofa”');
    expect(res.body).toContain('value="sofa"');
    const found = cards(res.body).map((id) => shelf.product(id)!);
    expect(found.length).toBeGreaterThan(0);
    expect(found.slice(0, 3).some((p) => /sofa/i.test(`${p.title} ${p.category.join(' ')}`))).toBe(true);
    const empty = await get('/search?q=', 'text/html');
    expect(empty.url).toBe(`${base}/`);
  });

  it('renders a product page with picture, brand, price, details, variants and "Add to cart"', async () => {
    const product = shelf.list([], 1, 400)!.products.find((p) => p.variants.length > 1 && Object.keys(p.attributes).length > 0)
      ?? shelf.list([], 1, 400)!.products.find((p) => p.variants.length > 1)!;
    const res = await page(`/products/${encodeURIComponent(product.id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<h1>${esc(product.title)}</h1>`);
    expect(res.body).toContain(`<img class="product-image" src="/images/${product.id}.svg" alt="${esc(product.title)}"`);
    expect(res.body).toContain(`by ${esc(product.brand!)}`);
    expect(res.body).toMatch(/<form class="add-to-cart" data-add-to-cart data-product-id="[^"]+"/);
    expect(res.body).toContain('Add to cart');
    expect(res.body).toContain(`<option value="${product.variants[0]!.sku}"`);
    const chosen = product.variants.find((v) => v.availability !== 'out_of_stock' && v !== product.variants[0]) ?? product.variants[1]!;
    const withVariant = await page(`/products/${encodeURIComponent(product.id)}?variant=${encodeURIComponent(chosen.sku)}`);
    expect(withVariant.body).toContain(`<option value="${esc(chosen.sku)}" selected`);
    expect(res.body).toContain('<h2>Details</h2>');
    // Attribute names in words: "weight_capacity" is shown as "Weight capacity".
    for (const name of Object.keys(product.attributes)) {
      const words = name.replace(/_/g, ' ');
      expect(res.body).toContain(`<dt>${words.charAt(0).toUpperCase()}${words.slice(1)}</dt>`);
    }
  });

  it('serves a generated SVG (and PNG) for each demo picture, and 404 for an unknown one', async () => {
    const res = await get('/images/P000001.svg', 'image/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.length).toBeLessThan(4000);
    expect(await (await get('/images/P000001.svg', 'image/*')).text()).toBe(svg);
    expect((await get('/images/NOPE.svg', 'image/*')).status).toBe(404);
    expect((await get('/images/P000001.gif', 'image/*')).status).toBe(404);
    // The same picture as PNG, for chat clients that cannot draw SVG (Teams cards).
    const png = await get('/images/P000001.png', 'image/*');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await get('/images/NOPE.png', 'image/*')).status).toBe(404);
  });

  it('escapes every catalog text, and never uses a script URL as a picture', async () => {
    const evil = shelf.product(HOSTILE.id)!;
    expect(evil).toBeDefined();
    const pages = [
      await page(`/products/${encodeURIComponent(HOSTILE.id)}`),
      await page(`/?category=${encodeURIComponent(HOSTILE.category)}`),
      await page(`/search?q=${encodeURIComponent('<script>alert(9)</script> velvet sofa')}`),
    ];
    for (const { status, body } of pages) {
      expect(status).toBe(200);
      expect(body).not.toMatch(/<script>alert|<img src=x|<svg onload|<b\b|<i>finish|<u>matte|javascript:/);
      expect(body).toContain('&lt;');
    }
    const [product, category, search] = pages.map((p) => p.body);
    expect(product).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Velvet Sofa &amp; &quot;Friends&quot;');
    expect(product).toContain(`src="/images/${encodeURIComponent(HOSTILE.id)}.svg"`);
    expect(product).toContain('<dt>&lt;i&gt;finish&lt;/i&gt;</dt><dd>&lt;u&gt;matte&lt;/u&gt;</dd>');
    expect(category).toContain('<h1>Sofas &amp; &quot;Co&quot; &lt;b</h1>');
    expect(search).toContain('value="&lt;script&gt;alert(9)&lt;/script&gt; velvet sofa"');
    const svg = await (await get(`/images/${encodeURIComponent(HOSTILE.id)}.svg`, 'image/*')).text();
    expect(svg).not.toMatch(/<script|<img|<svg onload/);
    expect(svg).toContain('&lt;script&gt;');
  });

  it('answers unknown pages with an HTML 404 for people and JSON for API clients', async () => {
    const product = await page('/products/NOPE');
    expect(product.status).toBe(404);
    expect(product.type).toBe('text/html; charset=utf-8');
    expect(product.body).toContain('<h1>Not found</h1>');
    expect((await page('/nowhere')).status).toBe(404);
    const api = await get('/api/nope', '*/*');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
  });

  it('gives the cart the facts of the products in it, and serves its own CSS and script', async () => {
    const res = await get('/api/products?id=P000002&id=NOPE&id=P000001', 'application/json');
    const { products } = await res.json() as { products: { id: string; priceText: string; url: string; imageUrl: string }[] };
    expect(products.map((p) => p.id)).toEqual(['P000002', 'P000001']);
    expect(products[1]).toMatchObject({ url: '/products/P000001', imageUrl: '/images/P000001.svg', priceText: expect.stringMatching(/^\$/) });
    expect((await get('/api/products', 'application/json')).status).toBe(400);
    expect((await page('/cart')).body).toContain('data-cart-view');
    expect((await get('/storefront/storefront.css', 'text/css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const script = await get('/storefront/storefront.js', '*/*');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("addEventListener('aisle:add-to-cart'");
  });

  it('puts the chat widget tag on every page when configured, and says how to load a catalog when there is none', async () => {
    const none: StoredProduct[] = [];
    const stub = { search: () => Promise.reject(new Error('no search without a catalog')) };
    const other = await listen(createApp({
      search: { mode: 'lexical', size: 0, product: () => undefined, search: stub.search },
      manifest: { buildId: 'none', catalogVersion: 0 } as never,
      storefront: { shelf: createShelf(none), search: stub, widget: { src: '/aisle/widget.js' } },
    }), 0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/`, { headers: { accept: 'text/html' } });
      const body = await res.text();
      expect(body).toContain('No catalog yet');
      expect(body).toContain('npx aisle demo');
      expect(body).toContain('npx aisle ingest FILE');
      expect(body).toContain('<script src="/aisle/widget.js" data-aisle-url="" async></script>');
    } finally {
      await other.close();
    }
  });
});

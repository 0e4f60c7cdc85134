import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSearchStack } from '../../src/cli/services.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { listen } from '../../src/server/listen.ts';
import { createShelf } from '../../src/storefront/shelf.ts';
import { launchBrowser } from '../support/find-browser.ts';
import { needs, testBrowser } from '../support/optional-tools.ts';
import { runCli, tempHome } from '../support/run-cli.ts';
import { TINY_MODEL_DIR } from '../support/tiny-model.ts';

describe('the demo storefront in a real browser', needs('browser'), () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('searches, opens a product, adds it to the cart, takes the widget\'s events, and fits a 375 px phone', async () => {
    const home = tempHome();
    cleanup.push(() => rmSync(home, { recursive: true, force: true }));
    expect((await runCli(['demo', '--products', '200', '--home', home, '--model', TINY_MODEL_DIR])).code).toBe(0);
    const stack = await openSearchStack(loadConfig({}, { home, model: TINY_MODEL_DIR }, process.cwd(), process.cwd()));
    cleanup.push(stack.close);
    const server = await listen(createApp({ search: stack.search, manifest: stack.manifest, storefront: { shelf: createShelf(stack.products), search: stack.search } }), 0, '127.0.0.1');
    cleanup.push(server.close);
    const browser: Browser = await launchBrowser(testBrowser());
    cleanup.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
    const base = `http://127.0.0.1:${server.port}`;

    await page.goto(`${base}/`);
    const count = page.locator('[data-cart-count]');
    await expect.poll(() => count.textContent()).toBe('0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByLabel('Search products').fill('lamp');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=lamp/);
    expect(await page.locator('h1').textContent()).toBe('Results for “lamp”');
    const first = page.locator('.card a').first();
    const title = (await first.locator('.card-title').textContent())!;
    await first.click();
    await page.waitForURL(/\/products\//);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.product-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect.poll(() => count.textContent()).toBe('1');
    expect(await page.getByRole('link', { name: 'Cart 1 item', exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-cart-status]').textContent()).toContain(`Added ${title} to your cart`);

    // What the chat widget will do (issue 11, step 2): hand the page a product to add.
    const other = stack.products.find((p) => !title.includes(p.title))!;
    await page.evaluate((productId) => {
      document.dispatchEvent(new CustomEvent('aisle:add-to-cart', { bubbles: true, composed: true, detail: { productId } }));
    }, other.id);
    await expect.poll(() => count.textContent()).toBe('2');

    // The longest variant names must not widen a phone page either.
    const longest = [...stack.products].sort((a, b) => JSON.stringify(b.variants).length - JSON.stringify(a.variants).length)[0]!;
    await page.goto(`${base}/products/${encodeURIComponent(longest.id)}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('link', { name: /Cart/ }).click();
    await page.waitForURL(/\/cart$/);
    const lines = page.locator('.cart-line');
    await expect.poll(() => lines.count()).toBe(2);
    expect(await lines.nth(0).textContent()).toContain(title);
    expect(await lines.nth(1).textContent()).toContain(other.title);
    await page.getByRole('button', { name: `Remove ${other.title}` }).click();
    await expect.poll(() => lines.count()).toBe(1);
    await expect.poll(() => count.textContent()).toBe('1');

    // The widget's product click opens the product's page with the variant it showed.
    const shown = stack.products.find((p) => p.variants.filter((v) => v.availability !== 'out_of_stock').length > 1)!;
    const sku = shown.variants.filter((v) => v.availability !== 'out_of_stock')[1]!.sku;
    await page.evaluate(([productId, variant]) => {
      window.dispatchEvent(new CustomEvent('aisle:product-click', { detail: { productId, variant } }));
    }, [shown.id, sku]);
    await page.waitForURL(/\/products\/.+\?variant=/);
    expect(await page.locator('#variant').inputValue()).toBe(sku);
    expect(problems).toEqual([]);
  }, 120_000);
});

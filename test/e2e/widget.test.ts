import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../src/channels/widget-service.ts';
import { createApp } from '../../src/server/app.ts';
import { listen, type RunningServer } from '../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../src/storage/sqlite-widget-log.ts';
import { generatedImagePath } from '../../src/storefront/product-views.ts';
import { createShelf } from '../../src/storefront/shelf.ts';
import { openTestChat } from '../support/chat-home.ts';
import { needs } from '../support/optional-tools.ts';

/** Where the test leaves its screenshots (ignored by git), to look at the layout. */
const SCREENSHOTS = path.resolve('test/.cache/screenshots');

function chromiumPath(): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error('no Chromium on PATH');
}

describe('the chat widget on the demo storefront, in a real browser', needs('browser'), () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    chat = await openTestChat();
    cleanup.push(() => chat.close());
    const widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    cleanup.push(() => widgetLog.close());
    const { stack } = chat;
    const service = createWidgetService({ engine: chat.engine, log: widgetLog, render: { imageFor: generatedImagePath, pageFor: (id) => `/products/${id}` } });
    const app = createApp({
      search: stack.search, manifest: stack.manifest,
      storefront: { shelf: createShelf(stack.products), search: stack.search, widget: { src: '/aisle/widget.js' } },
      widget: { service, origins: new Set() },
    });
    server = await listen(app, 0, '127.0.0.1');
    cleanup.push(server.close);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking'] });
    cleanup.push(() => browser.close());
  }, 120_000);

  it('opens from the keyboard, searches, adds to the storefront\'s cart, and keeps the history over a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const count = page.locator('[data-cart-count]');
    await expect.poll(() => count.textContent()).toBe('0');

    // Keyboard only: focus the launcher, open with Enter; focus lands in the message box.
    const launcher = page.getByRole('button', { name: 'Chat with our shopping assistant' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const box = page.getByRole('textbox', { name: 'Message' });
    await expect.poll(() => box.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await expect.poll(() => page.locator('aisle-widget .state').textContent()).toBe('Connected');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.keyboard.type('a table lamp');
    await page.keyboard.press('Enter');
    const cards = page.locator('aisle-widget .card');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const card = cards.filter({ hasText: 'In stock' }).first();
    const title = (await card.locator('a').textContent())!;
    await card.getByRole('button', { name: `Add to cart: ${title}` }).click();
    const replies = page.locator('aisle-widget .msg.aisle');
    await expect.poll(async () => (await replies.last().textContent()) ?? '', { timeout: 30_000 }).toMatch(/Added|Which size/);
    if ((await replies.last().textContent())!.includes('Which size')) await page.locator('aisle-widget .chips button').first().click();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('1');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-phone.png') });

    // Escape closes and gives focus back to the launcher.
    await page.keyboard.press('Escape');
    expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);

    // A reload keeps the conversation, and does not add to the cart again.
    await page.reload();
    await page.getByRole('button', { name: 'Chat with our shopping assistant' }).click();
    await expect.poll(() => page.locator('aisle-widget .msg.shopper').first().textContent()).toContain('a table lamp');
    await expect.poll(async () => (await replies.allTextContents()).some((t) => t.includes(`Added ${title}`)), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('aisle-widget .msg').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.seq))).toEqual(
      expect.arrayContaining(['1', '2']));
    const seqs = await page.locator('aisle-widget .msg').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.seq));
    expect(new Set(seqs).size).toBe(seqs.length); // nothing twice
    expect(await count.textContent()).toBe('1');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-desktop.png') });
    expect(problems).toEqual([]);
  }, 180_000);
  it('survives a dropped WebSocket without losing or repeating a message, and falls back to HTTP where sockets are blocked', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const sockets: { close(): Promise<void> }[] = [];
    // Each socket the widget opens goes through to Aisle; the test cuts them at will.
    await page.routeWebSocket('**/aisle/ws', (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.getByRole('button', { name: 'Chat with our shopping assistant' }).click();
    const state = page.locator('aisle-widget .state');
    await expect.poll(() => state.textContent()).toBe('Connected');
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('a desk lamp');
    await box.press('Enter');
    const replies = page.locator('aisle-widget .msg.aisle');
    await expect.poll(() => replies.count(), { timeout: 30_000 }).toBe(1);

    await box.fill('cheaper');
    await box.press('Enter');
    await sockets.at(-1)!.close(); // dropped while the reply is on its way
    await expect.poll(() => sockets.length, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('Connected');
    await expect.poll(() => replies.count(), { timeout: 30_000 }).toBe(2);
    const seqs = await page.locator('aisle-widget .msg').evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.seq)));
    expect(seqs).toEqual([1, 2, 3, 4]);

    // Where WebSockets are blocked, the same conversation carries on over HTTP.
    await page.unrouteAll();
    await page.routeWebSocket('**/aisle/ws', (ws) => ws.close());
    await page.reload();
    await page.getByRole('button', { name: 'Chat with our shopping assistant' }).click();
    await expect.poll(() => page.locator('aisle-widget .msg').count(), { timeout: 30_000 }).toBe(4);
    await box.fill('show more');
    await box.press('Enter');
    await expect.poll(() => replies.count(), { timeout: 30_000 }).toBe(3);
    expect(await state.textContent()).toBe('Connected');
    const after = await page.locator('aisle-widget .msg').evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.seq)));
    expect(after).toEqual([1, 2, 3, 4, 5, 6]);
    await context.close();
  }, 120_000);
});

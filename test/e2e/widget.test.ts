import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../src/channels/widget-service.ts';
import { createApp } from '../../src/server/app.ts';
import { listen, type RunningServer } from '../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../src/storage/sqlite-widget-log.ts';
import { generatedImagePath } from '../../src/storefront/product-views.ts';
import { createShelf } from '../../src/storefront/shelf.ts';
import { loadHelpCentre } from '../../src/support/help-centre-file.ts';
import { openTestChat } from '../support/chat-home.ts';
import { launchBrowser } from '../support/find-browser.ts';
import { needs, testBrowser } from '../support/optional-tools.ts';
import { ask, focusedName, LAUNCHER_NAME, picturesLoaded, readCards, tabTo, widgetOn } from '../support/widget-page.ts';

/** Test artifacts (git-ignored): the widget open over the storefront, at each screen size, to look at. */
const SCREENSHOTS = path.resolve('test-results/e2e');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/** Errors the page logs; a test ends by expecting none. */
function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  return problems;
}

/** The order of `data-seq` on the message bubbles: the conversation as the shopper sees it. */
function seqs(page: Page): Promise<number[]> {
  return widgetOn(page).messages.evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.seq)));
}

describe('the chat widget on the demo storefront, in a real browser', needs('browser'), () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const chat = await openTestChat();
    cleanup.push(() => chat.close());
    const widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    cleanup.push(() => widgetLog.close());
    const { stack } = chat;
    const service = createWidgetService({ engine: chat.engine, log: widgetLog, render: { imageFor: generatedImagePath, pageFor: (id) => `/products/${id}` } });
    const app = createApp({
      search: stack.search, manifest: stack.manifest,
      storefront: { shelf: createShelf(stack.products), search: stack.search, widget: { src: '/aisle/widget.js' }, help: loadHelpCentre(chat.home)?.articles },
      widget: { service, origins: new Set() },
    });
    const server: RunningServer = await listen(app, 0, '127.0.0.1');
    cleanup.push(server.close);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchBrowser(testBrowser());
    cleanup.push(() => browser.close());
  }, 120_000);

  it('with the keyboard alone, a shopper finds lamps, narrows them by price and colour, and adds one to the storefront\'s cart', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const problems = watchErrors(page);
    await page.goto(`${base}/`);
    const w = widgetOn(page);
    const count = page.locator('[data-cart-count]');
    await expect.poll(() => count.textContent()).toBe('0');

    // The launcher is the page's last tab stop: one Shift+Tab from the top reaches it; Enter opens the panel.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe(LAUNCHER_NAME);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Message');
    await expect.poll(() => w.state.textContent()).toBe('Connected');

    const lamps = await readCards(await ask(page, 'a table lamp'));
    expect(lamps.length).toBeGreaterThan(1);
    expect(lamps.some((c) => c.price > 40)).toBe(true);
    const cheap = await readCards(await ask(page, 'under $40'));
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((c) => c.price <= 40)).toBe(true);
    expect(cheap.map((c) => c.title).some((t) => !lamps.some((l) => l.title === t))).toBe(true);
    await picturesLoaded(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-desktop.png') });
    const black = await readCards(await ask(page, 'in black'));
    expect(black.length).toBeGreaterThan(0);
    expect(black.every((c) => c.price <= 40 && /black/i.test(c.title))).toBe(true);

    // Focus order, walking back from the message box: the chips, each card's link, "Details" and "Add to cart", the log, Close.
    const back = await tabTo(page, 'Shift+Tab', 'Close chat');
    const forward = ['Close chat', ...back.slice(0, -1).reverse(), 'Message'];
    expect(forward[1]).toBe('Conversation');
    const chosen = black[0]!.title;
    const at = forward.lastIndexOf(chosen);
    expect(forward.slice(at, at + 3)).toEqual([chosen, `Details: ${chosen}`, `Add to cart: ${chosen}`]);

    await tabTo(page, 'Tab', `Add to cart: ${chosen}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('1');
    expect(await w.replies.last().textContent()).toContain(`Added ${chosen}`);
    await expect.poll(() => page.locator('[data-cart-status]').textContent()).toContain('1 item in the cart');

    // Escape closes the panel and gives the focus back to the launcher; Enter opens it again where it was.
    await page.keyboard.press('Escape');
    expect(await w.panel.isVisible()).toBe(false);
    expect(await focusedName(page)).toBe(LAUNCHER_NAME);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Message');
    expect(await w.replies.count()).toBe(4);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('on a 375 px phone the panel fills the screen without sideways scrolling; a tap adds to the cart, and a reload keeps the history', async () => {
    const page = await browser.newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    const problems = watchErrors(page);
    await page.goto(`${base}/`);
    const w = widgetOn(page);
    const count = page.locator('[data-cart-count]');
    await expect.poll(() => count.textContent()).toBe('0');
    await w.launcher.tap();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    const reply = await ask(page, 'a desk lamp');
    const cards = await readCards(reply);
    expect(cards.length).toBeGreaterThan(1);

    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, ...PHONE });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Only the row of cards scrolls sideways, inside the panel; each card fits the screen.
    const log = page.getByRole('log', { name: 'Conversation' });
    expect(await log.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const box of await Promise.all((await reply.locator('.card').all()).map((c) => c.boundingBox()))) expect(box!.width).toBeLessThan(PHONE.width);
    await picturesLoaded(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-phone.png') });

    const title = cards.find((c) => c.stock === 'In stock')!.title;
    await page.getByRole('button', { name: `Add to cart: ${title}` }).tap();
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe('1');
    expect(await w.replies.last().textContent()).toContain(`Added ${title}`);

    // A reload mid-conversation: the same conversation comes back, once, and the cart is not added to again.
    const before = await w.messages.allTextContents();
    await page.reload();
    await w.launcher.tap();
    await expect.poll(() => w.messages.allTextContents(), { timeout: 15_000 }).toEqual(before);
    expect(await seqs(page)).toEqual([1, 2, 3, 4]);
    expect(await count.textContent()).toBe('1');

    // Closing the panel shows the storefront again, whose cart page lists what the widget added.
    await page.getByRole('button', { name: 'Close chat' }).tap();
    await page.getByRole('link', { name: /Cart/ }).tap();
    await page.waitForURL(/\/cart$/);
    await expect.poll(() => page.locator('.cart-line').allTextContents()).toEqual([expect.stringContaining(title)]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('a help answer shows its source as a link and takes one thumbs press; "Not helpful" offers a person', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const problems = watchErrors(page);
    await page.goto(`${base}/`);
    const w = widgetOn(page);
    await w.launcher.click();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    const answer = await ask(page, 'how long do refunds take to reach my card?');
    expect(await answer.locator('.source').textContent()).toBe('Source: Refunds');
    expect(await answer.getByRole('link', { name: 'Refunds' }).getAttribute('href')).toBe(`${base}/help/refunds`);
    const up = answer.getByRole('button', { name: 'Helpful', exact: true });
    const down = answer.getByRole('button', { name: 'Not helpful' });
    expect(await up.getAttribute('aria-pressed')).toBeNull();

    await down.click();
    await expect.poll(() => w.replies.count(), { timeout: 30_000 }).toBe(2);
    expect(await w.replies.last().textContent()).toMatch(/person/i);
    expect(await page.getByRole('group', { name: 'Suggested replies' }).getByRole('button').allTextContents()).toContain('Talk to a person');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'widget-help-answer.png') });
    // One press per answer, and a reload shows it pressed.
    await page.reload();
    await w.launcher.click();
    await expect.poll(() => w.replies.count(), { timeout: 15_000 }).toBe(2);
    for (const [button, pressed] of [[up, 'false'], [down, 'true']] as const) {
      expect(await button.getAttribute('aria-pressed')).toBe(pressed);
      expect(await button.isDisabled()).toBe(true);
    }
    // The source opens the storefront's page for it.
    await answer.getByRole('link', { name: 'Refunds' }).click();
    await page.waitForURL(/\/help\/refunds$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Refunds');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('survives a dropped WebSocket without losing or repeating a message, and falls back to HTTP where sockets are blocked', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const sockets: { close(): Promise<void> }[] = [];
    // Each socket the widget opens goes through to Aisle; the test cuts them at will.
    await page.routeWebSocket('**/aisle/ws', (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(`${base}/`);
    const { launcher, state, box, messages, replies } = widgetOn(page);
    await launcher.click();
    await expect.poll(() => state.textContent()).toBe('Connected');
    await ask(page, 'a desk lamp');

    await box.fill('cheaper');
    await box.press('Enter');
    await sockets.at(-1)!.close(); // dropped while the reply is on its way
    await expect.poll(() => sockets.length, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('Connected');
    await expect.poll(() => replies.count(), { timeout: 30_000 }).toBe(2);
    expect(await seqs(page)).toEqual([1, 2, 3, 4]);
    const shopper = page.locator('aisle-widget .msg.shopper');
    expect(await shopper.allTextContents()).toEqual(['You: a desk lamp', 'You: cheaper']);
    expect(await page.locator('aisle-widget .msg.failed, aisle-widget .msg.pending').count()).toBe(0);

    // Where WebSockets are blocked, the same conversation carries on over HTTP.
    await page.unrouteAll();
    await page.routeWebSocket('**/aisle/ws', (ws) => ws.close());
    await page.reload();
    await launcher.click();
    await expect.poll(() => messages.count(), { timeout: 30_000 }).toBe(4);
    await box.fill('show more');
    await box.press('Enter');
    await expect.poll(() => replies.count(), { timeout: 30_000 }).toBe(3);
    expect(await state.textContent()).toBe('Connected');
    expect(await seqs(page)).toEqual([1, 2, 3, 4, 5, 6]);
    await context.close();
  }, 120_000);
});

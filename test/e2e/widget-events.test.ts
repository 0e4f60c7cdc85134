import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../src/channels/widget-service.ts';
import { createApp } from '../../src/server/app.ts';
import { listen } from '../../src/server/listen.ts';
import { openSqliteWidgetLog } from '../../src/storage/sqlite-widget-log.ts';
import { generatedImagePath } from '../../src/storefront/product-views.ts';
import { createShelf } from '../../src/storefront/shelf.ts';
import { openTestChat } from '../support/chat-home.ts';
import { launchBrowser } from '../support/find-browser.ts';
import { needs, testBrowser } from '../support/optional-tools.ts';
import { ask, widgetOn } from '../support/widget-page.ts';

/** The panel reports a product link opened, before the page leaves, and the server records it against the impression. */
describe('behaviour events from the widget in a real browser', needs('browser'), () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  let chat: Awaited<ReturnType<typeof openTestChat>>;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    chat = await openTestChat();
    cleanup.push(() => chat.close());
    const widgetLog = openSqliteWidgetLog(path.join(chat.home, 'conversations.db'));
    cleanup.push(() => widgetLog.close());
    const { stack } = chat;
    const service = createWidgetService({
      engine: chat.engine, log: widgetLog, events: stack.events, conversations: stack.conversations,
      render: { imageFor: generatedImagePath, pageFor: (id) => `/products/${id}` },
    });
    const app = createApp({
      search: stack.search, manifest: stack.manifest, widget: { service, origins: new Set() },
      storefront: { shelf: createShelf(stack.products), search: stack.search, widget: { src: '/aisle/widget.js' } },
    });
    const server = await listen(app, 0, '127.0.0.1');
    cleanup.push(server.close);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchBrowser(testBrowser());
    cleanup.push(() => browser.close());
  }, 120_000);

  it('records the click on the second card\'s link at position 2, under the browser\'s anonymous shopper', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const w = widgetOn(page);
    await w.launcher.click();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    const reply = await ask(page, 'show me sofas');
    const link = reply.locator('.card a').nth(1);
    const title = await link.textContent();
    const shopper = await page.evaluate(() => localStorage.getItem('aisle:shopper'));
    await link.click(); // the link opens the product's page: the report must already be on its way
    await page.waitForURL(/\/products\//);
    const user = `anon:${shopper}`;
    await expect.poll(async () => (await chat.stack.events.read({ user, kinds: ['click'] })).length, { timeout: 10_000 }).toBe(1);
    const [click] = await chat.stack.events.read({ user, kinds: ['click'] });
    const product = chat.stack.search.product(click!.product);
    expect(product?.title).toBe(title);
    expect(click).toMatchObject({ position: 2, channel: 'widget', query: expect.stringMatching(/sofa/) });
    await page.close();
  }, 120_000);
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServeStack } from '../../src/cli/serve-stack.ts';
import { loadConfig } from '../../src/config.ts';
import { openHandoffStore } from '../../src/handoff/open-handoff-store.ts';
import { hashPassword } from '../../src/handoff/passwords.ts';
import { silentLogger } from '../../src/logger.ts';
import { listen } from '../../src/server/listen.ts';
import { copyChatHome, ensureChatHome } from '../support/chat-home.ts';
import { launchBrowser } from '../support/find-browser.ts';
import { needs, testBrowser } from '../support/optional-tools.ts';
import { ask, widgetOn } from '../support/widget-page.ts';

const SCREENSHOTS = path.resolve('test-results/e2e');
const PASSWORD = 'correct horse battery';

function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`); });
  return problems;
}

/** `aisle serve`'s own stack: a shopper in the storefront's widget, an agent in the console, each in their own browser context. */
describe('the agent console in a real browser', needs('browser'), () => {
  const cleanup: (() => unknown)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });
  let base: string;
  let browser: Browser;
  let db: { url: string; home: string };
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureChatHome();
    const home = copyChatHome();
    const config = loadConfig({}, { home }, process.cwd(), process.cwd());
    db = { url: config.db, home: config.home };
    const accounts = await openHandoffStore(config.db, config.home);
    await accounts.agents.add({ email: 'sam@shop.test', name: 'Sam', role: 'agent', passwordHash: await hashPassword(PASSWORD) });
    await accounts.agents.add({ email: 'ada@shop.test', name: 'Ada', role: 'admin', passwordHash: await hashPassword(PASSWORD) });
    await accounts.close();
    const stack = await openServeStack(config, silentLogger);
    cleanup.push(() => stack.close());
    const server = await listen(stack.app, 0, '127.0.0.1');
    cleanup.push(server.close);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchBrowser(testBrowser());
    cleanup.push(() => browser.close());
  }, 180_000);

  it('signs in, sees the waiting shopper with their context, claims, replies live to the widget, notes, and resolves', async () => {
    // Sam opens the console first: with an agent online, a shopper who asks is queued.
    const desk = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    const deskProblems = watchErrors(desk);
    await desk.goto(`${base}/agent`);
    expect(desk.url()).toBe(`${base}/agent/login`);
    await desk.getByLabel('E-mail').fill('sam@shop.test');
    await desk.getByLabel('Password').fill(PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.waitForURL(`${base}/agent`);
    const shop = await (await browser.newContext()).newPage();
    const shopProblems = watchErrors(shop);
    await shop.goto(`${base}/`);
    const w = widgetOn(shop);
    await w.launcher.click();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    await ask(shop, 'a blue sofa');
    expect(await (await ask(shop, 'I want to talk to a person')).textContent()).toMatch(/next in line/);
    const person = shop.locator('aisle-widget .person');
    await expect.poll(() => person.textContent()).toBe('Waiting for a person: you\'re number 1 in line');

    const item = desk.locator('#queue li').first();
    // The queue is polled every 2 s.
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toMatch(/Asked for a person · searching "[^"]*sofa/);
    await item.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => desk.locator('#searches').textContent()).toMatch(/sofa/);
    await expect.poll(() => desk.locator('#transcript').textContent()).toMatch(/Shopper: a blue sofa/);
    expect(await desk.locator('#on-screen li').count()).toBeGreaterThan(0);
    await desk.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => desk.locator('#status').textContent()).toBe('assigned · sam@shop.test');
    await expect.poll(() => w.replies.last().textContent()).toMatch(/Sam from our team has joined the chat\./);
    await expect.poll(() => person.textContent()).toBe('You\'re chatting with Sam from our team');
    // After a reload the widget shows again who has the conversation, not only what was said.
    await shop.reload();
    await w.launcher.click();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    await expect.poll(() => person.textContent()).toBe('You\'re chatting with Sam from our team');

    await desk.getByLabel('Reply').fill('Hi, I\'m Sam. Which sofa are you looking at?');
    await desk.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => w.replies.last().textContent()).toMatch(/Which sofa are you looking at\?/);
    // The agent's bubble says who wrote it; the assistant's do not.
    expect(await w.replies.last().locator('.from').textContent()).toBe('Sam: ');
    // The shopper answers; the bot stays silent and the agent sees it (polled).
    const before = await w.replies.count();
    await w.box.fill('The grey one, is it in stock?');
    await w.box.press('Enter');
    await expect.poll(() => desk.locator('#messages li.shopper').last().textContent(), { timeout: 10_000 }).toMatch(/The grey one, is it in stock\?/);
    expect(await w.replies.count()).toBe(before);
    await desk.getByLabel('Canned replies').selectOption({ index: 1 });
    await desk.getByRole('button', { name: 'Add as internal note' }).click();
    await expect.poll(() => desk.locator('#messages li.note').count()).toBe(1);
    await desk.screenshot({ path: path.join(SCREENSHOTS, 'agent-console.png') });
    await shop.screenshot({ path: path.join(SCREENSHOTS, 'widget-with-agent.png') });

    await desk.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => desk.locator('#status').textContent()).toMatch(/^resolved/);
    await expect.poll(() => w.replies.last().textContent()).toMatch(/Sam has closed this chat/);
    await expect.poll(() => person.isHidden()).toBe(true);
    await expect.poll(() => desk.locator('#queue').textContent(), { timeout: 10_000 }).toMatch(/Nobody is waiting/);
    expect([...shopProblems, ...deskProblems]).toEqual([]);
  }, 120_000);

  it('shows an admin the question the assistant could not answer and the report\'s chart; one click makes it an FAQ the widget then answers', async () => {
    const shop = await (await browser.newContext()).newPage();
    await shop.goto(`${base}/`);
    const w = widgetOn(shop);
    await w.launcher.click();
    await expect.poll(() => w.state.textContent()).toBe('Connected');
    expect(await (await ask(shop, 'do you do gift wrapping?')).textContent()).not.toMatch(/gift wrapping is free/);
    const admin = await (await browser.newContext({ viewport: { width: 1100, height: 1000 } })).newPage();
    const problems = watchErrors(admin);
    await admin.goto(`${base}/agent/login`);
    await admin.getByLabel('E-mail').fill('ada@shop.test');
    await admin.getByLabel('Password').fill(PASSWORD);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(`${base}/agent`);
    await admin.getByRole('link', { name: 'Reports and unanswered questions' }).click();
    await admin.waitForURL(`${base}/agent/admin`);
    expect(await admin.getByRole('img', { name: /What happened in conversations/ }).isVisible()).toBe(true);
    const group = admin.locator('#groups > li', { hasText: 'gift wrapping' });
    await group.getByLabel('Answer').fill('Yes: gift wrapping is free, tick the box at checkout.');
    await admin.screenshot({ path: path.join(SCREENSHOTS, 'agent-admin.png'), fullPage: true });
    await group.getByRole('button', { name: 'Add as FAQ' }).click();
    await expect.poll(() => group.locator('.added').textContent()).toMatch(/Added to the help centre/);
    // The running help desk looks for a changed help centre every 2 s.
    await shop.waitForTimeout(2100);
    expect(await (await ask(shop, 'do you do gift wrapping?')).textContent()).toMatch(/gift wrapping is free/);
    // The period: the last 30 days unless picked; a period with nothing logged shows nothing.
    expect(await admin.getByLabel('To', { exact: true }).inputValue()).toBe(new Date().toISOString().slice(0, 10));
    expect(await admin.getByLabel('From', { exact: true }).inputValue()).toBe(new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10));
    await admin.getByLabel('From', { exact: true }).fill('2020-01-01');
    await admin.getByLabel('To', { exact: true }).fill('2020-01-31');
    await admin.getByRole('button', { name: 'Show' }).click();
    await admin.waitForURL(`${base}/agent/admin?from=2020-01-01&to=2020-01-31`);
    expect(await admin.locator('#groups-h + p').textContent()).toBe('None in this period.');
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the handoff states in the widget over the HTTP fallback too (no WebSocket)', async () => {
    const shop = await (await browser.newContext()).newPage();
    const problems = watchErrors(shop);
    await shop.routeWebSocket('**/aisle/ws', (ws) => ws.close());
    await shop.goto(`${base}/`);
    const w = widgetOn(shop);
    await w.launcher.click();
    expect(await (await ask(shop, 'I want to talk to a person')).textContent()).toMatch(/next in line/);
    const person = shop.locator('aisle-widget .person');
    await expect.poll(() => person.textContent()).toBe('Waiting for a person: you\'re number 1 in line');
    const store = await openHandoffStore(db.url, db.home);
    try {
      const [waiting] = await store.queue.list(['waiting']);
      await store.queue.transition(waiting!.id, { from: ['waiting'], to: 'assigned', agent: 'sam@shop.test' });
      // The panel polls every 3 s while open: the state comes with each answer.
      await expect.poll(() => person.textContent(), { timeout: 10_000 }).toBe('You\'re chatting with Sam from our team');
      await store.queue.transition(waiting!.id, { from: ['assigned'], to: 'resolved' });
      await expect.poll(() => person.isHidden(), { timeout: 10_000 }).toBe(true);
    } finally {
      await store.close();
    }
    expect(problems.filter((p) => !/aisle\/ws/.test(p))).toEqual([]);
  }, 60_000);
});

import type { Locator, Page } from 'playwright-core';

/** The launcher's accessible name, as a shopper's screen reader says it. */
export const LAUNCHER_NAME = 'Chat with our shopping assistant';

/** The chat widget's parts on a page, found by role and name where a shopper has them (locators pierce its shadow root). */
export interface WidgetParts {
  launcher: Locator;
  panel: Locator;
  box: Locator;
  /** "Connected", "Reconnecting…" or "Offline". */
  state: Locator;
  /** Every message bubble, the shopper's and Aisle's, in order. */
  messages: Locator;
  replies: Locator;
}

export function widgetOn(page: Page): WidgetParts {
  return {
    launcher: page.getByRole('button', { name: LAUNCHER_NAME }),
    panel: page.getByRole('dialog', { name: 'Shopping assistant' }),
    box: page.getByRole('textbox', { name: 'Message' }),
    state: page.locator('aisle-widget .state'),
    messages: page.locator('aisle-widget .msg'),
    replies: page.locator('aisle-widget .msg.aisle'),
  };
}

/** Types a message, sends it with Enter and waits for Aisle's answer; returns that reply bubble. */
export async function ask(page: Page, text: string, timeout = 30_000): Promise<Locator> {
  const { box, replies } = widgetOn(page);
  const before = await replies.count();
  await box.focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  const reply = replies.nth(before);
  await reply.waitFor({ timeout });
  return reply;
}

/** A product card as the shopper reads it. */
export interface CardText {
  title: string;
  /** In dollars; NaN for "price not listed". */
  price: number;
  stock: string;
}

/** The product cards in one reply, read from what is on screen. */
export function readCards(reply: Locator): Promise<CardText[]> {
  return reply.locator('.card').evaluateAll((cards) => cards.map((card) => ({
    title: card.querySelector('a')?.textContent ?? '',
    price: Number((card.querySelector('.price')?.textContent ?? '').replace(/[^0-9.]/g, '') || NaN),
    stock: [...card.querySelectorAll('.small')].map((s) => s.textContent ?? '').find((t) => /stock|order/i.test(t)) ?? '',
  })));
}

/** Waits until every picture in the widget has loaded (for a screenshot without grey boxes). */
export async function picturesLoaded(page: Page): Promise<void> {
  await page.locator('aisle-widget .card img').evaluateAll((imgs) => Promise.all(imgs.map((img) => {
    const image = img as HTMLImageElement;
    image.loading = 'eager';
    return image.complete ? undefined : new Promise((done) => { image.onload = image.onerror = done; });
  })));
}

/** The accessible name of what has the keyboard focus, looking inside shadow roots. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
  });
}

/** Presses `key` until the focus is on `name` (at most `limit` times); returns every name passed on the way. */
export async function tabTo(page: Page, key: 'Tab' | 'Shift+Tab', name: string, limit = 80): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    passed.push(await focusedName(page));
    if (passed.at(-1) === name) return passed;
  }
  throw new Error(`${key} never reached "${name}"; it passed ${JSON.stringify(passed)}`);
}

/**
 * Regenerates the README's pictures of the chat widget (docs/images/widget-desktop.png, widget-phone.png):
 * serves a demo home with `aisle serve`, as `npm start` would, opens the widget in Chromium at a desktop and
 * a phone size, asks for products and refines them, and saves each screen.
 *
 *   npm run screenshots -- [--home DIR] [--out DIR]
 *
 * `--home` defaults to .aisle/screenshot-demo, built with `aisle demo` when empty (about a minute).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { findBrowser, launchBrowser } from '../test/support/find-browser.ts';
import { ask, picturesLoaded, widgetOn } from '../test/support/widget-page.ts';

const SCREENS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;
/** A search, then a refinement: the shot shows both turns' cards. */
const CONVERSATION = ['a table lamp', 'cheaper'];
const AISLE = path.resolve('bin/aisle.js');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { home: { type: 'string' }, out: { type: 'string' } } });
  const home = path.resolve(values.home ?? '.aisle/screenshot-demo');
  const out = path.resolve(values.out ?? 'docs/images');
  const search = await findBrowser();
  if ('missing' in search) {
    console.error(`No browser to take screenshots with: ${search.missing}`);
    return 1;
  }
  if (!existsSync(path.join(home, 'catalog.db'))) {
    console.error(`Building the demo store in ${home} (about a minute)…`);
    if (spawnSync(process.execPath, [AISLE, 'demo', '--home', home], { stdio: 'inherit' }).status !== 0) return 1;
  }
  const server = spawn(process.execPath, [AISLE, 'serve', '--home', home, '--host', '127.0.0.1', '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AISLE_LOG_LEVEL: 'warn' } });
  let browser: Browser | undefined;
  try {
    const base = await servedAt(server);
    browser = await launchBrowser(search.found);
    mkdirSync(out, { recursive: true });
    for (const [name, viewport] of Object.entries(SCREENS)) {
      const file = path.join(out, `widget-${name}.png`);
      await shoot(browser, base, viewport, file);
      console.log(`${path.relative(process.cwd(), file)}: ${Math.round(statSync(file).size / 1024)} KB`);
    }
    return 0;
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

/** The widget open over the storefront's home page, after the conversation, every picture loaded. */
async function shoot(browser: Browser, base: string, viewport: { width: number; height: number }, file: string): Promise<void> {
  const page = await browser.newPage({ viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  await page.goto(`${base}/`);
  const widget = widgetOn(page);
  await widget.launcher.click();
  await page.waitForFunction(() => document.querySelector('aisle-widget')?.shadowRoot?.querySelector('.state')?.textContent === 'Connected');
  for (const text of CONVERSATION) await ask(page, text);
  await widget.box.blur(); // no focus ring in the picture
  await picturesLoaded(page);
  await page.screenshot({ path: file });
  await page.close();
}

/** The address `aisle serve` prints once it listens ("… on http://127.0.0.1:PORT"). */
function servedAt(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]!);
    });
    server.once('exit', (code) => reject(new Error(`aisle serve exited (${code}) before it listened`)));
  });
}

process.exitCode = await main();

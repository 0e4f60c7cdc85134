// The chat widget as a shopper meets it in a real browser, on the demo storefront served by `aisle serve` (the
// stack `npm start` serves, default settings) in its own process on 127.0.0.1. Each repetition is a fresh browser
// context (no cache, no stored conversation): load / → launcher painted; press the launcher → panel connected;
// type a product search and press Send → ack → first reply painted. Median and p95 over the repetitions.
// Usage: node --import tsx bench/widget-paint.ts [--home H] [--products 20000] [--model DIR] [--runs 20] [--warmup 2] [--viewport 1280x800]
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { aisle, ensureModel, ingestDemo, tempHome } from './lib/cli.ts';
import { int, intList, readFlags } from './lib/flags.ts';
import { pageTimings, watchLauncher, watchOpen, watchReply, type PageMarks } from './lib/page-probes.ts';
import { loadQueries } from './lib/queries.ts';
import { log, publish, type Row } from './lib/report.ts';
import { serveChild } from './lib/serve-child.ts';
import { percentile } from './lib/stats.ts';

const flags = readFlags({
  home: { type: 'string' }, products: { type: 'string', default: '20000' }, model: { type: 'string' }, runs: { type: 'string', default: '20' },
  warmup: { type: 'string', default: '2' }, viewport: { type: 'string', default: '1280x800' },
});
const runs = int(flags.runs, 'runs');
const warmup = flags.warmup === '0' ? 0 : int(flags.warmup, 'warmup');
const [width, height] = intList(flags.viewport.replace('x', ','), 'viewport');
const WAIT_MS = 30_000;

/** --model DIR: the encoder the server searches with (its index must be built with it); absent, the configured one. */
function serveModel(): string[] {
  return flags.model ? ['--model', ensureModel(flags.model)] : [];
}

function prepareHome(): { home: string; temporary: boolean } {
  if (flags.home) return { home: flags.home, temporary: false };
  const home = tempHome('widget-paint');
  log(`building a ${flags.products}-product demo store in ${home}`);
  ingestDemo(home, int(flags.products, 'products'));
  aisle(['index', '--home', home, ...serveModel(), '--full']);
  return { home, temporary: true };
}

/** AISLE_TEST_BROWSER, else a Chromium on PATH (the browser tests' order, less the npm package). */
function chromiumPath(): string {
  if (process.env.AISLE_TEST_BROWSER) return process.env.AISLE_TEST_BROWSER;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error('No Chromium: apt-get install chromium, or set AISLE_TEST_BROWSER to a Chromium or Chrome executable.');
}

type Sample = PageMarks & ReturnType<typeof pageTimings> & { query: string };

/** One shopper's first visit: a fresh context, the page, the launcher, one product search. */
async function visit(browser: Browser, url: string, query: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: width!, height: height! } });
  try {
    // tsx keeps function names with a __name(fn, "name") helper that the page lacks; an identity stands in.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await context.addInitScript(watchLauncher);
    const page = await context.newPage();
    const marks = () => page.evaluate(() => (window as unknown as { __aisleBench: PageMarks }).__aisleBench);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __aisleBench: PageMarks }).__aisleBench.launcherPainted !== undefined, null, { timeout: WAIT_MS });
    const timings = await page.evaluate(pageTimings);
    await page.evaluate(watchOpen);
    await page.locator('aisle-widget button.launch').click();
    await page.waitForFunction(() => (window as unknown as { __aisleBench: PageMarks }).__aisleBench.panelConnectedPainted !== undefined, null, { timeout: WAIT_MS });
    await page.evaluate(watchReply);
    await page.locator('aisle-widget textarea').fill(query);
    await page.locator('aisle-widget form button[type=submit]').click();
    await page.waitForFunction(() => (window as unknown as { __aisleBench: PageMarks }).__aisleBench.replyPainted !== undefined, null, { timeout: WAIT_MS });
    return { ...timings, ...(await marks()), query };
  } finally {
    await context.close();
  }
}

/** What each row measures, as a span between two of a sample's times (start 0: the navigation's start). */
const SPANS: Array<{ what: string; from?: keyof Sample; to: keyof Sample }> = [
  { what: 'page load → first contentful paint', to: 'firstContentfulPaint' },
  { what: 'page load → /aisle/widget.js downloaded', to: 'launcherScriptLoaded' },
  { what: 'page load → launcher in the DOM', to: 'launcherInDom' },
  { what: 'page load → launcher painted', to: 'launcherPainted' },
  { what: 'page load → load event done', to: 'load' },
  { what: 'launcher press → panel "Connected" painted', from: 'openClick', to: 'panelConnectedPainted' },
  { what: 'Send press → ack (message logged)', from: 'sendClick', to: 'acked' },
  { what: 'Send press → first reply in the DOM', from: 'sendClick', to: 'replyInDom' },
  { what: 'Send press → first reply painted', from: 'sendClick', to: 'replyPainted' },
];

function rows(samples: readonly Sample[]): Row[] {
  return SPANS.map(({ what, from, to }) => {
    const values = samples.map((s) => Number(s[to]) - (from ? Number(s[from]) : 0)).filter(Number.isFinite).sort((a, b) => a - b);
    return { span: what, runs: values.length, 'median ms': percentile(values, 50), 'p95 ms': percentile(values, 95), 'min ms': values[0] ?? NaN, 'max ms': values.at(-1) ?? NaN };
  });
}

async function main() {
  const { home, temporary } = prepareHome();
  const server = await serveChild(['--home', home, ...serveModel()]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  const samples: Sample[] = [];
  const queries = loadQueries(runs + warmup).queries;
  try {
    for (let i = 0; i < runs + warmup; i++) {
      const sample = await visit(browser, `${server.baseUrl}/`, queries[i % queries.length]!);
      if (i >= warmup) samples.push(sample);
      log(`${i < warmup ? 'warm-up' : `run ${i - warmup + 1}/${runs}`}: launcher ${sample.launcherPainted?.toFixed(0)} ms, reply ${(sample.replyPainted! - sample.sendClick!).toFixed(0)} ms (${sample.replyCards} cards) for "${sample.query}"`);
    }
  } finally {
    await browser.close();
    await server.stop();
    if (temporary) rmSync(home, { recursive: true, force: true });
  }
  report(samples, browser.version());
}

function report(samples: readonly Sample[], browserVersion: string) {
  const withCards = samples.filter((s) => (s.replyCards ?? 0) > 0).length;
  const notes = [
    `Chromium ${browserVersion}, headless, ${width}×${height}; a fresh context per run (empty cache and storage: a first visit), ${warmup} warm-up runs not counted.`,
    'Times are performance.now() in the page: "page load" is the navigation\'s start (timeOrigin); a press is its click event\'s timeStamp.',
    '"In the DOM": a MutationObserver saw the node (the launcher button in <aisle-widget>\'s shadow root; the first .msg.aisle in the log). ' +
    '"Painted": the next requestAnimationFrame, then a posted message, which runs once that frame is drawn.',
    'The launcher script is the storefront\'s last tag (async); opening imports /aisle/widget-panel.js and opens the WebSocket /aisle/ws.',
    `Each run sends a different product search from bench/eval/queries.jsonl (a new conversation); ${withCards} of ${samples.length} first replies showed product cards. ` +
    'The reply time includes the whole turn on the server (understanding, search, dialog, logging).',
    `The launcher had a non-zero size when painted in ${samples.filter((s) => (s.launcherArea ?? 0) > 0).length} of ${samples.length} runs.`,
  ];
  publish('widget-paint', [{ title: 'Widget on the demo storefront, first visit', rows: rows(samples), digits: 0, notes }],
    { runs, warmup, viewport: { width, height }, browser: browserVersion, samples });
}

await main();

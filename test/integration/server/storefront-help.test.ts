import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { createShelf } from '../../../src/storefront/shelf.ts';
import type { HelpArticle } from '../../../src/support/help-article.ts';
import { loadHelpCentre } from '../../../src/support/help-centre-file.ts';
import { readHelpSource } from '../../../src/support/help-sources.ts';
import { ensureChatHome } from '../../support/chat-home.ts';

// The help pages never search: the storefront's product search is not reached here.
const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };

/** An article and an FAQ written to hurt: markup in the title, a heading and the text; FAQ entries without a URL cite /help/faq#SLUG. */
const HOSTILE_ARTICLE = `---
title: <script>alert(1)</script> Gift wrap & "Bows"
url: /help/gift-wrap
---
# ignored

## <img src=x onerror=alert(2)> Which papers?

</p><script>alert(3)</script> Red & gold.

1. Pick a paper.
2. Add a bow.
`;
const HOSTILE_FAQ = 'question,answer\n"Can I add a <b>note</b>?","Yes: up to 200 characters, <i>plain</i> text."\n';

describe('the storefront\'s help pages (/help, /help/:slug, /help/faq)', () => {
  const servers: RunningServer[] = [];
  const extra = mkdtempSync(path.join(os.tmpdir(), 'aisle-help-'));
  let articles: HelpArticle[];
  let base: string;
  let bare: string;
  const page = async (at: string, url: string) => {
    const res = await fetch(`${at}${url}`, { headers: { accept: 'text/html' } });
    return { status: res.status, csp: res.headers.get('content-security-policy'), body: await res.text() };
  };

  beforeAll(async () => {
    // The help centre `aisle demo` ingested (the one the chat cites), and a hostile one beside it.
    const demo = loadHelpCentre(await ensureChatHome());
    expect(demo?.articles.length, 'the test store has the demo help centre').toBeGreaterThan(10);
    writeFileSync(path.join(extra, 'gift-wrap.md'), HOSTILE_ARTICLE);
    writeFileSync(path.join(extra, 'faq.csv'), HOSTILE_FAQ);
    const hostile = readHelpSource(extra);
    expect(hostile.problems).toEqual([]);
    articles = [...demo!.articles, ...hostile.articles];
    const shelf = createShelf([]);
    for (const help of [articles, undefined]) {
      servers.push(await listen(createApp({ ...searchDeps, storefront: { shelf, search: searchDeps.search, help } }), 0, '127.0.0.1'));
    }
    [base, bare] = servers.map((s) => `http://127.0.0.1:${s.port}`) as [string, string];
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(extra, { recursive: true, force: true });
  });

  it('serves every page a citation points to, and the anchor it names', async () => {
    for (const a of articles) {
      const [where, anchor] = a.url.split('#');
      const { status, body } = await page(base, where!);
      expect(status, a.url).toBe(200);
      if (anchor) expect(body, a.url).toContain(`id="${anchor}"`);
      else expect(body, a.url).toMatch(/<h1>[^<]+<\/h1>/);
    }
    expect(articles.some((a) => a.url.startsWith('/help/faq#'))).toBe(true);
  });

  it('renders an article under its headings, each an anchor, with numbered steps as a list', async () => {
    const { body, csp } = await page(base, '/help/refunds');
    expect(csp).toContain("script-src 'self'");
    expect(body).toContain('<h1>Refunds</h1>');
    expect(body).toContain('<h2 id="how-long-does-a-refund-take-to-reach-my-account">How long does a refund take to reach my account?</h2>');
    expect(body).toContain('takes 5–10 business days to appear');
    expect(body).toContain('<a href="/help">Help</a>');
    expect((await page(base, '/help/gift-wrap')).body).toMatch(/<ol><li>Pick a paper\.<\/li><li>Add a bow\.<\/li><\/ol>/);
  });

  it('escapes every text of an article and an FAQ', async () => {
    const article = (await page(base, '/help/gift-wrap')).body;
    const faq = (await page(base, '/help/faq')).body;
    const index = (await page(base, '/help')).body;
    for (const body of [article, faq, index]) expect(body).not.toMatch(/<script>alert|<img src=x|<b>note|<i>plain/);
    expect(article).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; Gift wrap &amp; &quot;Bows&quot;</h1>');
    expect(article).toContain('&lt;/p&gt;&lt;script&gt;alert(3)&lt;/script&gt; Red &amp; gold.');
    expect(faq).toContain('<section class="faq" id="can-i-add-a-b-note-b"><h2>Can I add a &lt;b&gt;note&lt;/b&gt;?</h2>');
  });

  it('lists the articles and the FAQ at /help, and links Help in every page\'s header', async () => {
    const { body } = await page(base, '/help');
    expect(body).toContain('<li><a href="/help/refunds">Refunds</a></li>');
    expect(body).toContain('<a href="/help/faq">Frequently asked questions</a>');
    expect((await page(base, '/')).body).toContain('<a class="help-link" href="/help">Help</a>');
  });

  it('answers an unknown article with a 404 page, and a store without a help centre says how to load one', async () => {
    const missing = await page(base, '/help/no-such-article');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('There is no help article at this address.');
    expect((await page(bare, '/help/refunds')).status).toBe(404);
    expect((await page(bare, '/help/faq')).status).toBe(404);
    const empty = await page(bare, '/help');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('aisle kb ingest PATH');
  });
});

import type { HelpArticle, HelpPassage } from '../support/help-article.ts';
import { slugOf } from '../support/help-article.ts';
import { safeLink } from '../url-safety.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { page } from './layout.ts';
import type { PageContext } from './pages.ts';

/** The help centre's pages (issue 12): what the chat's "Source:" links open. Every article text goes through `html`. */

/** readFaqFile names each FAQ entry `faq-SLUG` and cites it as /help/faq#SLUG. */
const FAQ_PREFIX = 'faq-';
/** Where the help pages live; an article whose URL is `/help/SLUG` is served at that address. */
export const HELP_PATH = '/help';
const OWN_URL = /^\/help\/([a-z0-9][a-z0-9-]*)$/;

/** What a page shows of an article (not its vectors, which the help desk holds). */
export type HelpPage = Pick<HelpArticle, 'id' | 'title' | 'url' | 'passages'>;

/** The help centre as the storefront serves it: articles by the slug of their own URL, and the FAQ entries. */
export interface HelpPages {
  articles: readonly HelpPage[];
  faqs: readonly HelpPage[];
  /** The article served at /help/SLUG. */
  article(slug: string): HelpPage | undefined;
}

/** Indexes the stored articles once: an article answers at /help/SLUG when its URL is that path, else at /help/ID. */
export function createHelpPages(stored: readonly HelpArticle[]): HelpPages {
  const pages = stored.map(({ id, title, url, passages }): HelpPage => ({ id, title, url, passages }));
  const faqs = pages.filter(isFaq);
  const articles = pages.filter((a) => !isFaq(a)).sort((a, b) => a.title.localeCompare(b.title));
  const bySlug = new Map<string, HelpPage>();
  for (const a of articles) bySlug.set(a.id, a);
  // Own URLs win over ids: "/help/refunds" is where the chat's citation points.
  for (const a of articles) {
    const slug = OWN_URL.exec(a.url)?.[1];
    if (slug) bySlug.set(slug, a);
  }
  return { articles, faqs, article: (slug) => bySlug.get(slug) };
}

function isFaq(a: HelpPage): boolean {
  return a.id.startsWith(FAQ_PREFIX);
}

/** GET /help: every article, and the FAQ; without a help centre, how to load one. */
export function helpIndexPage(ctx: PageContext, help: HelpPages | undefined): string {
  if (!help || help.articles.length + help.faqs.length === 0) {
    return render(ctx, 'Help', html`<h1>Help</h1><p>This store has no help centre yet. Load one with <code>npx aisle kb ingest PATH</code> (Markdown or HTML articles, CSV or JSON FAQs), then restart the server.</p>`);
  }
  const body = html`<h1>Help</h1>
<ul class="help-list">
${help.articles.map((a) => html`<li><a href="${articleHref(a)}">${a.title}</a></li>`)}
${help.faqs.length > 0 ? html`<li><a href="${HELP_PATH}/faq">Frequently asked questions</a> <span class="count">${help.faqs.length}</span></li>` : ''}
</ul>`;
  return render(ctx, 'Help', body);
}

/** GET /help/SLUG: the article under its headings, each heading an anchor. */
export function helpArticlePage(ctx: PageContext, article: HelpPage): string {
  const ids = new Set<string>();
  const sections = groupByHeading(article.passages).map(({ heading, texts }) => {
    const lead = heading === article.title;
    const id = uniqueId(slugOf(heading) || 'section', ids);
    return html`<section>${lead ? '' : html`<h2 id="${id}">${heading}</h2>`}${texts.map(paragraphs)}</section>`;
  });
  return render(ctx, article.title, html`${helpCrumb()}<article class="help-article"><h1>${article.title}</h1>${sections}</article>`);
}

/** GET /help/faq: every FAQ entry with the id its citation's anchor names (/help/faq#SLUG). */
export function faqPage(ctx: PageContext, faqs: readonly HelpPage[]): string {
  const entries = faqs.map((f) => {
    const more = safeLink(f.url);
    const elsewhere = more && !more.startsWith(`${HELP_PATH}/faq#`) ? more : undefined;
    return html`<section class="faq" id="${f.id.slice(FAQ_PREFIX.length)}"><h2>${f.title}</h2>${f.passages.map((p) => paragraphs(p.text))}${
      elsewhere ? html`<p><a href="${elsewhere}">More on this</a></p>` : ''}</section>`;
  });
  return render(ctx, 'Frequently asked questions', html`${helpCrumb()}<h1>Frequently asked questions</h1>${entries}`);
}

export function helpNotFoundPage(ctx: PageContext): string {
  return render(ctx, 'Not found', html`<h1>Not found</h1><p>There is no help article at this address.</p><p><a href="${HELP_PATH}">All help articles</a></p>`);
}

/** Where the help index links an article: its own address when it is one (a path here or http(s)), else /help/ID. */
function articleHref(a: HelpPage): string {
  return safeLink(a.url) ?? `${HELP_PATH}/${encodeURIComponent(a.id)}`;
}

/** Passages in reading order, those under the same heading together (a long section is cut into several). */
function groupByHeading(passages: readonly HelpPassage[]): { heading: string; texts: string[] }[] {
  const groups: { heading: string; texts: string[] }[] = [];
  for (const p of passages) {
    const last = groups.at(-1);
    if (last?.heading === p.heading) last.texts.push(p.text);
    else groups.push({ heading: p.heading, texts: [p.text] });
  }
  return groups;
}

/** A passage's lines: numbered steps as an ordered list, "• " items as a list, the rest as paragraphs. */
function paragraphs(text: string): SafeHtml[] {
  const out: SafeHtml[] = [];
  let list: { tag: 'ol' | 'ul'; items: string[] } | undefined;
  const close = () => {
    if (list) out.push(html`<${raw(list.tag)}>${list.items.map((i) => html`<li>${i}</li>`)}</${raw(list.tag)}>`);
    list = undefined;
  };
  for (const line of text.split('\n')) {
    const item = /^(?:(\d+)[.)]|•)\s+(.*)$/.exec(line);
    const tag = item ? (item[1] ? 'ol' : 'ul') : undefined;
    if (list && list.tag !== tag) close();
    if (!item) out.push(html`<p>${line}</p>`);
    else (list ??= { tag: tag!, items: [] }).items.push(item[2]!);
  }
  close();
  return out;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function helpCrumb(): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="${HELP_PATH}">Help</a></li></ol></nav>`;
}

function render(ctx: PageContext, title: string, body: SafeHtml): string {
  return page({ title, body, departments: ctx.shelf.departments, widget: ctx.widget }).value;
}

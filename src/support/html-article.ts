import { decodeEntities, stripHtml } from '../catalog/html.ts';
import { AppError } from '../errors.ts';
import { articleFrom, type HelpArticle, type Section } from './help-article.ts';

/** Headings that open a section; h1 is the title. */
const HEADING = /<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;

/**
 * An HTML article (a saved help-centre page): the title from <h1> (else <title>), sections from
 * <h2>–<h4>, text as the page shows it. Scripts, styles and comments are dropped by stripHtml.
 */
export function parseHtmlArticle(raw: string, fileSlug: string, source: string, urlBase: string): HelpArticle {
  const body = raw.match(/<body\b[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? raw;
  const main = body.match(/<(main|article)\b[^>]*>([\s\S]*)<\/\1>/i)?.[2] ?? body;
  const canonical = raw.match(/<link\b[^>]*rel=["']canonical["'][^>]*href=["']([^"']+)["']/i)?.[1];
  let title = inline(raw.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '');
  const sections: Section[] = [];
  let last = 0;
  let heading = '';
  for (const m of main.matchAll(HEADING)) {
    pushSection(sections, heading, main.slice(last, m.index));
    if (m[1] === '1') title = inline(m[2]!) || title;
    else heading = inline(m[2]!);
    last = m.index + m[0].length;
  }
  pushSection(sections, heading, main.slice(last));
  if (!title) throw new AppError('BAD_INPUT', `${source}: no title: the page needs an <h1> or a <title>.`);
  for (const s of sections) if (!s.heading) s.heading = title;
  return articleFrom({ id: fileSlug, title, url: canonical ?? `${urlBase}${fileSlug}`, source, raw }, sections);
}

function pushSection(sections: Section[], heading: string, html: string): void {
  // Each block of the page is a paragraph of its own, so passages are cut between blocks, never inside one.
  const lines = stripHtml(html).split('\n');
  if (lines.some((l) => l.trim())) sections.push({ heading, lines: lines.flatMap((l) => [l, '']) });
}

function inline(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

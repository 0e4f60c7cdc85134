import { AppError } from '../errors.ts';
import { articleFrom, slugOf, type HelpArticle, type Section } from './help-article.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/**
 * A Markdown article: optional front matter (`title`, `url`, `id`), one `#` title, and `##`/`###`
 * sections. Markup that reads badly when quoted (links, emphasis, list markers) is reduced to its words.
 * `fileSlug` names the article when the front matter does not; `urlBase` makes its URL ("/help/").
 */
export function parseMarkdownArticle(raw: string, fileSlug: string, source: string, urlBase: string): HelpArticle {
  const front = raw.match(FRONT_MATTER);
  const meta = front ? frontMatter(front[1]!, source) : {};
  const body = front ? raw.slice(front[0].length) : raw;
  const sections: Section[] = [];
  let title = meta.title;
  let current: Section | undefined;
  let inCode = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    const heading = inCode ? null : line.match(HEADING);
    if (heading && heading[1] === '#' && !title) {
      title = plain(heading[2]!);
      continue;
    }
    if (heading) {
      current = { heading: plain(heading[2]!), lines: [] };
      sections.push(current);
      continue;
    }
    if (!current) sections.push((current = { heading: '', lines: [] }));
    current.lines.push(inCode ? line : plain(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, (m) => (/\d/.test(m) ? m.trim() + ' ' : '• '))));
  }
  if (!title) throw new AppError('BAD_INPUT', `${source}: no title: start the article with "# Title" or give "title:" in its front matter.`);
  const id = meta.id ?? fileSlug;
  for (const s of sections) if (!s.heading) s.heading = title;
  return articleFrom({ id, title, url: meta.url ?? `${urlBase}${id}`, source, raw }, sections);
}

/** `key: value` lines; only the keys Aisle reads are kept, and those must not be empty. */
function frontMatter(block: string, source: string): { title?: string; url?: string; id?: string } {
  const out: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = line.match(/^([A-Za-z_]+)\s*:\s*(.*)$/);
    if (!m) continue;
    const value = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (['title', 'url', 'id'].includes(m[1]!.toLowerCase())) {
      if (!value) throw new AppError('BAD_INPUT', `${source}: front matter "${m[1]}" is empty: give it a value or remove the line.`);
      out[m[1]!.toLowerCase()] = value;
    }
  }
  if (out.id !== undefined && slugOf(out.id) !== out.id) throw new AppError('BAD_INPUT', `${source}: front matter id "${out.id}" may hold only a-z, 0-9 and "-" (try "${slugOf(out.id)}").`);
  return out;
}

/** Markdown inline markup to the words a shopper reads: [text](url) → text, **bold** → bold. */
export function plain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](\S(?:.*?\S)?)[*_](?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^>\s?/, '')
    .trimEnd();
}

import { createHash } from 'node:crypto';

/** One help-centre article as the store wrote it, split into passages under its headings. */
export interface HelpArticle {
  /** Stable id: the front matter's `id`, else the file name without extension ("returns-policy"). */
  id: string;
  title: string;
  /** Where a shopper reads it: absolute, or a path on the store's site ("/help/returns-policy"). */
  url: string;
  /** SHA-256 of the article as read: re-ingest re-embeds an article only when this changes. */
  hash: string;
  /** The file or list it was read from, so re-ingesting that source can drop articles since deleted. */
  source: string;
  passages: HelpPassage[];
}

/** A quotable piece of an article: the text under one heading (split further when long). */
export interface HelpPassage {
  /** `${articleId}#${n}`, n from 1 in reading order. */
  id: string;
  /** The heading it sits under; the article title for text before the first heading. */
  heading: string;
  text: string;
}

/** A heading and the lines under it, as a parser found them. */
export interface Section {
  heading: string;
  lines: string[];
}

/** Longer sections are cut at paragraph ends into pieces of about this many words, each a passage. */
const PASSAGE_WORDS = 160;
/** An article with more passages than this is refused: it is a whole manual, not a help article. */
export const MAX_PASSAGES = 200;

/** Builds the article from parsed sections: empty sections are dropped, long ones cut at paragraph ends. */
export function articleFrom(meta: { id: string; title: string; url: string; source: string; raw: string }, sections: readonly Section[]): HelpArticle {
  const passages: HelpPassage[] = [];
  for (const section of sections) {
    for (const text of chunks(section.lines)) passages.push({ id: `${meta.id}#${passages.length + 1}`, heading: section.heading, text });
  }
  return { id: meta.id, title: meta.title, url: meta.url, hash: sha256(meta.raw), source: meta.source, passages };
}

/** Paragraphs (blank-line separated) joined until about PASSAGE_WORDS; one paragraph is never cut. */
function chunks(lines: readonly string[]): string[] {
  // A line break inside a paragraph is a wrapped line, except before a list item, which starts a line of its own.
  const paragraphs = lines.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*(?!\d+[.)]\s|• )/g, ' ').trim()).filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const p of paragraphs) {
    if (current && wordCount(current) + wordCount(p) > PASSAGE_WORDS) {
      out.push(current);
      current = p;
    } else current = current ? `${current}\n${p}` : p;
  }
  if (current) out.push(current);
  return out;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "Returns & Refunds!" → "returns-refunds": ids and URLs from names. */
export function slugOf(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { MAX_PASSAGES, slugOf, type HelpArticle } from './help-article.ts';
import { readFaqFile } from './faq-file.ts';
import { parseHtmlArticle } from './html-article.ts';
import { parseMarkdownArticle } from './markdown-article.ts';

/** What reading a help-centre source gave: its articles, and what was refused (file and reason). */
export interface HelpSourceRead {
  /** The source as given, resolved: re-ingesting it drops articles it no longer holds. */
  source: string;
  articles: HelpArticle[];
  problems: string[];
  files: number;
}

/** A file larger than this is not a help article (a PDF saved as .html, a dump): refused, not read. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 5000;
const ARTICLE = /\.(md|markdown|html?)$/i;
const FAQ = /\.(csv|tsv|json)$/i;

/**
 * Reads a help centre from a folder (every .md/.html article and .csv/.json FAQ file below it; README
 * files describe a folder and are skipped), a list file (.txt: one path per line) or a sitemap
 * (.xml: <loc> entries naming local files), or one file. Paths in lists are relative to the list.
 * `urlBase` prefixes the id of an article whose front matter gives no URL ("/help/" → "/help/returns").
 */
export function readHelpSource(input: string, urlBase = '/help/'): HelpSourceRead {
  const source = path.resolve(input);
  const problems: string[] = [];
  const files = filesOf(source, problems);
  if (files.length > MAX_FILES) throw new AppError('BAD_INPUT', `${input} holds ${files.length} files; at most ${MAX_FILES} are read at once. Ingest its folders one by one.`);
  const articles: HelpArticle[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    for (const article of readFile(file, source, urlBase, problems)) {
      const other = ids.get(article.id);
      if (other) {
        problems.push(`${file}: article id "${article.id}" is already used by ${other}; rename one file or set "id:" in its front matter. Skipped.`);
        continue;
      }
      ids.set(article.id, file);
      articles.push(article);
    }
  }
  return { source, articles, problems, files: files.length };
}

function filesOf(source: string, problems: string[]): string[] {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new AppError('BAD_INPUT', `${source} does not exist: give a folder of articles, a list (.txt), a sitemap (.xml) or one file.`);
  }
  if (stat.isDirectory()) return walk(source);
  if (/\.txt$/i.test(source)) return listed(source, readText(source).split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')), problems);
  if (/\.xml$/i.test(source)) return listed(source, [...readText(source).matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((m) => m[1]!), problems);
  return [source];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.')) return [];
    if (entry.isDirectory()) return walk(full);
    return (ARTICLE.test(entry.name) || FAQ.test(entry.name)) && !/^readme\./i.test(entry.name) ? [full] : [];
  });
}

/** Entries of a list or sitemap: local paths or file: URLs; web addresses are refused (Aisle reads no web at ingest). */
function listed(list: string, entries: readonly string[], problems: string[]): string[] {
  const base = path.dirname(list);
  return entries.flatMap((entry) => {
    if (/^https?:/i.test(entry)) {
      problems.push(`${list}: ${entry} is a web address; Aisle ingests local files only: save the page and list its path.`);
      return [];
    }
    const file = path.resolve(base, entry.replace(/^file:\/\//i, ''));
    if (ARTICLE.test(file) || FAQ.test(file)) return [file];
    problems.push(`${list}: ${entry} is not an article (.md, .html) or an FAQ file (.csv, .json); skipped.`);
    return [];
  });
}

function readFile(file: string, source: string, urlBase: string, problems: string[]): HelpArticle[] {
  try {
    const size = sizeOf(file);
    if (size > MAX_FILE_BYTES) throw new AppError('BAD_INPUT', `${file} is ${(size / 1048576).toFixed(1)} MB; a help article is at most 2 MB. Split it.`);
    const raw = readText(file);
    const slug = slugOf(path.basename(file).replace(/\.[^.]+$/, ''));
    if (FAQ.test(file)) {
      const read = readFaqFile(raw, /\.json$/i.test(file) ? 'json' : 'csv', file, urlBase);
      // FAQ ids come from the questions: two FAQ files asking the same question collide like two articles.
      problems.push(...read.problems);
      return read.articles.map((a) => ({ ...a, source }));
    }
    const article = /\.html?$/i.test(file) ? parseHtmlArticle(raw, slug, file, urlBase) : parseMarkdownArticle(raw, slug, file, urlBase);
    if (article.passages.length === 0) throw new AppError('BAD_INPUT', `${file}: no text under its headings; nothing to answer from.`);
    if (article.passages.length > MAX_PASSAGES) throw new AppError('BAD_INPUT', `${file}: ${article.passages.length} passages; an article holds at most ${MAX_PASSAGES}. Split it into articles.`);
    return [{ ...article, source }];
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push(err.message.startsWith(file) ? err.message : `${file}: ${err.message}`);
    return [];
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('BAD_INPUT', `${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch (err) {
    throw new AppError('BAD_INPUT', `${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): fix the path or remove it from the list.`);
  }
}

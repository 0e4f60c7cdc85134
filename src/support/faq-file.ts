import { readDelimited } from '../catalog/csv.ts';
import { AppError } from '../errors.ts';
import { articleFrom, slugOf, type HelpArticle } from './help-article.ts';

/** A question and answer pair; its line (CSV) or index (JSON) names it in errors. */
interface FaqEntry { question: string; answer: string; url?: string; where: string }

/** What reading an FAQ file gave: one article per question, and the entries refused with why. */
export interface FaqRead { articles: HelpArticle[]; problems: string[] }

/**
 * An FAQ file: CSV with a header naming `question` and `answer` (and optionally `url`), or JSON, an
 * array of `{question, answer, url?}` (or `{faqs: [...]}`). Each pair becomes a one-passage article, so
 * an answer is cited under its own question. A bad entry is reported with its line and the rest are kept.
 */
export function readFaqFile(raw: string, format: 'csv' | 'json', source: string, urlBase: string): FaqRead {
  const problems: string[] = [];
  const entries = format === 'csv' ? csvEntries(raw, source, problems) : jsonEntries(raw, source, problems);
  const seen = new Set<string>();
  const articles: HelpArticle[] = [];
  for (const e of entries) {
    const id = `faq-${slugOf(e.question)}`;
    if (seen.has(id)) {
      problems.push(`${e.where}: the same question is asked twice; the first answer is kept.`);
      continue;
    }
    seen.add(id);
    const url = e.url?.trim() || `${urlBase}faq#${id.slice(4)}`;
    articles.push(articleFrom({ id, title: e.question, url, source, raw: JSON.stringify([e.question, e.answer, url]) }, [{ heading: e.question, lines: [e.answer] }]));
  }
  return { articles, problems };
}

function csvEntries(raw: string, source: string, problems: string[]): FaqEntry[] {
  const records = readDelimited(raw, raw.split('\n', 1)[0]!.includes('\t') ? '\t' : ',');
  const header = records[0];
  if (!header?.ok) throw new AppError('BAD_INPUT', `${source}: no header line: the first line must name the columns, e.g. question,answer,url.`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const [q, a, u] = ['question', 'answer', 'url'].map((n) => names.indexOf(n));
  if (q! < 0 || a! < 0) throw new AppError('BAD_INPUT', `${source}: the header must name a "question" and an "answer" column (found: ${names.join(', ')}).`);
  return records.slice(1).flatMap((r): FaqEntry[] => {
    if (!r.ok) return problems.push(`${source} line ${r.line}: ${r.reason}`), [];
    return entryOf({ question: r.fields[q!], answer: r.fields[a!], url: u! >= 0 ? r.fields[u!] : undefined }, `${source} line ${r.line}`, problems);
  });
}

function jsonEntries(raw: string, source: string, problems: string[]): FaqEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new AppError('BAD_INPUT', `${source}: not JSON (${(err as Error).message}); give an array of {"question", "answer", "url"}.`);
  }
  const list = Array.isArray(data) ? data : (data as { faqs?: unknown })?.faqs;
  if (!Array.isArray(list)) throw new AppError('BAD_INPUT', `${source}: expected an array of {"question", "answer", "url"} (or {"faqs": [...]}).`);
  return list.flatMap((item: unknown, i) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return entryOf({ question: str(o.question), answer: str(o.answer), url: str(o.url) }, `${source} entry ${i + 1}`, problems);
  });
}

function entryOf(e: { question?: string; answer?: string; url?: string }, where: string, problems: string[]): FaqEntry[] {
  const question = e.question?.trim();
  const answer = e.answer?.trim();
  if (!question || !answer) {
    problems.push(`${where}: needs both a question and an answer; skipped.`);
    return [];
  }
  return [{ question, answer, url: e.url, where }];
}

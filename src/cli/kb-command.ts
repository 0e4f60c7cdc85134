import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { createCachedEmbedder } from '../embed/cached-embedder.ts';
import type { Embedder } from '../embed/embedder.ts';
import { createHelpCentre } from '../support/help-centre.ts';
import { ingestHelpCentre, loadHelpCentre, removeHelpArticles, vectorsKey, type IngestReport } from '../support/help-centre-file.ts';
import { readHelpSource } from '../support/help-sources.ts';
import { addFaqEntry } from '../support/add-faq.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { openEmbedder } from './services.ts';

const USAGE = [
  'aisle kb ingest PATH [options]   (PATH: a folder of .md/.html articles and .csv/.json FAQ files, a list .txt, a sitemap .xml, or one file)',
  'aisle kb list [options]',
  'aisle kb search "QUESTION" [options]',
  'aisle kb remove ARTICLE_ID... [options]',
  'aisle kb add-faq --question "…" --answer "…" [--url URL] [options]   (one FAQ entry, embedded at once; the same question again replaces its answer)',
].join('\n');

export const kbCommand: Command = {
  name: 'kb',
  usage: USAGE,
  summary: 'the help centre: ingest articles and FAQs (changed ones only), list them, search them, remove some',
  options: {
    k: { type: 'string', value: 'N', description: 'search: number of passages (default 5)' },
    'url-base': { type: 'string', value: 'PATH', description: 'ingest: URL prefix of articles without a url in their front matter (default /help/)' },
    question: { type: 'string', value: 'TEXT', description: 'add-faq: the question, as shoppers ask it' },
    answer: { type: 'string', value: 'TEXT', description: 'add-faq: the answer the bot will quote' },
    url: { type: 'string', value: 'URL', description: 'add-faq: where the answer is on the store\'s site (default /help/faq#QUESTION-SLUG)' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  opens: ['model'],
  async run(ctx) {
    const [action, ...rest] = ctx.args;
    if (action === 'ingest' && rest.length === 1) return ingest(ctx, rest[0]!);
    if (action === 'list' && rest.length === 0) return list(ctx);
    if (action === 'search' && rest.join(' ').trim()) return search(ctx, rest.join(' ').trim());
    if (action === 'remove' && rest.length > 0) return remove(ctx, rest);
    if (action === 'add-faq' && rest.length === 0) return addFaq(ctx);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.split('\n').map((l) => l.replace(/\s+\(.*\)$/, '').replace(' [options]', '')).join(' | ')}.`);
  },
};

async function ingest(ctx: CommandContext, input: string): Promise<number> {
  const read = readHelpSource(input, flagString(ctx, 'url-base') ?? '/help/');
  if (read.articles.length === 0) {
    for (const p of read.problems) print(ctx.stderr, `  ${p}`);
    throw new AppError('BAD_INPUT', `${input}: no article could be read (${read.files} files looked at); nothing was changed.`);
  }
  mkdirSync(ctx.config.home, { recursive: true });
  const report = await withEmbedder(ctx, (embedder) => ingestHelpCentre(ctx.config.home, read, embedder));
  const problems = [...read.problems, ...report.refused];
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ source: read.source, ...report, problems }));
  else {
    print(ctx.stdout, `Help centre from ${input}: ${describe(report)}.`);
    for (const p of problems) print(ctx.stdout, `  skipped: ${p}`);
  }
  return problems.length ? 1 : 0;
}

async function list(ctx: CommandContext): Promise<number> {
  const stored = loadHelpCentre(ctx.config.home);
  const articles = stored?.articles ?? [];
  if (ctx.flags.json) {
    print(ctx.stdout, JSON.stringify({ updatedAt: stored?.updatedAt ?? null, articles: articles.map((a) => ({ id: a.id, title: a.title, url: a.url, passages: a.passages.length, source: a.source })) }));
    return 0;
  }
  if (!articles.length) print(ctx.stdout, 'No help centre yet: aisle kb ingest PATH (the demo store\'s is demo/help-centre).');
  for (const a of articles) print(ctx.stdout, `${a.id.padEnd(34)} ${a.title} (${a.passages.length} passages) ${a.url}`);
  return 0;
}

async function search(ctx: CommandContext, question: string): Promise<number> {
  const k = z.coerce.number().int().min(1).max(50).default(5).safeParse(flagString(ctx, 'k'));
  if (!k.success) throw new AppError('BAD_INPUT', '--k must be a whole number from 1 to 50');
  const stored = loadHelpCentre(ctx.config.home);
  if (!stored) throw new AppError('ARTIFACT_MISSING', `No help centre in ${ctx.config.home}: run aisle kb ingest PATH first.`);
  const hits = await withEmbedder(ctx, async (embedder) => {
    const key = vectorsKey(embedder);
    if (key && stored.embedder && stored.embedder !== key) throw new AppError('ARTIFACT_MISMATCH', `The help centre was embedded as ${stored.embedder}, not ${key}; ingest it again (aisle kb ingest PATH).`);
    return createHelpCentre(stored.articles, key === stored.embedder ? embedder : undefined).search(question, k.data);
  });
  if (ctx.flags.json) {
    print(ctx.stdout, JSON.stringify({ question, hits: hits.map((h) => ({ article: h.article, passage: h.passage.id, heading: h.passage.heading, text: h.passage.text, score: h.score, components: h.components })) }));
    return 0;
  }
  if (!hits.length) print(ctx.stdout, 'No passage matches.');
  hits.forEach((h, i) => print(ctx.stdout, `${i + 1}. ${h.article.title} › ${h.passage.heading} (${h.article.url})\n   ${h.passage.text.replace(/\n/g, ' ').slice(0, 240)}`));
  return 0;
}

async function remove(ctx: CommandContext, ids: string[]): Promise<number> {
  const gone = removeHelpArticles(ctx.config.home, ids);
  const missing = ids.filter((id) => !gone.includes(id));
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ removed: gone, notFound: missing }));
  else print(ctx.stdout, `Removed ${gone.length} article${gone.length === 1 ? '' : 's'}${missing.length ? `; not found: ${missing.join(', ')} (see aisle kb list)` : ''}.`);
  return missing.length ? 1 : 0;
}

async function addFaq(ctx: CommandContext): Promise<number> {
  mkdirSync(ctx.config.home, { recursive: true });
  const entry = { question: flagString(ctx, 'question') ?? '', answer: flagString(ctx, 'answer') ?? '', url: flagString(ctx, 'url') };
  const added = await withEmbedder(ctx, (embedder) => addFaqEntry(ctx.config.home, entry, embedder));
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify(added));
  else print(ctx.stdout, `${added.replaced ? 'Replaced' : 'Added'} FAQ ${added.id} (${added.url}); a running aisle serve answers from it after a restart.`);
  return 0;
}

async function withEmbedder<T>(ctx: CommandContext, fn: (embedder: Embedder | undefined) => Promise<T>): Promise<T> {
  const opened = await openEmbedder(ctx.config);
  try {
    return await fn(opened && createCachedEmbedder(opened));
  } finally {
    await opened?.close();
  }
}

function describe(r: IngestReport): string {
  return [`${r.added.length} added`, `${r.changed.length} changed`, `${r.unchanged.length} unchanged`, `${r.removed.length} removed`, `${r.passagesEmbedded} passages embedded`].join(', ');
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import type { HelpArticle } from './help-article.ts';
import type { EmbeddedArticle } from './help-centre.ts';
import type { HelpSourceRead } from './help-sources.ts';

/** The help centre's artifact: articles, passages and their vectors, with the encoder that made them. */
export const HELP_CENTRE_FILE = path.join('help-centre', 'help-centre.json');
const FORMAT = 1;

const passageSchema = z.object({ id: z.string(), heading: z.string(), text: z.string() });
const fileSchema = z.object({
  format: z.literal(FORMAT),
  /** What made the vectors (vectorsKey); null when ingested without a model. */
  embedder: z.string().nullable(),
  updatedAt: z.string(),
  articles: z.array(z.object({
    id: z.string(), title: z.string(), url: z.string(), hash: z.string(), source: z.string(),
    passages: z.array(passageSchema),
    /** Base64 of each passage's Float32 vector, in passage order. */
    vectors: z.array(z.string()).optional(),
  })),
});

export interface StoredHelpCentre {
  embedder: string | null;
  updatedAt: string;
  articles: EmbeddedArticle[];
}

/** What an ingest changed, by article id. */
export interface IngestReport {
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Articles of the same source that it no longer holds. */
  removed: string[];
  /** Articles not taken, with why: their id is another source's (two files named alike, an FAQ added in the console). */
  refused: string[];
  passagesEmbedded: number;
}

/** The stored help centre; undefined when none was ingested. A damaged or foreign file is refused with the fix. */
export function loadHelpCentre(home: string): StoredHelpCentre | undefined {
  const file = path.join(home, HELP_CENTRE_FILE);
  if (!existsSync(file)) return undefined;
  let parsed;
  try {
    parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new AppError('ARTIFACT_MISMATCH', `${file} is damaged or from another Aisle version; ingest the help centre again (aisle kb ingest PATH).`, { cause: err });
  }
  return {
    embedder: parsed.embedder,
    updatedAt: parsed.updatedAt,
    articles: parsed.articles.map(({ vectors, ...a }) => ({ ...a, ...(vectors ? { vectors: vectors.map(decode) } : {}) })),
  };
}

/**
 * Merges what was read into the stored help centre and writes it (atomically: a reader sees the old
 * file or the new one). Only new and changed articles are embedded; all of them when the model changed.
 * Articles of the same source that it no longer holds are removed; other sources' are kept.
 */
export function ingestHelpCentre(home: string, read: HelpSourceRead, embedder?: Embedder): Promise<IngestReport> {
  return withHelpCentreLock(home, () => ingestLocked(home, read, embedder));
}

const writing = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` when no other change to the home's help centre is running in this process: two "Add as FAQ"
 * presses that overlapped both read the file before either wrote it, and the second write dropped the first.
 */
export function withHelpCentreLock<T>(home: string, fn: () => Promise<T>): Promise<T> {
  const run = (writing.get(home) ?? Promise.resolve()).catch(() => undefined).then(fn);
  writing.set(home, run);
  return run;
}

/** `ingestHelpCentre` for a caller already holding the lock (withHelpCentreLock), which reads the file itself first. */
export async function ingestLocked(home: string, read: HelpSourceRead, embedder?: Embedder): Promise<IngestReport> {
  const stored = loadHelpCentre(home);
  const embedderId = vectorsKey(embedder);
  const sameModel = stored?.embedder === embedderId;
  const before = new Map((stored?.articles ?? []).map((a) => [a.id, a]));
  const report: IngestReport = { added: [], changed: [], unchanged: [], removed: [], refused: [], passagesEmbedded: 0 };
  const next = new Map<string, EmbeddedArticle>();
  for (const a of stored?.articles ?? []) if (a.source !== read.source) next.set(a.id, a);
  for (const article of read.articles) {
    const old = before.get(article.id);
    // One id, one article: another source's is never replaced without a word.
    if (old && old.source !== read.source) {
      report.refused.push(`${article.id}: already in the help centre from ${old.source}; rename one of them, or remove that one first (aisle kb remove ${article.id})`);
      continue;
    }
    if (old && old.hash === article.hash && sameModel) {
      report.unchanged.push(article.id);
      next.set(article.id, { ...old, source: read.source });
      continue;
    }
    (old ? report.changed : report.added).push(article.id);
    next.set(article.id, await embedArticle(article, embedder));
    report.passagesEmbedded += embedder ? article.passages.length : 0;
  }
  for (const a of stored?.articles ?? []) if (a.source === read.source && !next.has(a.id)) report.removed.push(a.id);
  // Another source's articles were embedded by the old model: embed them again so one model serves all.
  for (const [id, a] of next) {
    if (!sameModel && a.source !== read.source) {
      next.set(id, await embedArticle(a, embedder));
      report.passagesEmbedded += embedder ? a.passages.length : 0;
    }
  }
  writeHelpCentre(home, { embedder: embedderId, updatedAt: new Date().toISOString(), articles: [...next.values()] });
  return report;
}

/**
 * What the stored vectors are: the model and what of a passage it read. Vectors made otherwise (another
 * model, another recipe) are never compared with a question's: ingest embeds again, a server refuses them.
 */
export function vectorsKey(embedder: Embedder | undefined): string | null {
  return embedder ? `${embedder.id} (article title + heading)` : null;
}

/** Removes articles by id; returns the ids that were there. */
export function removeHelpArticles(home: string, ids: readonly string[]): string[] {
  const stored = loadHelpCentre(home);
  if (!stored) return [];
  const gone = stored.articles.filter((a) => ids.includes(a.id)).map((a) => a.id);
  if (gone.length) writeHelpCentre(home, { ...stored, updatedAt: new Date().toISOString(), articles: stored.articles.filter((a) => !gone.includes(a.id)) });
  return gone;
}

async function embedArticle(article: HelpArticle, embedder?: Embedder): Promise<EmbeddedArticle> {
  const { vectors: _old, ...plain } = article as EmbeddedArticle;
  if (!embedder) return plain;
  // What a passage answers is said by its article's title and its heading; the encoder matches a question to
  // those better than to the whole text (development set: right article first 0.585 → 0.652 over heading + text).
  return { ...plain, vectors: await embedder.embed(plain.passages.map((p) => `${plain.title}. ${p.heading}`)) };
}

function writeHelpCentre(home: string, data: StoredHelpCentre): void {
  const file = path.join(home, HELP_CENTRE_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    format: FORMAT,
    embedder: data.embedder,
    updatedAt: data.updatedAt,
    articles: data.articles.map(({ vectors, ...a }) => ({ ...a, ...(vectors ? { vectors: vectors.map(encode) } : {}) })),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(json));
  renameSync(tmp, file);
}

function encode(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

function decode(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

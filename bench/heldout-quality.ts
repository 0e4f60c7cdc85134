/**
 * Held-out retrieval quality: how Aisle's search does on a catalog far from the encoder's training
 * data (bench/heldout: a home-improvement store, 500 products, 120 judged shopper queries).
 * NDCG@10 (graded 0-3, gain 2^g - 1, log2 discount) and Recall@100 (of the products graded 2 or 3)
 * for lexical-only, encoder-only (vector) and hybrid search, overall and per query kind.
 *
 *   node bin/aisle.js ingest bench/heldout/catalog.jsonl --home /tmp/heldout-home
 *   node bin/aisle.js index --home /tmp/heldout-home
 *   node --import tsx bench/heldout-quality.ts --home /tmp/heldout-home [--model default] [--out FILE.json]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSearchStack } from '../src/cli/services.ts';
import { loadConfig } from '../src/config.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { isAppError } from '../src/errors.ts';
import type { SearchMode } from '../src/search/search.ts';
import { ndcgAtK, recallAtK } from './lib/metrics.ts';
import { readFlags } from './lib/flags.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NDCG_K = 10;
const RECALL_K = 100;
/** Grade at or above which a product counts for recall: an exact match or a good substitute. */
const RELEVANT_GRADE = 2;
const KINDS = ['keyword', 'synonym', 'need', 'attribute', 'typo'] as const;
type Kind = (typeof KINDS)[number];
const MODE_LABEL: Record<SearchMode, string> = { lexical: 'lexical', vector: 'encoder alone', hybrid: 'hybrid' };

interface HeldoutQuery {
  id: string;
  query: string;
  kind: Kind;
  /** Product id -> grade: 3 exact, 2 good substitute, 1 related; unlisted products are 0. */
  judgments: Record<string, number>;
}

interface Score { ndcg: number; recall: number }
interface Outcome { id: string; kind: Kind; query: string; relevant: number; modes: Partial<Record<SearchMode, Score & { top: string[] }>> }

function parseOptions(argv: string[]) {
  const values = readFlags({
    home: { type: 'string', default: '.aisle' },
    model: { type: 'string', default: 'default' },
    queries: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'heldout', 'queries.jsonl') },
    out: { type: 'string' },
  }, argv);
  return values;
}

/** Reads the judged queries; throws naming the line of the first malformed one. */
function loadQueries(file: string): HeldoutQuery[] {
  const queries: HeldoutQuery[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const q = JSON.parse(line) as HeldoutQuery;
    const grades = Object.values(q.judgments ?? {});
    if (!q.id || !q.query || !KINDS.includes(q.kind) || grades.some((g) => ![1, 2, 3].includes(g))) {
      throw new Error(`${file} line ${i + 1}: needs id, query, kind (${KINDS.join('|')}) and judgments graded 1-3`);
    }
    if (!grades.some((g) => g >= RELEVANT_GRADE)) throw new Error(`${file} line ${i + 1}: no product graded ${RELEVANT_GRADE} or more`);
    queries.push(q);
  });
  return queries;
}

function score(ranked: readonly string[], q: HeldoutQuery): Score {
  const grades = ranked.map((id) => q.judgments[id] ?? 0);
  const ideal = Object.values(q.judgments);
  const relevant = ideal.filter((g) => g >= RELEVANT_GRADE).length;
  const found = grades.slice(0, RECALL_K).filter((g) => g >= RELEVANT_GRADE).length;
  return { ndcg: ndcgAtK(grades, ideal, NDCG_K), recall: recallAtK(found, relevant, RECALL_K) };
}

function mean(outcomes: readonly Outcome[], mode: SearchMode, pick: (s: Score) => number): number {
  const scores = outcomes.map((o) => o.modes[mode]).filter((s): s is Score & { top: string[] } => s !== undefined);
  return scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
}

function table(outcomes: readonly Outcome[], modes: readonly SearchMode[]): string {
  const header = ['kind', 'n', ...modes.flatMap((m) => [`${MODE_LABEL[m]} NDCG@${NDCG_K}`, `${MODE_LABEL[m]} R@${RECALL_K}`])];
  const row = (label: string, subset: readonly Outcome[]) =>
    [label, String(subset.length), ...modes.flatMap((m) => [mean(subset, m, (s) => s.ndcg).toFixed(3), mean(subset, m, (s) => s.recall).toFixed(3)])];
  const rows = KINDS.map((k) => [k, outcomes.filter((o) => o.kind === k)] as const).filter(([, s]) => s.length > 0).map(([k, s]) => row(k, s));
  rows.push(row('**all**', outcomes));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const queries = loadQueries(options.queries);
  const config = loadConfig(process.env, { home: options.home, model: options.model }, PROJECT_ROOT, process.cwd());
  const modelDir = resolveModelDir(config.model, config.modelsDir);
  const model = modelDir ? path.basename(modelDir) : 'none';
  const stack = await openSearchStack(config);
  try {
    const stored = new Set((await stack.store.all()).map((p) => p.id));
    const unknown = queries.flatMap((q) => Object.keys(q.judgments)).filter((id) => !stored.has(id));
    if (unknown.length > 0) throw new Error(`judged products missing from the store in ${config.home}: ${[...new Set(unknown)].slice(0, 5).join(', ')}… (ingest bench/heldout/catalog.jsonl there)`);
    const modes: SearchMode[] = stack.search.mode === 'hybrid' ? ['lexical', 'vector', 'hybrid'] : ['lexical'];
    console.error(`${queries.length} held-out queries over ${stored.size} products; modes: ${modes.join(', ')}; model: ${model}`);
    const outcomes: Outcome[] = [];
    for (const q of queries) {
      const outcome: Outcome = { id: q.id, kind: q.kind, query: q.query, relevant: Object.values(q.judgments).filter((g) => g >= RELEVANT_GRADE).length, modes: {} };
      for (const mode of modes) {
        const result = await stack.search.search(q.query, { k: RECALL_K, mode });
        const ranked = result.results.map((hit) => hit.product.id);
        outcome.modes[mode] = { ...score(ranked, q), top: ranked.slice(0, NDCG_K) };
      }
      outcomes.push(outcome);
    }
    console.log(`\nHeld-out home-improvement catalog, model ${model} (NDCG@${NDCG_K} graded 0-3; Recall@${RECALL_K} of products graded ${RELEVANT_GRADE}+)\n`);
    console.log(table(outcomes, modes));
    if (options.out) {
      mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e4) / 1e4 : v);
      writeFileSync(options.out, `${JSON.stringify({ model, indexBuild: stack.manifest.buildId, ndcgK: NDCG_K, recallK: RECALL_K, modes, createdAt: new Date().toISOString(), perQuery: outcomes }, round, 1)}\n`);
      console.error(`wrote ${options.out}`);
    }
  } finally {
    await stack.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`bench/heldout-quality: ${isAppError(err) ? err.message : err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

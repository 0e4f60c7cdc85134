import type { SearchMode } from '../../src/search/search.ts';
import { QUERY_KINDS } from './eval-set.ts';
import { meanScores, NDCG_K, RECALL_K, type MeanScores, type QueryOutcome } from './evaluate.ts';

/** Mean scores per mode, overall and per query kind (kinds with no queries left out). */
export interface QualitySummary {
  /** Queries per kind, and in all. */
  counts: Record<string, number>;
  overall: Partial<Record<SearchMode, MeanScores>>;
  byKind: Record<string, Partial<Record<SearchMode, MeanScores>>>;
}

export function summarize(outcomes: readonly QueryOutcome[], modes: readonly SearchMode[]): QualitySummary {
  const perMode = (subset: readonly QueryOutcome[]) => Object.fromEntries(modes.map((m) => [m, meanScores(subset, m)]));
  const byKind: QualitySummary['byKind'] = {};
  const counts: Record<string, number> = { all: outcomes.length };
  for (const kind of QUERY_KINDS) {
    const subset = outcomes.filter((o) => o.kind === kind);
    if (subset.length === 0) continue;
    byKind[kind] = perMode(subset);
    counts[kind] = subset.length;
  }
  return { counts, overall: perMode(outcomes), byKind };
}

const fixed = (x: number) => x.toFixed(3);

/** Markdown table: one row per kind plus "all", NDCG@10 and Recall@100 per mode. */
export function markdownTable(summary: QualitySummary, modes: readonly SearchMode[]): string {
  const header = ['kind', 'n', ...modes.flatMap((m) => [`${m} NDCG@${NDCG_K}`, `${m} R@${RECALL_K}`])];
  const row = (label: string, n: number, scores: Partial<Record<SearchMode, MeanScores>>) =>
    [label, String(n), ...modes.flatMap((m) => [fixed(scores[m]?.ndcg ?? 0), fixed(scores[m]?.recall ?? 0)])];
  const rows = [
    ...Object.entries(summary.byKind).map(([kind, scores]) => row(kind, summary.counts[kind] ?? 0, scores)),
    row('**all**', summary.counts.all ?? 0, summary.overall),
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((h, i) => (i < 2 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** One line per mode with the mean search latency, for a feel of the cost. */
export function latencyLine(summary: QualitySummary, modes: readonly SearchMode[]): string {
  return `mean latency per query: ${modes.map((m) => `${m} ${(summary.overall[m]?.ms ?? 0).toFixed(1)} ms`).join(', ')}`;
}

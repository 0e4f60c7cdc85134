// `aisle eval reranker`'s output: a table for a person, and the next-item JSON shape the issue fixes.
import type { RankingFigures } from '../rerank/eval/metrics.ts';
import type { NextItemResult } from '../rerank/eval/next-item-protocol.ts';
import type { SessionResult } from '../rerank/eval/session-protocol.ts';

type Figures = Pick<RankingFigures, 'hr@10' | 'ndcg@10' | 'mrr'>;

/** `{"users", "hr@10", "ndcg@10", "mrr", "popularity": {…}}`: the model's figures at the top (null without a model). */
export function nextItemJson(r: NextItemResult & { scope?: string }, model: string | undefined) {
  const pick = (f: RankingFigures | undefined): Figures | { 'hr@10': null; 'ndcg@10': null; mrr: null } =>
    f ? { 'hr@10': f['hr@10'], 'ndcg@10': f['ndcg@10'], mrr: f.mrr } : { 'hr@10': null, 'ndcg@10': null, mrr: null };
  const modelFigures = Object.entries(r.rankers).find(([name]) => name !== 'popularity')?.[1];
  return {
    users: r.users, ...pick(modelFigures), popularity: pick(r.rankers.popularity),
    protocol: r.protocol, negatives: r.negatives, model: model ?? null, ...(r.scope ? { scope: r.scope } : {}),
    ndcgGainVsPopularity: Object.values(r.ndcgGain)[0] ?? null,
  };
}

export function evalTable(r: SessionResult | (NextItemResult & { scope?: string }), events: number, seconds: number): string {
  const head = r.protocol === 'session'
    ? [`Session protocol: ${r.searches} searches by ${r.users} held-out shoppers from ${r.testFrom} (${r.coldSearches} without history); ${events} events; ${seconds} s`,
      r.baselineWeight === null ? 'History-mean baseline: no product vectors in this home' : `History-mean baseline weight ${r.baselineWeight} (chosen on other shoppers' earlier searches)`]
    : [`Next-item protocol: ${r.users} ${r.scope ?? 'users'}, target among ${r.negatives} sampled negatives; ${events} events; ${seconds} s`];
  const showIld = Object.values(r.rankers).some((f) => f['ild@10'] !== undefined);
  const rows = Object.entries(r.rankers).map(([name, f]) =>
    `${name.padEnd(40)} ${fmt(f['ndcg@10'])} ${fmt(f['hr@10'])} ${fmt(f.mrr)}${showIld ? ` ${f['ild@10'] == null ? '     n/a' : fmt(f['ild@10'])}` : ''}`);
  return [...head, `${'ranker'.padEnd(40)}  NDCG@10    HR@10      MRR${showIld ? '   ILD@10' : ''}`, ...rows, ...gains(r)].join('\n');
}

/** Session: each ranker's NDCG@10 gain over the baselines on the same searches, with its 95% interval. */
function gains(r: SessionResult | NextItemResult): string[] {
  if (r.protocol !== 'session') {
    return Object.entries(r.ndcgGain).map(([name, g]) => `NDCG@10 gain of ${name} vs popularity: ${g ? `${signed(g.mean)} [${signed(g.ci95[0])}, ${signed(g.ci95[1])}] (95%, paired)` : 'n/a'}`);
  }
  return Object.entries(r.ndcgGain).flatMap(([name, vs]) => Object.entries(vs).map(([baseline, g]) =>
    `NDCG@10 gain of ${name} ${baseline}: ${g ? `${signed(g.mean)} [${signed(g.ci95[0])}, ${signed(g.ci95[1])}] (95%, paired)` : 'n/a'}`));
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
}

function fmt(x: number): string {
  return x.toFixed(4).padStart(8);
}

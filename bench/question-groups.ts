// Grouping unanswered questions by meaning (issue 12 part 5): how well greedy centroid grouping at each cosine
// threshold puts questions about the same help article together, and keeps others apart. Pairwise precision
// (two questions grouped together share their article) and recall (two questions about one article are grouped).
// Chosen on the development set only: bench/dev/help-questions-dev.jsonl, label = the first article named.
// Usage: node --import tsx bench/question-groups.ts [--set FILE] [--model default]
import { readFileSync } from 'node:fs';
import { clusterTexts, type Thresholds } from '../src/analytics/question-groups.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import type { Embedder } from '../src/embed/embedder.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({ set: { type: 'string', default: 'bench/dev/help-questions-dev.jsonl' }, model: { type: 'string', default: 'default' } });
const COSINES = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7];
const JACCARDS = [0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

interface Line { id: string; question: string; articles: string[] }
const lines = readFileSync(flags.set, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line).filter((q) => q.articles.length > 0);

/** Pairwise precision, recall and F1 of a grouping against the article labels. */
async function score(embedder: Embedder | undefined, t: Thresholds): Promise<Row> {
  const clusters = await clusterTexts(lines.map((q) => ({ text: q.question, weight: 1 })), embedder, t);
  const groupOf = new Map<number, number>();
  clusters.forEach((members, g) => members.forEach((i) => groupOf.set(i, g)));
  let together = 0, sameLabel = 0, both = 0;
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length; b++) {
      const grouped = groupOf.get(a) === groupOf.get(b);
      const same = lines[a]!.articles[0] === lines[b]!.articles[0];
      together += grouped ? 1 : 0;
      sameLabel += same ? 1 : 0;
      both += grouped && same ? 1 : 0;
    }
  }
  const precision = together ? both / together : 1;
  const recall = sameLabel ? both / sameLabel : 1;
  return { cosine: t.cosine ?? '-', jaccard: t.jaccard, groups: clusters.length, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

const modelDir = resolveModelDir(flags.model, 'models');
if (!modelDir) throw new Error(`no model ${flags.model} under models/`);
const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 32 });
const rows: Row[] = [];
try {
  for (const jaccard of JACCARDS) {
    rows.push(await score(undefined, { jaccard }));
    for (const cosine of COSINES) rows.push(await score(embedder, { cosine, jaccard }));
  }
  rows.push(await score(embedder, { cosine: 0.5, jaccard: 2 }), await score(embedder, { cosine: 0.55, jaccard: 2 })); // cosine only
} finally {
  await embedder.close();
}
publish('question-groups', [{
  title: `Grouping ${lines.length} development questions (${new Set(lines.map((q) => q.articles[0])).size} articles) by meaning`,
  rows, digits: 3,
  notes: ['Pairwise: precision = grouped pairs that share their (first) article; recall = same-article pairs that were grouped.',
    'cosine "-": words only (no model); jaccard 2: cosine only.'],
}], { set: flags.set, model: flags.model });

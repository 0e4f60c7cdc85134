// Help-centre answers (issue 12): for shoppers' service questions, is the right article first and in the
// top 3, and how often is a wrong article (or any article, for a question the help centre cannot answer)
// quoted confidently. Settings are chosen on bench/dev/help-questions-dev.jsonl (--sweep prints the
// trade-off there); bench/eval/help-questions.jsonl is a test set, looked at only as a figure.
// Usage: node --import tsx bench/help-answers.ts [--set FILE] [--help-centre demo/help-centre] [--model default] [--sweep]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { createHelpCentre } from '../src/support/help-centre.ts';
import { ingestHelpCentre, loadHelpCentre } from '../src/support/help-centre-file.ts';
import { readHelpSource } from '../src/support/help-sources.ts';
import { agrees, answerFromHelpCentre, CONFIDENCE, lexicalStrength } from '../src/support/help-answer.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({
  set: { type: 'string', default: 'bench/dev/help-questions-dev.jsonl' },
  'help-centre': { type: 'string', default: 'demo/help-centre' },
  model: { type: 'string', default: 'default' },
  sweep: { type: 'boolean', default: false },
  misses: { type: 'string', default: '0' },
});

interface Question { id: string; question: string; articles: string[]; style: string; answerable: boolean }
/** `bm25` is the lexical strength the desk reads (BM25 over the square root of the question's distinct words). */
interface Outcome extends Question { top: string[]; similarity: number; bm25: number; agree: boolean; desk: { page: string; confident: boolean; plausible: boolean } }

const questions: Question[] = readFileSync(flags.set, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
  const q = JSON.parse(line) as Question;
  if (!q.id || !q.question || !Array.isArray(q.articles) || q.answerable !== q.articles.length > 0) throw new Error(`${flags.set}:${i + 1}: needs id, question, articles, and answerable = (articles not empty)`);
  return q;
});

const modelDir = resolveModelDir(flags.model, 'models');
if (!modelDir) throw new Error(`no model ${flags.model} under models/`);
const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 32 });
const home = mkdtempSync(path.join(os.tmpdir(), 'aisle-help-bench-'));
const outcomes: Outcome[] = [];
try {
  await ingestHelpCentre(home, readHelpSource(flags['help-centre']), embedder);
  const centre = createHelpCentre(loadHelpCentre(home)!.articles, embedder);
  for (const q of questions) {
    const hits = await centre.search(q.question, 3);
    // What the desk itself decides (a question in the title's own words is answered from that article).
    const answer = await answerFromHelpCentre(centre, q.question);
    const desk = { page: pageOf(answer?.citations[0]?.url ?? ''), confident: answer?.confident ?? false, plausible: answer?.plausible ?? false };
    const c = hits[0]?.components;
    const agree = c ? agrees(c, centre.semantic) : !centre.semantic;
    outcomes.push({ ...q, top: hits.map((h) => pageOf(h.article.url)), similarity: c?.semantic ?? 0, bm25: c ? lexicalStrength(c, q.question) : 0, agree, desk });
  }
} finally {
  await embedder.close();
  rmSync(home, { recursive: true, force: true });
}

/** The article a hit cites, by its page: an FAQ entry cites its article's page (/help/SLUG), so it counts as that article. */
function pageOf(url: string): string {
  return url.replace(/[#?].*$/, '').replace(/\/+$/, '').split('/').at(-1) ?? url;
}

type Bar = { lexical: number; semantic: number };
/** Confident at `bar`: the answer the desk quotes rather than asking which article is meant (as isConfident does). */
const confidentAt = (o: Outcome, bar: Bar) => o.agree && (o.bm25 >= bar.lexical || o.similarity >= bar.semantic);
const rightFirst = (o: Outcome) => o.answerable && o.articles.includes(o.top[0] ?? '');
function measures(bar: Bar): Row {
  const answerable = outcomes.filter((o) => o.answerable);
  const confident = outcomes.filter((o) => confidentAt(o, bar));
  return {
    'BM25/√words bar': bar.lexical,
    'cosine bar': bar.semantic,
    'answered confidently': confident.length / outcomes.length,
    'right article, answered confidently (of answerable)': answerable.filter((o) => confidentAt(o, bar) && rightFirst(o)).length / answerable.length,
    'confident wrong (of all)': confident.filter((o) => !rightFirst(o)).length / outcomes.length,
    'unanswerable answered confidently': outcomes.filter((o) => !o.answerable && confidentAt(o, bar)).length / Math.max(1, outcomes.filter((o) => !o.answerable).length),
  };
}

const deskRight = (o: Outcome) => o.answerable && o.articles.includes(o.desk.page);
const deskRows: Row[] = [{
  'answered confidently': outcomes.filter((o) => o.desk.confident).length / outcomes.length,
  'right article, answered confidently (of answerable)': outcomes.filter((o) => o.desk.confident && deskRight(o)).length / outcomes.filter((o) => o.answerable).length,
  'confident wrong (of all)': outcomes.filter((o) => o.desk.confident && !deskRight(o)).length / outcomes.length,
  'asked which article (of all)': outcomes.filter((o) => !o.desk.confident && o.desk.plausible).length / outcomes.length,
  'asked, and the right article among the three offered (of asked)': outcomes.filter((o) => !o.desk.confident && o.desk.plausible && o.top.some((t) => o.articles.includes(t))).length / Math.max(1, outcomes.filter((o) => !o.desk.confident && o.desk.plausible).length),
  'offered a person instead (of all)': outcomes.filter((o) => !o.desk.confident && !o.desk.plausible).length / outcomes.length,
}];
const answerable = outcomes.filter((o) => o.answerable);
const retrieval: Row[] = [{
  questions: outcomes.length,
  answerable: answerable.length,
  'top 1': answerable.filter(rightFirst).length / answerable.length,
  'top 3': answerable.filter((o) => o.top.some((t) => o.articles.includes(t))).length / answerable.length,
}];
const byStyle: Row[] = [...new Set(answerable.map((o) => o.style))].sort().map((style) => {
  const of = answerable.filter((o) => o.style === style);
  return { style, n: of.length, 'top 1': of.filter(rightFirst).length / of.length, 'top 3': of.filter((o) => o.top.some((t) => o.articles.includes(t))).length / of.length };
});
const bars: Bar[] = flags.sweep
  ? [3, 3.5, 4, 5, 6, 99].flatMap((lexical) => [0.5, 0.55, 0.6, 9].map((semantic) => ({ lexical, semantic })))
  : [CONFIDENCE];
const misses = outcomes.filter((o) => (o.answerable ? !rightFirst(o) : confidentAt(o, CONFIDENCE))).slice(0, Number(flags.misses));
const name = `help-answers-${path.basename(flags.set, '.jsonl')}`;
publish(name, [
  { title: 'Right article (answerable questions)', rows: retrieval, digits: 3 },
  { title: "What the desk does (its own decision: the bars below, and a question in an article title's own words answered from that article)", rows: deskRows, digits: 3 },
  { title: `Confidence${flags.sweep ? ' sweep' : ''} (the desk quotes the best passage when its BM25 per √(question words) or its cosine similarity reaches the bar; else it asks which article is meant; in use: ${JSON.stringify(CONFIDENCE)})`, rows: bars.map(measures), digits: 3 },
  { title: 'By style', rows: byStyle, digits: 3 },
  ...(misses.length ? [{ title: 'Misses', rows: misses.map((o) => ({ id: o.id, question: o.question, labelled: o.articles.join(' ') || '(none)', got: o.top.join(' '), bm25: o.bm25, similarity: o.similarity })), digits: 3 }] : []),
], { outcomes });

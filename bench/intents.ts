// Intent recognition on the held-out set (bench/eval/intents.jsonl, never used for training).
// Usage: node --import tsx bench/intents.ts [--model models/aisle-intents-v1] [--eval bench/eval/intents.jsonl]
import { demoSlotSources } from '../src/demo/demo-slot-sources.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { openIntentClassifier } from '../src/understanding/intent-classifier.ts';
import { evaluateIntents } from '../src/understanding/intent-eval.ts';
import { extractSlots, messageTags } from '../src/understanding/slot-extractor.ts';
import { readUtterances } from '../src/understanding/utterances.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({
  model: { type: 'string', default: 'models/aisle-intents-v1' },
  encoder: { type: 'string', default: 'default' },
  eval: { type: 'string', default: 'bench/eval/intents.jsonl' },
});
const embedder = await openTransformersEmbedder({ modelDir: resolveModelDir(flags.encoder, 'models')!, device: 'cpu' });
const classifier = openIntentClassifier(flags.model, embedder);
const examples = readUtterances(flags.eval);
const sources = demoSlotSources();
const report = await evaluateIntents(classifier, examples, (e) => messageTags(e.text, extractSlots(e.text, sources), sources));
await embedder.close();

const handoff = report.recall.human_agent;
const summary: Row[] = [
  { measure: 'utterances', value: report.examples, target: '≥ 300' },
  { measure: 'intent accuracy ("not sure" counts as wrong)', value: report.accuracy, target: '≥ 0.92' },
  { measure: 'handoff requests recognised (human_agent recall)', value: handoff?.recall ?? 0, target: '≥ 0.97' },
  { measure: 'out-of-scope false accepts', value: report.outOfScopeFalseAccept, target: '≤ 0.10' },
  { measure: 'in-scope answered "not sure"', value: report.notSureRate, target: '' },
  { measure: 'expected calibration error', value: report.calibrationError, target: '' },
];
const perIntent: Row[] = Object.entries(report.recall).sort(([a], [b]) => a.localeCompare(b))
  .map(([intent, r]) => ({ intent, n: r!.n, recall: r!.recall }));
publish('intents', [
  { title: 'Held-out intent evaluation', rows: summary, digits: 3 },
  { title: 'Recall per intent', rows: perIntent, digits: 3 },
  { title: 'Most frequent confusions', rows: report.confusions.map((c) => ({ 'expected → predicted': c.pair, count: c.count })) },
], { report, model: classifier.id });

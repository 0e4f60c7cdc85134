// Intent recognition on every held-out set, through the whole understanding step the dialogs get
// (classifier, slots, the store-words fallback): the project's held-out set, the set written in
// other styles, off-topic requests, and Bitext's dev split (read from its folder, never copied here).
// Usage: node --import tsx bench/intents.ts [--model models/aisle-intents-v2] [--bitext DIR|none]
import { demoSlotSources } from '../demo/demo-slot-sources.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { openIntentClassifier } from '../src/understanding/intent-classifier.ts';
import { createUnderstanding } from '../src/understanding/understand.ts';
import { DEFAULT_BITEXT_DIR } from '../training/bitext.ts';
import { readFlags } from './lib/flags.ts';
import { scoreSet, type SetScore } from './lib/intent-outcomes.ts';
import { loadIntentSets } from './lib/intent-sets.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({
  model: { type: 'string', default: 'models/aisle-intents-v2' },
  encoder: { type: 'string', default: 'default' },
  bitext: { type: 'string', default: DEFAULT_BITEXT_DIR },
});
const embedder = await openTransformersEmbedder({ modelDir: resolveModelDir(flags.encoder, 'models')!, device: 'cpu' });
const classifier = openIntentClassifier(flags.model, embedder);
const understand = createUnderstanding(classifier, demoSlotSources());
const { sets, skipped } = loadIntentSets(flags.bitext);
const scores: Record<string, SetScore> = {};
for (const set of sets) {
  const pairs = [];
  for (const e of set.examples) {
    pairs.push({ label: e.intent, u: await understand(e.text, { previous: e.context.previous, shown: e.context.results ? [{ id: 'p1', title: 'Shown product' }] : [] }) });
  }
  scores[set.name] = scoreSet(pairs);
}
await embedder.close();

const fmt = (v: number | undefined) => (v === undefined ? '' : v);
const summary: Row[] = Object.entries(scores).map(([name, s]) => ({
  set: name, n: s.n, accuracy: s.accuracy, 'handoff recall': fmt(s.handoffRecall), 'false handoffs': s.falseHandoffs,
  'off-topic declined': fmt(s.offTopicDeclined), 'off-topic → store action': fmt(s.offTopicStoreAction),
}));
publish('intents', [
  { title: 'Intent understanding on held-out sets', rows: summary, digits: 3,
    notes: ['Targets: Bitext dev accuracy ≥ 0.93, other-styles accuracy ≥ 0.90, handoff recall ≥ 0.97, false handoffs ≤ 0.02, off-topic declined ≥ 0.85.',
      '"declined": read as out of scope, or "not sure" without store words (the bot asks); "store action": a search or a customer-service flow.',
      ...skipped.map((s) => `skipped ${s}`)] },
  ...Object.entries(scores).map(([name, s]) => ({ title: `Most frequent confusions: ${name}`, rows: s.confusions.map((c) => ({ 'expected → predicted': c.pair, count: c.count })) })),
], { scores, model: classifier.id });

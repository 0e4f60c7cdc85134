// Handoff triggers (issue 12): of messages that should bring a person (asked for in any words, strong
// frustration, threats), how many do at once (handed over, or a person offered), and how many of those that
// should not (goodbyes, negated requests, people merely mentioned, mild annoyance) do. Settings are chosen on
// bench/dev/handoff-triggers-dev.jsonl; bench/eval/handoff-triggers.jsonl is a held-out test set.
// The intent is understanding's own (a person declined, "no agent needed", is no request); frustration is its flag.
// Usage: node --import tsx bench/handoff-triggers.ts [--set FILE] [--model models/aisle-intents-v2]
import { readFileSync } from 'node:fs';
import { demoSlotSources } from '../demo/demo-slot-sources.ts';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { FRUSTRATED, readFrustration } from '../src/understanding/frustration.ts';
import { openIntentClassifier } from '../src/understanding/intent-classifier.ts';
import { createUnderstanding } from '../src/understanding/understand.ts';
import { readFlags } from './lib/flags.ts';
import { publish, type Row } from './lib/report.ts';

const flags = readFlags({
  set: { type: 'string', default: 'bench/dev/handoff-triggers-dev.jsonl' },
  model: { type: 'string', default: 'models/aisle-intents-v2' },
  misses: { type: 'string', default: '0' },
});

interface Example { id: string; text: string; handoff: boolean; why: string; style?: string }
const examples: Example[] = readFileSync(flags.set, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
  const e = JSON.parse(l) as Example;
  if (!e.id || !e.text || typeof e.handoff !== 'boolean') throw new Error(`${flags.set}:${i + 1}: needs id, text and handoff true|false`);
  return e;
});

const embedder = await openTransformersEmbedder({ modelDir: resolveModelDir('default', 'models')!, device: 'cpu' });
const understand = createUnderstanding(openIntentClassifier(flags.model, embedder), demoSlotSources());
/** The intents the dialogs meet with a person at once: a request (handed over or confirmed), a complaint (a person offered). */
const PERSON_INTENTS = new Set(['human_agent', 'complaint']);
const outcomes: Array<Example & { intent: string; confidence: number; frustration: number; byIntent: boolean; byWords: boolean }> = [];
for (const e of examples) {
  const u = await understand(e.text, { shown: [] });
  const frustration = readFrustration(e.text).score;
  outcomes.push({ ...e, intent: u.intent, confidence: u.confidence, frustration, byIntent: PERSON_INTENTS.has(u.intent), byWords: u.frustrated === true });
}
await embedder.close();

type Rule = { name: string; fires: (o: (typeof outcomes)[number]) => boolean };
const rules: Rule[] = [
  { name: 'intent only (human_agent, complaint)', fires: (o) => o.byIntent },
  { name: `intent, or frustration ≥ ${FRUSTRATED}`, fires: (o) => o.byIntent || o.byWords },
];
const should = outcomes.filter((o) => o.handoff);
const shouldNot = outcomes.filter((o) => !o.handoff);
const rows: Row[] = rules.map((r) => ({
  rule: r.name, recall: should.filter(r.fires).length / should.length, 'false triggers': shouldNot.filter(r.fires).length / shouldNot.length,
}));
const inUse = rules[1]!;
const byWhy: Row[] = [...new Set(outcomes.map((o) => o.why))].sort().map((why) => {
  const of = outcomes.filter((o) => o.why === why);
  return { why, n: of.length, 'should trigger': of[0]!.handoff ? 'yes' : 'no', triggered: of.filter(inUse.fires).length / of.length };
});
const misses = outcomes.filter((o) => inUse.fires(o) !== o.handoff).slice(0, Number(flags.misses));
publish(`handoff-triggers-${flags.set.split('/').at(-1)!.replace('.jsonl', '')}`, [
  { title: 'Handoff triggers (targets: recall high, false triggers low)', rows, digits: 3 },
  { title: 'By kind of message (rule in use)', rows: byWhy, digits: 3 },
  ...(misses.length ? [{ title: 'Misses', rows: misses.map((o) => ({ id: o.id, text: o.text, should: String(o.handoff), intent: o.intent, frustration: o.frustration })) }] : []),
], { outcomes });

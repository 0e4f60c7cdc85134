import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_NAMES } from '../../../src/understanding/intents.ts';
import { readUtterances } from '../../../training/intents/utterances.ts';

/** Every labelled file the intent model is trained on: utterances.jsonl and any generated set beside it. */
const TRAINING_DIR = path.resolve('training/intents');
const TRAINING = readdirSync(TRAINING_DIR).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(TRAINING_DIR, f));
/** The held-out sets written apart from training: the project's style, other styles, off-topic requests. */
const EVAL = ['bench/eval/intents.jsonl', 'bench/eval/intents-styled.jsonl'].map((f) => path.resolve(f));
const OFF_TOPIC = path.resolve('bench/eval/off-topic.jsonl');
const MIN_EVAL = 300;
const MIN_EVAL_PER_INTENT = 10;

/** Two messages that differ only in case or spacing are the same message to the classifier. */
const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

describe('intent training and evaluation data', () => {
  // readUtterances refuses a malformed line or an unknown intent with its line number.
  const training = TRAINING.flatMap((file) => readUtterances(file));
  const evaluation = EVAL.flatMap((file) => readUtterances(file));
  const offTopic = readFileSync(OFF_TOPIC, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string });

  it('both sets load', () => {
    expect(TRAINING.map((f) => path.basename(f))).toContain('utterances.jsonl');
    expect(training.length).toBeGreaterThan(0);
    expect(evaluation.length).toBeGreaterThan(0);
  });

  it('the held-out set stays held out: no evaluation message is also a training message', () => {
    const trained = new Set(training.map((u) => key(u.text)));
    const leaked = [...evaluation, ...offTopic].filter((u) => trained.has(key(u.text))).map((u) => u.text);
    expect(leaked, `${leaked.length} evaluation messages are also training messages`).toEqual([]);
  });

  it(`has at least ${MIN_EVAL} evaluation messages and ${MIN_EVAL_PER_INTENT} for every intent`, () => {
    expect(evaluation.length).toBeGreaterThanOrEqual(MIN_EVAL);
    const counts = new Map<string, number>();
    for (const u of evaluation) counts.set(u.intent, (counts.get(u.intent) ?? 0) + 1);
    const short = INTENT_NAMES.filter((intent) => (counts.get(intent) ?? 0) < MIN_EVAL_PER_INTENT).map((intent) => `${intent}: ${counts.get(intent) ?? 0}`);
    expect(short).toEqual([]);
  });

  it('trains every intent', () => {
    const trained = new Set(training.map((u) => u.intent));
    expect(INTENT_NAMES.filter((intent) => !trained.has(intent))).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_BITEXT_DIR, readBitext } from '../../training/bitext.ts';
import { isIntent } from '../../src/understanding/intents.ts';
import { readUtterances, type LabelledUtterance } from '../../training/intents/utterances.ts';

/** A labelled evaluation set; `optional` sets are skipped with a note when their file is absent. */
export interface IntentSet {
  name: string;
  source: string;
  examples: LabelledUtterance[];
}

/** The off-topic set carries a `domain` per line besides the label; only text and label matter here. */
function readOffTopic(file: string): LabelledUtterance[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const { text, intent } = JSON.parse(line) as { text: string; intent: string };
    if (!isIntent(intent)) throw new Error(`${file} line ${i + 1}: unknown intent ${intent}`);
    return { text, intent, context: {} };
  });
}

/** Every evaluation set that exists here: the project's held-out sets and Bitext's dev split. */
export function loadIntentSets(bitextDir = DEFAULT_BITEXT_DIR): { sets: IntentSet[]; skipped: string[] } {
  const sets: IntentSet[] = [];
  const skipped: string[] = [];
  const add = (name: string, source: string, read: () => LabelledUtterance[]) => {
    if (existsSync(source)) sets.push({ name, source, examples: read() });
    else skipped.push(`${name}: ${source} not found`);
  };
  add('held-out (project style)', 'bench/eval/intents.jsonl', () => readUtterances('bench/eval/intents.jsonl'));
  add('held-out (other styles)', 'bench/eval/intents-styled.jsonl', () => readUtterances('bench/eval/intents-styled.jsonl'));
  add('off-topic requests', 'bench/eval/off-topic.jsonl', () => readOffTopic('bench/eval/off-topic.jsonl'));
  if (bitextDir !== 'none') add('Bitext dev split', `${bitextDir}/dev.csv`, () => readBitext(bitextDir, 'dev'));
  return { sets, skipped };
}

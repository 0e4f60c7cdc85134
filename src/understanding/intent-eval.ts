import type { IntentClassifier } from './intent-classifier.ts';
import type { Intent } from './intents.ts';
import type { LabelledUtterance } from './utterances.ts';

export interface IntentReport {
  examples: number;
  /** Share predicted exactly right; a "not sure" counts as wrong. */
  accuracy: number;
  /** Share of in-scope messages answered "not sure". */
  notSureRate: number;
  /** Share of out-of-scope messages taken as some in-scope intent (neither out_of_scope nor "not sure"). */
  outOfScopeFalseAccept: number;
  recall: Partial<Record<Intent, { n: number; recall: number }>>;
  /** The most frequent mistakes, "expected → predicted". */
  confusions: { pair: string; count: number }[];
  /** Expected calibration error over 10 confidence bins. */
  calibrationError: number;
}

export async function evaluateIntents(classifier: IntentClassifier, examples: readonly LabelledUtterance[], tagsOf: (e: LabelledUtterance) => string[]): Promise<IntentReport> {
  const recall: Record<string, { n: number; hit: number }> = {};
  const confusions = new Map<string, number>();
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let correct = 0, notSure = 0, inScope = 0, oos = 0, oosAccepted = 0;
  for (const ex of examples) {
    const p = await classifier.classify(ex.text, ex.context, tagsOf(ex));
    const hit = p.intent === ex.intent;
    const r = (recall[ex.intent] ??= { n: 0, hit: 0 });
    r.n++;
    if (hit) r.hit++, correct++;
    else confusions.set(`${ex.intent} → ${p.intent}`, (confusions.get(`${ex.intent} → ${p.intent}`) ?? 0) + 1);
    if (ex.intent === 'out_of_scope') {
      oos++;
      if (p.intent !== 'out_of_scope' && p.intent !== 'not_sure') oosAccepted++;
    } else {
      inScope++;
      if (p.intent === 'not_sure') notSure++;
    }
    const bin = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
    bin.n++;
    bin.confidence += p.confidence;
    bin.correct += p.ranking[0]!.intent === ex.intent ? 1 : 0;
  }
  const n = examples.length;
  return {
    examples: n,
    accuracy: correct / n,
    notSureRate: inScope ? notSure / inScope : 0,
    outOfScopeFalseAccept: oos ? oosAccepted / oos : 0,
    recall: Object.fromEntries(Object.entries(recall).map(([k, v]) => [k, { n: v.n, recall: v.hit / v.n }])),
    confusions: [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([pair, count]) => ({ pair, count })),
    calibrationError: bins.reduce((sum, b) => sum + (b.n ? Math.abs(b.confidence - b.correct) : 0), 0) / n,
  };
}

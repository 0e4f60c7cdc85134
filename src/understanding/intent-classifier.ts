import type { Embedder } from '../embed/embedder.ts';
import { AppError } from '../errors.ts';
import { loadIntentModel, type IntentManifest } from './intent-artifact.ts';
import { intentFeatures, type IntentContext } from './intent-features.ts';
import { logits, softmax, type IntentWeights } from './intent-model.ts';
import { isIntent, type Intent } from './intents.ts';

export interface IntentPrediction {
  /** 'not_sure' when the best label's calibrated probability is under the model's threshold. */
  intent: Intent | 'not_sure';
  /** Calibrated probability of the best label, even when that label was not acted on. */
  confidence: number;
  /** The three likeliest labels, best first: what a clarifying question can offer. */
  ranking: { intent: Intent; probability: number }[];
}

export interface IntentClassifier {
  readonly id: string;
  /** `tags`: what the store's vocabulary found in the message (messageTags). */
  classify(text: string, context: IntentContext, tags?: readonly string[]): Promise<IntentPrediction>;
}

/** Loads the trained intent model for this encoder; refuses a model trained with another one. */
export function openIntentClassifier(dir: string, embedder: Embedder): IntentClassifier {
  const { manifest, weights } = loadIntentModel(dir, embedder.id);
  return createIntentClassifier(manifest, weights, embedder);
}

export function createIntentClassifier(manifest: Pick<IntentManifest, 'id' | 'temperature' | 'notSureBelow'>, weights: IntentWeights, embedder: Embedder): IntentClassifier {
  const unknown = weights.labels.filter((l) => !isIntent(l));
  if (unknown.length) throw new AppError('ARTIFACT_MISMATCH', `Intent model ${manifest.id} knows labels this version does not (${unknown.join(', ')}): run \`npm run train:intents\`.`);
  const labels = weights.labels as Intent[];
  return {
    id: manifest.id,
    async classify(text, context, tags = []) {
      const inputs = context.previous ? [text, context.previous] : [text];
      const [message, previous] = await embedder.embed(inputs);
      const p = softmax(logits(weights, intentFeatures(message!, previous, context, text, tags)), manifest.temperature);
      const ranking = [...p].map((probability, k) => ({ intent: labels[k]!, probability }))
        .sort((a, b) => b.probability - a.probability).slice(0, 3);
      const best = ranking[0]!;
      return { intent: best.probability < manifest.notSureBelow ? 'not_sure' : best.intent, confidence: best.probability, ranking };
    },
  };
}

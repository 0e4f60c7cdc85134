// Trains the intent model from every training/intents/*.jsonl file with the shipped encoder:
//   npm run train:intents [-- --data FILE[,FILE…] --out DIR --model DIR]
// The generated product searches come from training/intents/generate-product-searches.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { AppError } from '../src/errors.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { saveIntentModel, sha256 } from '../src/understanding/intent-artifact.ts';
import { fitIntentModel } from '../src/understanding/fit-intent-model.ts';
import { readUtterances } from '../src/understanding/utterances.ts';
import { demoSlotSources } from '../src/demo/demo-slot-sources.ts';
import { extractSlots, messageTags } from '../src/understanding/slot-extractor.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '' },
    out: { type: 'string', default: 'models/aisle-intents-v1' },
    model: { type: 'string', default: 'default' },
    'handoff-weight': { type: 'string' },
  },
});
const modelDir = resolveModelDir(values.model!, 'models');
if (!modelDir) throw new AppError('ARTIFACT_MISSING', 'models/DEFAULT names no encoder: pass --model DIR.');
const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 64 });
// By default every .jsonl file in training/intents/: the hand-written utterances and the generated searches.
const files = values.data ? values.data.split(',') : readdirSync('training/intents').filter((f) => f.endsWith('.jsonl')).sort().map((f) => `training/intents/${f}`);
const examples = files.flatMap((f) => readUtterances(f));
const started = Date.now();
const sources = demoSlotSources();
const fitted = await fitIntentModel(embedder, examples, (e) => messageTags(e.text, extractSlots(e.text, sources), sources), undefined,
  values['handoff-weight'] ? Number(values['handoff-weight']) : undefined);
saveIntentModel(values.out!, {
  kind: 'aisle-intents',
  id: path.basename(values.out!),
  encoderId: embedder.id,
  labels: fitted.weights.labels,
  denseSize: fitted.weights.denseSize,
  hashBuckets: fitted.weights.hashBuckets,
  temperature: fitted.temperature,
  notSureBelow: fitted.notSureBelow,
  trainedAt: new Date().toISOString(),
  training: { file: files.join(','), sha256: sha256(Buffer.concat(files.map((f) => readFileSync(f)))), examples: examples.length, crossValidation: fitted.crossValidation },
}, fitted.weights);
await embedder.close();
console.log(`Trained ${values.out} on ${examples.length} utterances in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
  `temperature ${fitted.temperature.toFixed(2)}, not sure below ${fitted.notSureBelow}; cross-validation ${JSON.stringify(fitted.crossValidation)}`);

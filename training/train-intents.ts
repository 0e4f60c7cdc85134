// Trains the intent model from every training/intents/*.jsonl file plus the Bitext customer-service
// training split (read from its folder at training time, never copied into the repository):
//   npm run train:intents [-- --data FILE[,FILE…] --bitext DIR|none --out DIR --model DIR]
// The generated product searches come from training/intents/generate-product-searches.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveModelDir } from '../src/embed/model-dir.ts';
import { AppError } from '../src/errors.ts';
import { openTransformersEmbedder } from '../src/embed/transformers-embedder.ts';
import { saveIntentModel, sha256 } from '../src/understanding/intent-artifact.ts';
import { fitIntentModel } from './intents/fit-intent-model.ts';
import { readUtterances } from './intents/utterances.ts';
import { demoSlotSources } from '../demo/demo-slot-sources.ts';
import { DEFAULT_BITEXT_DIR, readBitext } from './bitext.ts';
import { extractSlots, messageTags } from '../src/understanding/slot-extractor.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '' },
    out: { type: 'string', default: 'models/aisle-intents-v2' },
    bitext: { type: 'string', default: DEFAULT_BITEXT_DIR },
    model: { type: 'string', default: 'default' },
    'handoff-weight': { type: 'string' },
  },
});
const modelDir = resolveModelDir(values.model!, 'models');
if (!modelDir) throw new AppError('ARTIFACT_MISSING', 'models/DEFAULT names no encoder: pass --model DIR.');
const embedder = await openTransformersEmbedder({ modelDir, device: 'cpu', batchSize: 64 });
// By default every .jsonl file in training/intents/: the hand-written utterances and the generated searches.
const files = values.data ? values.data.split(',') : readdirSync('training/intents').filter((f) => f.endsWith('.jsonl')).sort().map((f) => `training/intents/${f}`);
const own = files.flatMap((f) => readUtterances(f));
const bitext = values.bitext === 'none' ? [] : readBitext(values.bitext!, 'train');
const examples = [...own, ...bitext];
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
  training: {
    file: files.join(','), sha256: sha256(Buffer.concat(files.map((f) => readFileSync(f)))), examples: examples.length,
    bitext: bitext.length ? { split: 'train', examples: bitext.length, sha256: sha256(readFileSync(path.join(values.bitext!, 'train.csv'))) } : undefined,
    crossValidation: fitted.crossValidation,
  },
}, fitted.weights);
await embedder.close();
console.log(`Trained ${values.out} on ${examples.length} utterances (${own.length} own, ${bitext.length} Bitext) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
  `temperature ${fitted.temperature.toFixed(2)}, not sure below ${fitted.notSureBelow}; cross-validation ${JSON.stringify(fitted.crossValidation)}`);

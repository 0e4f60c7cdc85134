import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { resolveModelDir } from '../../../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { demoSlotSources } from '../../../demo/demo-slot-sources.ts';
import type { IntentManifest } from '../../../src/understanding/intent-artifact.ts';
import { extractSlots, messageTags } from '../../../src/understanding/slot-extractor.ts';
import { openIntentClassifier, type IntentClassifier } from '../../../src/understanding/intent-classifier.ts';
import { createUnderstanding, type Understanding } from '../../../src/understanding/understand.ts';

const DIR = 'models/aisle-intents-v2';
let embedder: Embedder;
let classifier: IntentClassifier;
// The model reads slot tags as features; the demo store's vocabulary supplies them, as in training.
const sources = demoSlotSources(3000);
const tags = (text: string) => messageTags(text, extractSlots(text, sources), sources);
beforeAll(async () => {
  embedder = await openTransformersEmbedder({ modelDir: resolveModelDir('default', 'models')!, device: 'cpu' });
  classifier = openIntentClassifier(DIR, embedder);
});
afterAll(async () => { await embedder?.close(); });

describe('the shipped intent model', () => {
  it('was trained on the training files as they are now (retrain with npm run train:intents after editing them)', () => {
    const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as IntentManifest;
    const files = readdirSync('training/intents').filter((f) => f.endsWith('.jsonl')).sort().map((f) => `training/intents/${f}`);
    expect(manifest.training.file).toBe(files.join(','));
    const digest = createHash('sha256').update(Buffer.concat(files.map((f) => readFileSync(f)))).digest('hex');
    expect(manifest.training.sha256).toBe(digest);
  });

  it.each([
    ['hi there', 'greeting'],
    ['I want to talk to a real person', 'human_agent'],
    ['a blue linen sofa under $900', 'product_search'],
    ['where is my order 10432?', 'order_status'],
    ['what is your return policy', 'return_policy'],
  ])('reads "%s" as %s', async (text, intent) => {
    expect((await classifier.classify(text, {}, tags(text))).intent).toBe(intent);
  });

  it.each([
    ['not leather', 'refine_results'],
    ['show more', 'show_more'],
    ['now show me dog beds', 'product_search'],
    ['never mind, start over', 'cancel_flow'],
    ["what's in my cart?", 'view_cart'],
  ])('with products on screen, reads "%s" as %s', async (text, intent) => {
    expect((await classifier.classify(text, { previous: 'leather sofas', results: true }, tags(text))).intent).toBe(intent);
  });

  it('reads a follow-up against products on screen as a refinement', async () => {
    const p = await classifier.classify('only in stock', { previous: 'ankle boots', results: true }, tags('only in stock'));
    expect(p.intent).toBe('refine_results');
    expect(p.confidence).toBeGreaterThan(0.5);
  });
});

describe('understanding with the store\'s vocabulary', () => {
  const understand = (text: string) => createUnderstanding(classifier, sources)(text, { shown: [] });
  // What the main dialog searches for: a confident search, or "not sure" with the store's words in it.
  const leadsToSearch = (u: Understanding) => u.intent === 'product_search' || (u.intent === 'not_sure' && u.catalogWords === true);

  it.each(['matress', 'soffa', 'sale', 'nightstnad'])('reads a bare, misspelt or tentatively read product word ("%s") as a search', async (text) => {
    expect(leadsToSearch(await understand(text))).toBe(true);
  });

  it.each([
    ['hi', 'greeting'],
    ['thanks', 'thanks_goodbye'],
    ['help', 'help'],
    ['write a short poem about my new sofa', 'out_of_scope'],
  ])('keeps the model\'s confident or sentence-length reading of "%s" (%s)', async (text, intent) => {
    expect((await understand(text)).intent).toBe(intent);
  });
});

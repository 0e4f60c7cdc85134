import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIntentModel, saveIntentModel, type IntentManifest } from '../../../src/understanding/intent-artifact.ts';
import { emptyWeights, type IntentWeights } from '../../../src/understanding/intent-model.ts';

const ENCODER = 'aisle-encoder-v1@test';
const LABELS = ['product_search', 'greeting', 'order_status'];

function manifest(): Omit<IntentManifest, 'files'> {
  return {
    kind: 'aisle-intents', id: 'intents-test', encoderId: ENCODER, labels: LABELS, denseSize: 4, hashBuckets: 8,
    temperature: 1.7, notSureBelow: 0.4, trainedAt: '2026-01-01T00:00:00.000Z',
    training: { file: 'utterances.jsonl', sha256: 'abc', examples: 3, crossValidation: { accuracy: 1 } },
  };
}

/** Weights with a distinct value in every cell, so a shifted or truncated read shows. */
function weights(): IntentWeights {
  const w = emptyWeights(LABELS, 4, 8);
  let n = 0;
  for (const a of [w.dense, w.sparse, w.bias]) for (let i = 0; i < a.length; i++) a[i] = (n++ % 97) / 8 - 6;
  return w;
}

describe('intent model artifact', () => {
  let dir: string;
  beforeEach(() => { dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'aisle-intents-')), 'model'); });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('loads back exactly what was saved, with the weights file checksummed in the manifest', () => {
    const saved = weights();
    saveIntentModel(dir, manifest(), saved);
    const { manifest: m, weights: w } = loadIntentModel(dir, ENCODER);
    expect(m).toMatchObject(manifest());
    expect(m.files['weights.bin']).toMatchObject({ bytes: (saved.dense.length + saved.sparse.length + saved.bias.length) * 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(w.labels).toEqual(LABELS);
    expect([w.denseSize, w.hashBuckets]).toEqual([4, 8]);
    expect(Array.from(w.dense)).toEqual(Array.from(saved.dense));
    expect(Array.from(w.sparse)).toEqual(Array.from(saved.sparse));
    expect(Array.from(w.bias)).toEqual(Array.from(saved.bias));
  });

  it('refuses a model trained with another encoder, naming both and the command that fixes it', () => {
    saveIntentModel(dir, manifest(), weights());
    expect(() => loadIntentModel(dir, 'some-other-encoder')).toThrow(expect.objectContaining({
      code: 'ARTIFACT_MISMATCH',
      message: expect.stringMatching(/aisle-encoder-v1@test[\s\S]*some-other-encoder[\s\S]*npm run train:intents/),
    }));
  });

  it('refuses a damaged weights file', () => {
    saveIntentModel(dir, manifest(), weights());
    const file = path.join(dir, 'weights.bin');
    const bytes = readFileSync(file);
    bytes[5] = bytes[5]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => loadIntentModel(dir, ENCODER)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISMATCH', message: expect.stringMatching(/damaged[\s\S]*npm run train:intents/) }));
  });

  it('refuses a truncated weights file', () => {
    saveIntentModel(dir, manifest(), weights());
    const file = path.join(dir, 'weights.bin');
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(() => loadIntentModel(dir, ENCODER)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISMATCH' }));
  });

  it('refuses a directory that holds something else', () => {
    saveIntentModel(dir, { ...manifest(), kind: 'not-intents' as 'aisle-intents' }, weights());
    expect(() => loadIntentModel(dir, ENCODER)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISMATCH', message: expect.stringContaining('not an Aisle intent model') }));
  });

  it('reports a missing model as ARTIFACT_MISSING with the command to build it', () => {
    expect(() => loadIntentModel(dir, ENCODER)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISSING', message: expect.stringContaining('npm run train:intents') }));
    saveIntentModel(dir, manifest(), weights());
    rmSync(path.join(dir, 'weights.bin'));
    expect(() => loadIntentModel(dir, ENCODER)).toThrow(expect.objectContaining({ code: 'ARTIFACT_MISSING' }));
  });
});

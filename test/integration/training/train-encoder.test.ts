import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { needs, PYTHON } from '../../support/optional-tools.ts';

/** The training path end to end at toy size: corpus export → PyTorch training → ONNX → TypeScript embedder. */
describe('encoder training (tiny configuration)', needs('pytorch', 'wordnet'), () => {
  let dir: string;
  let out: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-train-'));
    out = path.join(dir, 'encoder');
    execFileSync(process.execPath, ['--import', 'tsx', 'training/export-corpus.ts', path.join(dir, 'products.jsonl'), '--products', '400']);
    execFileSync(PYTHON, ['training/train_encoder.py', '--corpus', path.join(dir, 'products.jsonl'), '--out', out, '--tiny', '--model-id', 'aisle-encoder-ci'], { stdio: 'pipe' });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a model directory transformers.js can load, with a training report', () => {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'training-report.json']) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const report = JSON.parse(readFileSync(path.join(out, 'training-report.json'), 'utf8'));
    expect(report.history.length).toBeGreaterThan(0);
    expect(report.held_out_products.products).toBeGreaterThan(0);
    expect(report.synonym_probe.wordnet_synonym.pairs).toBeGreaterThan(0);
  });

  it("reproduces PyTorch's embeddings through ONNX in TypeScript to 1e-4", async () => {
    const parity = JSON.parse(readFileSync(path.join(out, 'parity.json'), 'utf8')) as { texts: string[]; embeddings: number[][] };
    const embedder = await openTransformersEmbedder({ modelDir: out, device: 'cpu' });
    try {
      expect(embedder.id).toMatch(/^aisle-encoder-ci@/);
      const vectors = await embedder.embed(parity.texts);
      vectors.forEach((v, i) => {
        const expected = parity.embeddings[i]!;
        expect(v.length).toBe(expected.length);
        const worst = Math.max(...Array.from(v, (x, j) => Math.abs(x - expected[j]!)));
        expect(worst, parity.texts[i]).toBeLessThan(1e-4);
      });
    } finally {
      await embedder.close();
    }
  });
});

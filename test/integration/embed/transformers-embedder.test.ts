import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { resolveModelDir } from '../../../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { AppError } from '../../../src/errors.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

describe('transformers embedder (tiny ONNX encoder)', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await openTransformersEmbedder({ modelDir: TINY_MODEL_DIR, device: 'cpu', batchSize: 4 });
  });
  afterAll(() => embedder.close());

  it('reports its dimensions and an id that names the model and its weights', () => {
    expect(embedder.dimensions).toBe(32);
    expect(embedder.id).toMatch(/^aisle-tiny-test@[0-9a-f]{12}$/);
  });

  it('returns one unit-length vector per text, in order, across batches', async () => {
    const texts = ['blue linen sofa', 'waterproof hiking boots', 'Crème brûlée pan', 'dog leash', 'red mug', 'oak desk'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const alone = await embedder.embed(['waterproof hiking boots']);
    expect(Array.from(alone[0]!)).toEqual(Array.from(vectors[1]!).map((x) => expect.closeTo(x, 5)));
  });

  it('gives different texts different vectors', async () => {
    const [a, b] = await embedder.embed(['blue linen sofa', 'stainless steel kettle']);
    expect(Array.from(a!)).not.toEqual(Array.from(b!));
  });
});

describe('model directory resolution', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-models-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs lexical-only when no default model ships or "none" is asked for', () => {
    expect(resolveModelDir('default', dir)).toBeUndefined();
    expect(resolveModelDir('none', dir)).toBeUndefined();
  });

  it('accepts a path to a model directory', () => {
    expect(resolveModelDir(TINY_MODEL_DIR, dir)).toBe(TINY_MODEL_DIR);
  });

  it('names the command that fetches a missing model', () => {
    const err = (() => { try { resolveModelDir('BAAI/bge-small-en-v1.5', dir); } catch (e) { return e; } })() as AppError;
    expect(err.code).toBe('ARTIFACT_MISSING');
    expect(err.message).toContain('aisle models pull BAAI/bge-small-en-v1.5');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchingEmbedder } from '../../../src/embed/batching-embedder.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { resolveModelDir } from '../../../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';

const QUERIES = [
  'sofa', 'blue linen sofa under $900', 'something to keep soup hot at work', 'hedphones',
  'I want to trim the hedge without a cable', 'a gift for my dad who likes board games', 'ipx7 earbuds',
  'need a bday gift for my 6yo nephew he loves dinosaurs', 'waterproof hiking boots size 10', 'oak desk',
];

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0) / (Math.hypot(...a) * Math.hypot(...b));

describe('batching embedder over the shipped encoder', () => {
  let model: Embedder;
  const calls: number[] = [];
  let counted: Embedder;
  beforeAll(async () => {
    model = await openTransformersEmbedder({ modelDir: resolveModelDir('default', 'models')!, device: 'cpu' });
    counted = { ...model, embed: (texts) => (calls.push(texts.length), model.embed(texts)) };
  });
  afterAll(() => model.close());

  it('gives concurrent queries, padded together in one batch, the vectors each gets alone', async () => {
    const alone: Float32Array[] = [];
    for (const q of QUERIES) alone.push((await model.embed([q]))[0]!);
    const batching = createBatchingEmbedder(counted, { maxWaitMs: 5 });
    const together = await Promise.all(QUERIES.map(async (q) => (await batching.embed([q]))[0]!));
    expect(calls).toEqual([QUERIES.length]);
    together.forEach((v, i) => expect(cosine(v, alone[i]!)).toBeGreaterThan(0.99999));
  });
});

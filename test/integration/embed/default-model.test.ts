import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { resolveModelDir } from '../../../src/embed/model-dir.ts';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/** The encoder that ships in models/ and that `npm start` uses. */
describe('shipped default encoder', () => {
  const dir = resolveModelDir('default', path.resolve('models'))!;
  let embedder: Embedder;
  beforeAll(async () => { embedder = await openTransformersEmbedder({ modelDir: dir, device: 'cpu' }); });
  afterAll(() => embedder.close());

  it('is aisle-encoder-v3, 256-dimensional', () => {
    expect(path.basename(dir)).toBe('aisle-encoder-v3');
    expect(embedder.id).toMatch(/^aisle-encoder-v3@[0-9a-f]{12}$/);
    expect(embedder.dimensions).toBe(256);
  });

  it('reproduces the embeddings PyTorch computed at export (1e-4)', async () => {
    const parity = JSON.parse(readFileSync(path.join(dir, 'parity.json'), 'utf8')) as { texts: string[]; embeddings: number[][] };
    const vectors = await embedder.embed(parity.texts);
    vectors.forEach((v, i) => expect(Math.max(...Array.from(v, (x, j) => Math.abs(x - parity.embeddings[i]![j]!)))).toBeLessThan(1e-4));
  });

  it('puts a query closer to the product it means than to an unrelated one', async () => {
    const [query, sofa, kettle] = await embedder.embed([
      'comfy couch for the living room',
      'Harbor Linen Sofa. Category: Furniture > Living Room > Sofas. Three-seat sofa with deep cushions.',
      'Electric Kettle. Category: Kitchen > Small Appliances. Boils water fast.',
    ]);
    expect(dot(query!, sofa!)).toBeGreaterThan(dot(query!, kettle!) + 0.1);
  });
});

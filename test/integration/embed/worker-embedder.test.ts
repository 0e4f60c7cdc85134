import { describe, expect, it } from 'vitest';
import { openTransformersEmbedder } from '../../../src/embed/transformers-embedder.ts';
import { openWorkerEmbedder } from '../../../src/embed/worker-embedder.ts';
import { TINY_MODEL_DIR } from '../../support/tiny-model.ts';

describe('the encoder on its own thread', () => {
  it('gives the same vectors and id as in-process, for concurrent callers in their order', async () => {
    const options = { modelDir: TINY_MODEL_DIR, device: 'cpu' as const, threads: 1 };
    const [worker, direct] = await Promise.all([openWorkerEmbedder(options), openTransformersEmbedder(options)]);
    try {
      expect(worker.id).toBe(direct.id);
      expect(worker.dimensions).toBe(direct.dimensions);
      const texts = ['blue linen sofa', 'a kettle', '', 'x'.repeat(3000)];
      const [one, two, expected] = await Promise.all([worker.embed(texts), worker.embed(texts.slice(0, 2)), direct.embed(texts)]);
      expect(one.map((v) => [...v])).toEqual(expected.map((v) => [...v]));
      expect(two.map((v) => [...v])).toEqual(expected.slice(0, 2).map((v) => [...v]));
    } finally {
      await Promise.all([worker.close(), direct.close()]);
    }
  });

  it('refuses a model it cannot load with the same error as in-process, and leaves no thread behind', async () => {
    await expect(openWorkerEmbedder({ modelDir: '/nonexistent/model', device: 'cpu' })).rejects.toMatchObject({ code: 'ARTIFACT_MISSING' });
  });
});

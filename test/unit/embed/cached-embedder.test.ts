import { describe, expect, it } from 'vitest';
import { createCachedEmbedder } from '../../../src/embed/cached-embedder.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';

/** Counts what reaches the model; each text becomes a vector holding its length. */
function countingEmbedder() {
  const seen: string[][] = [];
  const inner: Embedder = {
    id: 'counting', dimensions: 1,
    embed: async (texts) => { seen.push([...texts]); return texts.map((t) => Float32Array.of(t.length)); },
    close: async () => {},
  };
  return { inner, seen };
}

describe('createCachedEmbedder', () => {
  it('encodes each string once, in order, however often it is asked for', async () => {
    const { inner, seen } = countingEmbedder();
    const cached = createCachedEmbedder(inner);
    const first = await cached.embed(['sofa', 'blue sofa', 'sofa']);
    expect(first.map((v) => v[0])).toEqual([4, 9, 4]);
    await cached.embed(['blue sofa', 'lamp']);
    expect(seen).toEqual([['sofa', 'blue sofa'], ['lamp']]);
  });

  it('forgets the least recently used strings past its capacity', async () => {
    const { inner, seen } = countingEmbedder();
    const cached = createCachedEmbedder(inner, 2);
    await cached.embed(['a']);
    await cached.embed(['b']);
    await cached.embed(['a']); // a is now the most recent
    await cached.embed(['c']); // evicts b
    await cached.embed(['a', 'b']);
    expect(seen).toEqual([['a'], ['b'], ['c'], ['b']]);
    expect(cached.id).toBe('counting');
  });
});

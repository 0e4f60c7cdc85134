import type { Embedder } from './embedder.ts';

/**
 * An embedder that remembers its most recent vectors, so a turn encodes each string once: the
 * previous message the intent model reads was embedded on the turn before, and a refinement's
 * words often repeat. Least recently used entries go first. Vectors are shared: never mutate them.
 */
export function createCachedEmbedder(inner: Embedder, capacity = 1024): Embedder {
  const cache = new Map<string, Float32Array>();
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    embed: (texts) => embedCached(inner, cache, capacity, texts),
    close: () => inner.close(),
  };
}

async function embedCached(inner: Embedder, cache: Map<string, Float32Array>, capacity: number, texts: readonly string[]): Promise<Float32Array[]> {
  const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
  if (missing.length) {
    const vectors = await inner.embed(missing);
    missing.forEach((t, i) => cache.set(t, vectors[i]!));
  }
  const out = texts.map((t) => {
    const v = cache.get(t)!;
    // Re-inserting marks it most recently used; the oldest entries are evicted past capacity.
    cache.delete(t);
    cache.set(t, v);
    return v;
  });
  for (const key of cache.keys()) {
    if (cache.size <= capacity) break;
    cache.delete(key);
  }
  return out;
}

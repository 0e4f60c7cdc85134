import { describe, expect, it } from 'vitest';
import { createBatchingEmbedder } from '../../../src/embed/batching-embedder.ts';
import type { Embedder } from '../../../src/embed/embedder.ts';
import { AppError, httpStatus } from '../../../src/errors.ts';

/** Each text becomes its character codes, so a vector says which text it was made from. */
const encode = (t: string) => Float32Array.from([...t].map((c) => c.charCodeAt(0)));
const decode = (v: Float32Array) => String.fromCharCode(...v);

/** Records every model call; a call finishes only when the test opens the gate. */
function gatedEmbedder() {
  const calls: string[][] = [];
  let open: () => void = () => {};
  let gate = new Promise<void>((r) => (open = r));
  let failNext: Error | undefined;
  const inner: Embedder = {
    id: 'gated', dimensions: 0,
    async embed(texts) {
      calls.push([...texts]);
      await gate;
      if (failNext) {
        const err = failNext;
        failNext = undefined;
        throw err;
      }
      return texts.map(encode);
    },
    close: async () => {},
  };
  return {
    inner, calls,
    release() {
      open();
      gate = new Promise<void>((r) => (open = r));
    },
    failWith(err: Error) { failNext = err; },
  };
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe('createBatchingEmbedder', () => {
  it('embeds concurrent calls in one model call and hands each caller its own vectors, in order', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 2 });
    const a = batching.embed(['blue sofa']);
    const b = batching.embed(['oak desk', 'red mug']);
    const c = batching.embed(['lamp']);
    await tick();
    expect(model.calls).toEqual([['blue sofa', 'oak desk', 'red mug', 'lamp']]);
    model.release();
    expect((await a).map(decode)).toEqual(['blue sofa']);
    expect((await b).map(decode)).toEqual(['oak desk', 'red mug']);
    expect((await c).map(decode)).toEqual(['lamp']);
    expect(batching.id).toBe('gated');
  });

  it('gathers what arrives while the model is busy into the next batch, cut at maxBatch', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 1, maxBatch: 3 });
    const first = batching.embed(['a']);
    await tick();
    const later = ['b', 'c', 'd', 'e'].map((t) => batching.embed([t]));
    await tick();
    expect(model.calls).toEqual([['a']]);
    model.release();
    await first;
    await tick();
    expect(model.calls).toEqual([['a'], ['b', 'c', 'd']]);
    model.release();
    await tick();
    model.release();
    expect((await Promise.all(later)).map(([v]) => decode(v!))).toEqual(['b', 'c', 'd', 'e']);
    expect(model.calls).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('embeds a text once when several callers ask for it, waiting or already running', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 1 });
    const first = batching.embed(['sofa', 'sofa']);
    const second = batching.embed(['sofa']);
    await tick();
    const whileRunning = batching.embed(['sofa', 'lamp']);
    model.release();
    await tick();
    model.release();
    expect((await first).map(decode)).toEqual(['sofa', 'sofa']);
    expect((await second).map(decode)).toEqual(['sofa']);
    expect((await whileRunning).map(decode)).toEqual(['sofa', 'lamp']);
    expect(model.calls).toEqual([['sofa'], ['lamp']]);
  });

  it('gives every caller in a failed batch the error, and keeps serving afterwards', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 1 });
    const boom = new Error('onnx failed');
    model.failWith(boom);
    const calls = [batching.embed(['a']), batching.embed(['b', 'c'])];
    await tick();
    model.release();
    for (const call of calls) await expect(call).rejects.toBe(boom);
    const after = batching.embed(['d']);
    await tick();
    model.release();
    expect((await after).map(decode)).toEqual(['d']);
  });

  it('fails fast with UNAVAILABLE (HTTP 503) when too many texts wait', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 1, maxBatch: 2, maxQueued: 3 });
    const running = batching.embed(['a', 'b']);
    await tick();
    const queued = batching.embed(['c', 'd', 'e']);
    const refused = await batching.embed(['f']).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(httpStatus[(refused as AppError).code]).toBe(503);
    // A text already queued costs no room: asking for it again is not refused.
    const again = batching.embed(['c']);
    for (let i = 0; i < 3; i++) {
      model.release();
      await tick();
    }
    expect((await running).map(decode)).toEqual(['a', 'b']);
    expect((await queued).map(decode)).toEqual(['c', 'd', 'e']);
    expect((await again).map(decode)).toEqual(['c']);
  });

  it('refuses what is still waiting when closed, after letting the running batch finish', async () => {
    const model = gatedEmbedder();
    const batching = createBatchingEmbedder(model.inner, { maxWaitMs: 1, maxBatch: 1 });
    const running = batching.embed(['a']);
    await tick();
    const waiting = batching.embed(['b']);
    const closed = batching.close();
    model.release();
    await closed;
    expect((await running).map(decode)).toEqual(['a']);
    await expect(waiting).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(batching.embed(['c'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

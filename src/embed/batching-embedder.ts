import { AppError } from '../errors.ts';
import type { Embedder } from './embedder.ts';

export interface BatchingOptions {
  /** Longest an idle encoder waits for more texts before it runs a batch, in ms. */
  maxWaitMs?: number;
  /** Most texts in one model call. */
  maxBatch?: number;
  /** Texts waiting for the model beyond which embed() fails at once with UNAVAILABLE (HTTP 503). */
  maxQueued?: number;
}

export const BATCHING_DEFAULTS: Required<BatchingOptions> = { maxWaitMs: 2, maxBatch: 32, maxQueued: 256 };

interface Waiter {
  promise: Promise<Float32Array>;
  resolve(vector: Float32Array): void;
  reject(err: unknown): void;
}

interface Queue {
  /** Texts not yet sent to the model, in arrival order; each one once. */
  waiting: Map<string, Waiter>;
  /** Texts in the batch the model is running now. */
  running: Map<string, Waiter>;
  timer?: NodeJS.Timeout;
  /** The model call in progress, if any: one at a time, since a second would only queue inside the runtime. */
  current?: Promise<void>;
  closed: boolean;
}

/**
 * Coalesces concurrent embed() calls into one model call: texts that arrive while the model is
 * busy, or within `maxWaitMs` of each other when it is idle, go in the next batch. On a CPU a batch
 * costs less per text than single calls, and a queue of one-text calls would make the fiftieth
 * caller wait for forty-nine runs. A text already waiting or running is not embedded twice.
 */
export function createBatchingEmbedder(inner: Embedder, options: BatchingOptions = {}): Embedder {
  const o = { ...BATCHING_DEFAULTS, ...options };
  const queue: Queue = { waiting: new Map(), running: new Map(), closed: false };
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    embed: (texts) => enqueue(inner, queue, o, texts),
    close: () => closeQueue(inner, queue),
  };
}

function enqueue(inner: Embedder, queue: Queue, o: Required<BatchingOptions>, texts: readonly string[]): Promise<Float32Array[]> {
  if (queue.closed) return Promise.reject(new AppError('UNAVAILABLE', 'The text encoder is shut down.'));
  const fresh = new Set(texts.filter((t) => !queue.waiting.has(t) && !queue.running.has(t)));
  if (queue.waiting.size + fresh.size > o.maxQueued) {
    return Promise.reject(new AppError('UNAVAILABLE', `The text encoder is busy (${queue.waiting.size} texts queued); try again in a moment.`));
  }
  for (const text of fresh) queue.waiting.set(text, waiter());
  const vectors = Promise.all(texts.map((t) => (queue.running.get(t) ?? queue.waiting.get(t))!.promise));
  schedule(inner, queue, o);
  return vectors;
}

/** Runs now when a full batch waits; otherwise starts the idle wait, unless a batch is running (its end flushes). */
function schedule(inner: Embedder, queue: Queue, o: Required<BatchingOptions>): void {
  if (queue.current || queue.waiting.size === 0) return;
  if (queue.waiting.size >= o.maxBatch) startBatch(inner, queue, o);
  else queue.timer ??= setTimeout(() => startBatch(inner, queue, o), o.maxWaitMs);
}

function startBatch(inner: Embedder, queue: Queue, o: Required<BatchingOptions>): void {
  clearTimeout(queue.timer);
  queue.timer = undefined;
  queue.current = runBatch(inner, queue, o).finally(() => {
    queue.current = undefined;
    // What arrived while the model ran has waited long enough: run it at once.
    if (queue.waiting.size > 0) startBatch(inner, queue, o);
  });
}

async function runBatch(inner: Embedder, queue: Queue, o: Required<BatchingOptions>): Promise<void> {
  const texts = [...queue.waiting.keys()].slice(0, o.maxBatch);
  for (const text of texts) {
    queue.running.set(text, queue.waiting.get(text)!);
    queue.waiting.delete(text);
  }
  try {
    const vectors = await inner.embed(texts);
    if (vectors.length !== texts.length) throw new AppError('INTERNAL', `The encoder returned ${vectors.length} vectors for ${texts.length} texts.`);
    texts.forEach((t, i) => queue.running.get(t)!.resolve(vectors[i]!));
  } catch (err) {
    // Every caller whose text was in the failed batch hears about it; later batches still run.
    for (const t of texts) queue.running.get(t)!.reject(err);
  } finally {
    queue.running.clear();
  }
}

async function closeQueue(inner: Embedder, queue: Queue): Promise<void> {
  queue.closed = true;
  clearTimeout(queue.timer);
  const closed = new AppError('UNAVAILABLE', 'The text encoder is shut down.');
  for (const w of queue.waiting.values()) w.reject(closed);
  queue.waiting.clear();
  await queue.current;
  await inner.close();
}

function waiter(): Waiter {
  let resolve!: (v: Float32Array) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<Float32Array>((res, rej) => { resolve = res; reject = rej; });
  // A caller may have given up (its request failed another way): a rejection nobody awaits is not a crash.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import type { TransformersEmbedderOptions } from './transformers-embedder.ts';

type Reply =
  | { kind: 'ready'; id: string; dimensions: number }
  | { kind: 'done'; seq: number; vectors: Float32Array[] }
  | { kind: 'failed'; seq: number; error: { code?: ErrorCode; message: string } };

/**
 * The encoder on a thread of its own, for a server: onnxruntime-node runs a forward pass on the
 * thread that calls it, so in-process every query's encoding held up every other request's
 * retrieval and HTTP work on the one main thread (docs/benchmarks.md, "Hybrid search under load").
 * Same vectors and id as the in-process embedder; one more thread and its own copy of the model.
 */
export async function openWorkerEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const worker = startWorker(options);
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  let seq = 0;
  let broken: Error | undefined;
  let exited = false;
  worker.once('exit', () => (exited = true));
  const ready = new Promise<{ id: string; dimensions: number }>((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'ready') return resolve(reply);
      const waiter = pending.get(reply.seq);
      if (reply.seq === -1) return reject(asError(reply.kind === 'failed' ? reply.error : { message: 'the encoder thread failed to start' }));
      if (!waiter) return;
      pending.delete(reply.seq);
      if (reply.kind === 'done') waiter.resolve(reply.vectors);
      else waiter.reject(asError(reply.error));
    });
    // A crashed thread fails every waiting request and every later one, with a message that says so.
    const fail = (err: Error) => {
      broken = new AppError('UNAVAILABLE', `The encoder thread stopped (${err.message}); restart the server.`, { cause: err });
      for (const waiter of pending.values()) waiter.reject(broken);
      pending.clear();
      reject(broken);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0) fail(new Error(`exit code ${code}`)); });
  });
  let info: { id: string; dimensions: number };
  try {
    info = await ready;
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return {
    id: info.id,
    dimensions: info.dimensions,
    embed(texts) {
      if (broken) return Promise.reject(broken);
      const id = seq++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'embed', seq: id, texts: [...texts] });
      });
    },
    async close() {
      if (exited) return; // a crashed thread is gone already
      const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'close' });
      await gone;
    },
  };
}

/**
 * The build runs the compiled worker. The sources (development, tests) run under tsx, whose loader a
 * worker does not inherit and `execArgv: ['--import', 'tsx']` registers too late for the worker's own
 * file: a two-line bootstrap registers it, then imports the worker.
 */
function startWorker(options: TransformersEmbedderOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embed-worker.js', import.meta.url), { workerData: options });
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = new URL('./embed-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

function asError(e: { code?: ErrorCode; message: string }): Error {
  return e.code ? new AppError(e.code, e.message) : new Error(e.message);
}

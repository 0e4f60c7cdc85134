// The encoder's own thread (see worker-embedder.ts): opens the model once, then answers embed requests
// in order. Only messages cross the boundary: texts in, vectors (copied) or an error's code and message out.
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../errors.ts';
import { openTransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.ts';

type Request = { kind: 'embed'; seq: number; texts: string[] } | { kind: 'close' };

const port = parentPort!;
try {
  const embedder = await openTransformersEmbedder(workerData as TransformersEmbedderOptions);
  port.postMessage({ kind: 'ready', id: embedder.id, dimensions: embedder.dimensions });
  port.on('message', async (request: Request) => {
    if (request.kind === 'close') {
      await embedder.close();
      port.close();
      return;
    }
    try {
      port.postMessage({ kind: 'done', seq: request.seq, vectors: await embedder.embed(request.texts) });
    } catch (err) {
      port.postMessage({ kind: 'failed', seq: request.seq, error: describe(err) });
    }
  });
} catch (err) {
  port.postMessage({ kind: 'failed', seq: -1, error: describe(err) });
}

function describe(err: unknown) {
  return { code: isAppError(err) ? err.code : undefined, message: (err as Error).message };
}

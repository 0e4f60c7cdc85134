// The only importer of @huggingface/transformers: model loading, tokenising and pooling live here.
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { forwardBatches } from './forward-batches.ts';
import { embedderId } from './model-dir.ts';

export interface TransformersEmbedderOptions {
  /** A directory holding config.json, tokenizer.json and onnx/model.onnx. */
  modelDir: string;
  device: 'cpu' | 'cuda';
  /** Texts per forward pass; bigger batches are faster per text and use more memory. */
  batchSize?: number;
  /** ONNX Runtime threads inside one operator; 0 or absent: one per physical core. */
  threads?: number;
}

/** A WordPiece token is about four characters of English. */
const CHARS_PER_TOKEN = 4;

/** Loads a local ONNX model for feature extraction: mean pooling, L2-normalised output. */
export async function openTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelDir, device } = options;
  // Never reach for the hub at run time: models arrive through `aisle models pull` or by hand.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(path.resolve(modelDir)) + path.sep;
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', path.basename(modelDir), { device, dtype: 'fp32', session_options: sessionOptions(options) });
  } catch (cause) {
    const hint = device === 'cuda' ? ' CUDA needs the GPU build of onnxruntime-node (README, "GPU").'
      : ' Check that it is a feature-extraction ONNX export (models/README.md).';
    throw new AppError('ARTIFACT_MISSING', `Could not load the embedding model in ${modelDir} on ${device}: ${(cause as Error).message}.${hint}`, { cause });
  }
  const batchSize = options.batchSize ?? 32;
  const run = async (texts: readonly string[]): Promise<Float32Array[]> => {
    const output = await extractor([...texts], { pooling: 'mean', normalize: true });
    const [rows, dims] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dims, (i + 1) * dims));
  };
  // Characters stand in for tokens when grouping texts by length (tokenising twice would cost more);
  // past the model's limit every text is truncated to the same length.
  const maxChars = CHARS_PER_TOKEN * (Number(extractor.tokenizer.model_max_length) || 512);
  let dimensions: number;
  try {
    dimensions = (await run(['dimension probe']))[0]!.length;
  } catch (cause) {
    await extractor.dispose();
    throw new AppError('ARTIFACT_MISMATCH', `The model in ${modelDir} loads but cannot embed text: ${(cause as Error).message}. Re-export it (models/README.md).`, { cause });
  }
  return {
    id: embedderId(modelDir),
    dimensions,
    async embed(texts) {
      const vectors = new Array<Float32Array>(texts.length);
      for (const batch of forwardBatches(texts.map((t) => Math.min(t.length, maxChars)), batchSize)) {
        const out = await run(batch.map((i) => texts[i]!));
        batch.forEach((i, j) => (vectors[i] = out[j]!));
      }
      return vectors;
    },
    async close() {
      await extractor.dispose();
    },
  };
}

/** onnxruntime-node session options as transformers.js passes them on (`session_options`). */
function sessionOptions(o: TransformersEmbedderOptions) {
  return o.threads ? { intraOpNumThreads: o.threads, interOpNumThreads: 1 } : {};
}

// The only importer of @huggingface/transformers: model loading, tokenising and pooling live here.
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { AppError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { embedderId } from './model-dir.ts';

export interface TransformersEmbedderOptions {
  /** A directory holding config.json, tokenizer.json and onnx/model.onnx. */
  modelDir: string;
  device: 'cpu' | 'cuda';
  /** Texts per forward pass; bigger batches are faster per text and use more memory. */
  batchSize?: number;
}

/** Loads a local ONNX model for feature extraction: mean pooling, L2-normalised output. */
export async function openTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelDir, device } = options;
  // Never reach for the hub at run time: models arrive through `aisle models pull` or by hand.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(path.resolve(modelDir)) + path.sep;
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', path.basename(modelDir), { device, dtype: 'fp32' });
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
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) vectors.push(...(await run(texts.slice(i, i + batchSize))));
      return vectors;
    },
    async close() {
      await extractor.dispose();
    },
  };
}

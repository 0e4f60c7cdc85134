// The only importer of the model runtime: @huggingface/tokenizers (the tokenizer transformers.js bundles)
// and onnxruntime-node. It repeats transformers.js's feature-extraction pipeline step for step, so its
// vectors are bit-identical to it, without loading transformers.js itself: that bundle imports the image
// library sharp at load time, ~0.15 s of every cold start for a text encoder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { forwardBatches } from './forward-batches.ts';
import { embedderId } from './model-dir.ts';

export interface TransformersEmbedderOptions {
  /** A directory holding config.json, tokenizer.json, onnx/model.onnx and usually tokenizer_config.json. */
  modelDir: string;
  device: 'cpu' | 'cuda';
  /** Texts per forward pass; bigger batches are faster per text and use more memory. */
  batchSize?: number;
  /** ONNX Runtime threads inside one operator; 0 or absent: one per physical core. */
  threads?: number;
}

/** A WordPiece token is about four characters of English. */
const CHARS_PER_TOKEN = 4;
/** ONNX Runtime logs errors only, as transformers.js sets it at its default log level. */
const ORT_LOG_ERRORS = 3;

/** Loads a local ONNX model for feature extraction: mean pooling, L2-normalised output. */
export async function openTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelDir, device } = options;
  let encoder: Encoder;
  try {
    encoder = await openEncoder(options);
  } catch (cause) {
    const hint = device === 'cuda' ? ' CUDA needs the GPU build of onnxruntime-node (README, "GPU").'
      : ' Check that it is a feature-extraction ONNX export (models/README.md).';
    throw new AppError('ARTIFACT_MISSING', `Could not load the embedding model in ${modelDir} on ${device}: ${(cause as Error).message}.${hint}`, { cause });
  }
  const batchSize = options.batchSize ?? 32;
  // Characters stand in for tokens when grouping texts by length (tokenising twice would cost more);
  // past the model's limit every text is truncated to the same length.
  const maxChars = CHARS_PER_TOKEN * (Number.isFinite(encoder.maxTokens) ? encoder.maxTokens : 512);
  let dimensions: number;
  try {
    dimensions = (await embedBatch(encoder, ['dimension probe']))[0]!.length;
  } catch (cause) {
    await encoder.session.release();
    throw new AppError('ARTIFACT_MISMATCH', `The model in ${modelDir} loads but cannot embed text: ${(cause as Error).message}. Re-export it (models/README.md).`, { cause });
  }
  return {
    id: embedderId(modelDir),
    dimensions,
    async embed(texts) {
      const vectors = new Array<Float32Array>(texts.length);
      for (const batch of forwardBatches(texts.map((t) => Math.min(t.length, maxChars)), batchSize)) {
        const out = await embedBatch(encoder, batch.map((i) => texts[i]!));
        batch.forEach((i, j) => (vectors[i] = out[j]!));
      }
      return vectors;
    },
    async close() {
      await encoder.session.release();
    },
  };
}

interface Encoder {
  tokenizer: Tokenizer;
  session: InferenceSession;
  /** The tokenizer's `model_max_length`; Infinity when it sets none. */
  maxTokens: number;
  padId: number;
  padLeft: boolean;
}

interface TokenizerConfig { model_max_length?: number; padding_side?: string; pad_token?: unknown; eos_token?: unknown }

async function openEncoder(o: TransformersEmbedderOptions): Promise<Encoder> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(o.modelDir, file), 'utf8')) as object;
  const config = (existsSync(path.join(o.modelDir, 'tokenizer_config.json')) ? read('tokenizer_config.json') : {}) as TokenizerConfig;
  const tokenizer = new Tokenizer(read('tokenizer.json'), config);
  const session = await InferenceSession.create(path.join(o.modelDir, 'onnx', 'model.onnx'), {
    logSeverityLevel: ORT_LOG_ERRORS,
    executionProviders: [o.device],
    ...(o.threads ? { intraOpNumThreads: o.threads, interOpNumThreads: 1 } : {}),
  });
  const padToken = tokenName(config.pad_token) ?? tokenName(config.eos_token);
  return {
    tokenizer, session,
    maxTokens: config.model_max_length ?? Infinity,
    padId: (padToken === undefined ? undefined : tokenizer.token_to_id(padToken)) ?? 0,
    padLeft: config.padding_side === 'left',
  };
}

/** A special token as tokenizer_config.json names it: a string or an AddedToken object. */
function tokenName(token: unknown): string | undefined {
  if (typeof token === 'string' && token) return token;
  if (token && typeof token === 'object' && 'content' in token) return String(token.content);
  return undefined;
}

/** transformers.js's `extractor(texts, { pooling: 'mean', normalize: true })`, step for step. */
async function embedBatch(encoder: Encoder, texts: readonly string[]): Promise<Float32Array[]> {
  const { input_ids, attention_mask, token_type_ids, dims } = tokenizeBatch(encoder, texts);
  const feeds: Record<string, Tensor> = { input_ids, attention_mask, token_type_ids };
  const inputs = Object.fromEntries(encoder.session.inputNames.map((name) => [name, feeds[name]!]));
  const outputs = await encoder.session.run(inputs);
  const hidden = outputs[encoder.session.outputNames[0]!]!;
  try {
    const pooled = meanPool(hidden.data as Float32Array, hidden.dims as readonly number[], attention_mask.data as BigInt64Array);
    normalizeRows(pooled, dims[0]);
    const width = pooled.length / dims[0];
    return Array.from({ length: dims[0] }, (_, i) => pooled.slice(i * width, (i + 1) * width));
  } finally {
    for (const tensor of Object.values(outputs)) tensor.dispose();
  }
}

/** Padded to the longest text (at most maxTokens), longer ones cut there, as transformers.js does. */
function tokenizeBatch(encoder: Encoder, texts: readonly string[]) {
  const encoded = texts.map((text) => encoder.tokenizer.encode(text, { return_token_type_ids: true }));
  const length = Math.min(Math.max(...encoded.map((e) => e.ids.length)), encoder.maxTokens);
  const ids = new BigInt64Array(texts.length * length);
  const mask = new BigInt64Array(texts.length * length);
  const types = new BigInt64Array(texts.length * length);
  encoded.forEach((e, row) => {
    const n = Math.min(e.ids.length, length);
    const start = row * length + (encoder.padLeft ? length - n : 0);
    ids.fill(BigInt(encoder.padId), row * length, (row + 1) * length);
    for (let j = 0; j < n; j++) {
      ids[start + j] = BigInt(e.ids[j]!);
      mask[start + j] = BigInt(e.attention_mask[j]!);
      types[start + j] = BigInt(e.token_type_ids?.[j] ?? 0);
    }
  });
  const dims = [texts.length, length] as const;
  return { input_ids: new Tensor('int64', ids, dims), attention_mask: new Tensor('int64', mask, dims), token_type_ids: new Tensor('int64', types, dims), dims };
}

/** Mean over the unmasked tokens, summed in doubles and stored as float32 (transformers.js `mean_pooling`). */
function meanPool(hidden: Float32Array, [rows, tokens, width]: readonly number[], mask: BigInt64Array): Float32Array {
  const out = new Float32Array(rows! * width!);
  for (let i = 0; i < rows!; i++) {
    for (let k = 0; k < width!; k++) {
      let sum = 0;
      let count = 0;
      for (let j = 0; j < tokens!; j++) {
        const m = Number(mask[i * tokens! + j]);
        count += m;
        sum += hidden[i * width! * tokens! + k + j * width!]! * m;
      }
      out[i * width! + k] = sum / count;
    }
  }
  return out;
}

/** In place; the norm is accumulated in float32, as transformers.js `Tensor.normalize(2, -1)` does. */
function normalizeRows(data: Float32Array, rows: number): void {
  const width = data.length / rows;
  const norms = new Float32Array(rows);
  for (let i = 0; i < data.length; i++) norms[Math.floor(i / width)] = norms[Math.floor(i / width)]! + data[i]! ** 2;
  for (let r = 0; r < rows; r++) norms[r] = norms[r]! ** 0.5;
  for (let i = 0; i < data.length; i++) data[i] = data[i]! / norms[Math.floor(i / width)]!;
}

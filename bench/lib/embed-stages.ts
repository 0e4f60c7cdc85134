// Splits embedding time into its stages. This is the bench's only importer of
// @huggingface/transformers: it repeats, step by step, what the feature-extraction pipeline
// behind src/embed/transformers-embedder.ts does in one call (tokenise, ONNX forward, mean-pool + normalise).
import path from 'node:path';
import { AutoModel, AutoTokenizer, env, mean_pooling, type Tensor } from '@huggingface/transformers';

export interface StageTimes {
  batchSize: number;
  tokenizeSeconds: number;
  forwardSeconds: number;
  poolSeconds: number;
  /** Mean tokens per text fed to the model, after truncation. */
  tokensKept: number;
}

/** Loads the tokenizer and the ONNX model from `modelDir` the way the embedder does (local files only, CPU, fp32). */
export async function openStages(modelDir: string) {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = path.dirname(path.resolve(modelDir)) + path.sep;
  const name = path.basename(modelDir);
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const model = await AutoModel.from_pretrained(name, { device: 'cpu', dtype: 'fp32' });

  /** Times each stage over all texts, one batch at a time. */
  async function time(texts: readonly string[], batchSize: number): Promise<StageTimes> {
    const t = { batchSize, tokenizeSeconds: 0, forwardSeconds: 0, poolSeconds: 0, tokensKept: 0 };
    for (let i = 0; i < texts.length; i += batchSize) {
      let start = performance.now();
      const inputs = tokenizer(texts.slice(i, i + batchSize), { padding: true, truncation: true });
      t.tokenizeSeconds += (performance.now() - start) / 1000;
      start = performance.now();
      const output = (await model(inputs)) as { last_hidden_state: Tensor };
      t.forwardSeconds += (performance.now() - start) / 1000;
      start = performance.now();
      mean_pooling(output.last_hidden_state, inputs.attention_mask as Tensor).normalize(2, -1);
      t.poolSeconds += (performance.now() - start) / 1000;
      t.tokensKept += sumOf(inputs.attention_mask as Tensor);
    }
    return { ...t, tokensKept: t.tokensKept / texts.length };
  }

  /** Mean tokens per text before truncation: what the tokenizer works through to keep `tokensKept`. */
  function tokensBeforeTruncation(texts: readonly string[]): number {
    const lengths = texts.map((text) => tokenizer.encode(text).length);
    return lengths.reduce((s, n) => s + n, 0) / Math.max(texts.length, 1);
  }

  return { time, tokensBeforeTruncation, close: () => model.dispose() };
}

function sumOf(mask: Tensor): number {
  let total = 0;
  for (const v of mask.data as BigInt64Array) total += Number(v);
  return total;
}

// Scores parity inputs with onnxruntime-node, as the server will: node onnx_scores.mjs MODEL PARITY_JSON.
// Prints {"dims": [...], "data": [...]} for training/tests/test_reranker.py to compare with PyTorch.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';

const INT64 = new Set(['cand_id', 'hist_id', 'hist_kind', 'hist_gap']);
const [modelPath, parityPath] = process.argv.slice(2);
const parity = JSON.parse(readFileSync(parityPath, 'utf8'));
const feeds = {};
for (const [name, { shape, data }] of Object.entries(parity.inputs)) {
  feeds[name] = INT64.has(name)
    ? new ort.Tensor('int64', BigInt64Array.from(data, (v) => BigInt(v)), shape)
    : new ort.Tensor('float32', Float32Array.from(data), shape);
}
const session = await ort.InferenceSession.create(modelPath);
const { score } = await session.run(feeds);
process.stdout.write(JSON.stringify({ dims: score.dims, data: Array.from(score.data) }));

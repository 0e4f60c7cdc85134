import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { IntentWeights } from './intent-model.ts';

/** What `models/<intent model>/manifest.json` records; checked against the encoder at start-up. */
export interface IntentManifest {
  kind: 'aisle-intents';
  id: string;
  /** The embedder the features were computed with; another one would feed the weights nonsense. */
  encoderId: string;
  labels: string[];
  denseSize: number;
  hashBuckets: number;
  /** Divides the logits before the softmax; fitted on cross-validated predictions. */
  temperature: number;
  /** Below this calibrated probability the answer is "not sure". */
  notSureBelow: number;
  trainedAt: string;
  training: {
    file: string; sha256: string; examples: number;
    /** The third-party Bitext split trained on beside the project's files, when it was. */
    bitext?: { split: string; examples: number; sha256: string };
    crossValidation: Record<string, number>;
  };
  files: Record<string, { bytes: number; sha256: string }>;
}

const WEIGHTS = 'weights.bin';

export function saveIntentModel(dir: string, manifest: Omit<IntentManifest, 'files'>, w: IntentWeights): void {
  const parts = [w.dense, w.sparse, w.bias].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const bytes = Buffer.concat(parts);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, WEIGHTS), bytes);
  const full: IntentManifest = { ...manifest, files: { [WEIGHTS]: { bytes: bytes.length, sha256: sha256(bytes) } } };
  const tmp = path.join(dir, 'manifest.json.tmp');
  writeFileSync(tmp, JSON.stringify(full, null, 2) + '\n');
  renameSync(tmp, path.join(dir, 'manifest.json'));
}

/** Reads and checks an intent model; every refusal names the command that fixes it. */
export function loadIntentModel(dir: string, encoderId: string): { manifest: IntentManifest; weights: IntentWeights } {
  const retrain = `run \`npm run train:intents\` (it writes ${dir})`;
  let manifest: IntentManifest;
  let bytes: Buffer;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as IntentManifest;
    bytes = readFileSync(path.join(dir, WEIGHTS));
  } catch (cause) {
    throw new AppError('ARTIFACT_MISSING', `No intent model in ${dir}: ${retrain}.`, { cause });
  }
  if (manifest.kind !== 'aisle-intents') throw new AppError('ARTIFACT_MISMATCH', `${dir} is not an Aisle intent model: ${retrain}.`);
  if (manifest.encoderId !== encoderId) {
    throw new AppError('ARTIFACT_MISMATCH', `The intent model in ${dir} was trained with encoder ${manifest.encoderId}, but the configured encoder is ${encoderId}: ${retrain}.`);
  }
  if (manifest.files[WEIGHTS]?.sha256 !== sha256(bytes)) throw new AppError('ARTIFACT_MISMATCH', `${path.join(dir, WEIGHTS)} is damaged: ${retrain}.`);
  const c = manifest.labels.length;
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const denseEnd = c * manifest.denseSize;
  const sparseEnd = denseEnd + manifest.hashBuckets * c;
  return {
    manifest,
    weights: {
      labels: manifest.labels, denseSize: manifest.denseSize, hashBuckets: manifest.hashBuckets,
      dense: floats.subarray(0, denseEnd), sparse: floats.subarray(denseEnd, sparseEnd), bias: floats.subarray(sparseEnd, sparseEnd + c),
    },
  };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

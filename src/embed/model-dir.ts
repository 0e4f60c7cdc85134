import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** Files transformers.js needs to run a feature-extraction model from disk. */
export const requiredModelFiles = ['config.json', 'tokenizer.json', 'onnx/model.onnx'] as const;

/**
 * Finds the model directory for a `model` setting: 'none' turns semantic search off, 'default'
 * reads models/DEFAULT (absent until a default encoder ships), anything else is a path or a
 * name under models/ (hub ids like BAAI/bge-small-en-v1.5 land there via `aisle models pull`).
 * Returns undefined when search should run lexical-only.
 */
export function resolveModelDir(model: string, modelsDir: string): string | undefined {
  if (model === 'none') return undefined;
  if (model === 'default') {
    const pointer = path.join(modelsDir, 'DEFAULT');
    if (!existsSync(pointer)) return undefined;
    return checkModelDir(path.join(modelsDir, readFileSync(pointer, 'utf8').trim()));
  }
  const candidates = [path.resolve(model), path.join(modelsDir, model)];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) {
    throw new AppError('ARTIFACT_MISSING',
      `Model "${model}" is neither a directory nor in ${modelsDir}. Run \`aisle models pull ${model}\` ` +
      'on a machine with internet, or copy a Hugging Face ONNX model directory there.');
  }
  return checkModelDir(found);
}

function checkModelDir(dir: string): string {
  const missing = requiredModelFiles.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new AppError('ARTIFACT_MISSING',
      `Model directory ${dir} lacks ${missing.join(', ')}. Re-download it with \`aisle models pull <hub-id>\` ` +
      'or export it again (see models/README.md).');
  }
  return dir;
}

/**
 * Model name plus a digest of its weights: a re-exported model with new weights gets a new id. Needs
 * no model runtime, so whether an index is current is known without loading the model.
 */
export function embedderId(modelDir: string): string {
  const config = JSON.parse(readFileSync(path.join(modelDir, 'config.json'), 'utf8')) as { aisle_model_id?: string };
  const digest = createHash('sha256').update(readFileSync(path.join(modelDir, 'onnx', 'model.onnx'))).digest('hex');
  return `${config.aisle_model_id ?? path.basename(modelDir)}@${digest.slice(0, 12)}`;
}

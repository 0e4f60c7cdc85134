import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** Files the embedder needs to run a feature-extraction model from disk (tokenizer_config.json too, when present). */
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
  return `${config.aisle_model_id ?? path.basename(modelDir)}@${weightsDigest(path.join(modelDir, 'onnx', 'model.onnx')).slice(0, 12)}`;
}

/** Beside the weights: their sha256 and the size and mtime it was computed at. */
export const DIGEST_SIDECAR_SUFFIX = '.sha256.json';

/**
 * sha256 (hex) of a weights file, remembered in a sidecar file while the file's size, mtime and inode
 * are unchanged, so a cold start does not hash 28 MB; a sidecar that cannot be written (a read-only
 * model directory) only means hashing every time.
 */
function weightsDigest(file: string): string {
  const stat = statSync(file, { bigint: true });
  const key = `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
  const sidecar = file + DIGEST_SIDECAR_SUFFIX;
  try {
    const saved = JSON.parse(readFileSync(sidecar, 'utf8')) as { key?: string; sha256?: string };
    if (saved.key === key && typeof saved.sha256 === 'string') return saved.sha256;
  } catch { /* absent or unreadable: hash below */ }
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  try {
    const temp = `${sidecar}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, sha256 }) + '\n');
    renameSync(temp, sidecar);
  } catch { /* read-only: the next start hashes again */ }
  return sha256;
}

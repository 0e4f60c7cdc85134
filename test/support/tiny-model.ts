import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The tiny random encoder the tests embed with (1 layer, 32 dimensions, ~100 KB), committed so that the
 * tests need no PyTorch. Rebuild it with training/make_tiny_model.py (test/README.md).
 */
export const TINY_MODEL_DIR = path.resolve('test/fixtures/models/tiny-encoder');

/** Fails the run up front, naming the fix, rather than in every test that loads the model. */
export function checkTinyModel(): void {
  if (existsSync(path.join(TINY_MODEL_DIR, 'onnx', 'model.onnx'))) return;
  throw new Error(`The tiny test encoder is missing from ${TINY_MODEL_DIR}: restore it from git, or rebuild it with /usr/bin/python3 training/make_tiny_model.py (test/README.md).`);
}

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The tiny random encoder the tests embed with; made by training/make_tiny_model.py (PyTorch). */
export const TINY_MODEL_DIR = path.resolve('test/.cache/tiny-encoder');

/** Builds the tiny model once per checkout (a few seconds); later runs reuse it. */
export function ensureTinyModel(): string {
  if (existsSync(path.join(TINY_MODEL_DIR, 'onnx', 'model.onnx'))) return TINY_MODEL_DIR;
  try {
    execFileSync('/usr/bin/python3', ['training/make_tiny_model.py', TINY_MODEL_DIR], { stdio: 'pipe' });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not build the tiny test model with /usr/bin/python3 (needs Debian's python3-torch: apt-get install python3-torch).\n${stderr}`);
  }
  return TINY_MODEL_DIR;
}

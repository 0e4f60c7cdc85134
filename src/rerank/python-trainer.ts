// Runs training/train_reranker.py: the one place the TypeScript side starts PyTorch.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError } from '../errors.ts';

/** Debian's interpreter, the one training/ is written for (python3-torch is packaged for it). */
export const DEFAULT_PYTHON = '/usr/bin/python3';
export const INSTALL_PYTORCH = 'apt-get install python3-torch python3-onnx libopenblas0-pthread';

/** Refuses, saying how to install, when `python` is missing or cannot import torch and onnx. */
export function checkPyTorch(python: string): void {
  const probe = spawnSync(python, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
  if (probe.error) {
    throw new AppError('UNAVAILABLE', `Training the reranker needs Python with PyTorch, and there is no ${python} (${probe.error.message}): ${INSTALL_PYTORCH}, or pass --python PATH.`);
  }
  if (probe.status !== 0) {
    const why = probe.stderr.trim().split('\n').at(-1) ?? '';
    throw new AppError('UNAVAILABLE', `Training the reranker needs PyTorch and ONNX for ${python} (${why}): ${INSTALL_PYTORCH} (Debian), or pass --python PATH of an interpreter that has them.`);
  }
}

/** Runs `script args` under `python`, handing each output line to `onLine`; fails with the last lines when it fails. */
export async function runTrainer(python: string, script: string, args: readonly string[], onLine: (line: string) => void): Promise<void> {
  const child = spawn(python, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const follow = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 8) tail.shift();
      onLine(line);
    });
  follow(child.stdout);
  follow(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status));
  });
  if (code !== 0) throw new AppError('INTERNAL', `Reranker training failed (exit ${code}): ${tail.join(' | ')}`);
}

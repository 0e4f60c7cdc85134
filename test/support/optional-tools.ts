import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { inject, type TestOptions } from 'vitest';

/**
 * Tools outside npm that some tests need. `npm ci && npm test` passes without them: those tests are
 * reported as skipped, with the reason. `.ci/run` installs them all and fails the run on any skip.
 */
export type OptionalTool = 'python3' | 'pytorch' | 'wordnet' | 'browser';

/** What each tool is and how to install it, for the skip report. */
export const TOOL_INSTALL: Record<OptionalTool, string> = {
  python3: "Debian's /usr/bin/python3 (apt-get install python3)",
  pytorch: 'PyTorch and ONNX for /usr/bin/python3 (apt-get install python3-torch python3-onnx libopenblas0-pthread)',
  wordnet: 'WordNet 3.0 in /usr/share/wordnet (apt-get install wordnet-base)',
  browser: 'a Chromium or Chrome on PATH (apt-get install chromium)',
};

/** The interpreter the training code is written for; tests that shell out to Python use this one. */
export const PYTHON = '/usr/bin/python3';

declare module 'vitest' {
  interface ProvidedContext {
    optionalTools: OptionalTool[];
  }
  interface TaskMeta {
    /** Set on a test skipped because these tools are missing. */
    missingTools?: OptionalTool[];
  }
}

/**
 * Looks for every tool once (global setup; importing torch takes a second or two).
 * `hidden` pretends the named tools are absent, so the skip path can be tested on a machine that has them.
 */
export function detectOptionalTools(hidden: readonly string[] = []): OptionalTool[] {
  const found: OptionalTool[] = [];
  const python = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
  if (!python.error) found.push('python3');
  if (python.status === 0) found.push('pytorch');
  if (existsSync('/usr/share/wordnet/data.noun')) found.push('wordnet');
  if (onPath(['chromium', 'chromium-browser', 'google-chrome'])) found.push('browser');
  return found.filter((tool) => !hidden.includes(tool));
}

function onPath(names: readonly string[]): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => names.some((name) => existsSync(path.join(dir, name))));
}

/**
 * Options for a `describe` or `it` that runs only when every tool is present, e.g.
 * `describe('encoder training', needs('pytorch', 'wordnet'), () => …)`. Otherwise its tests are skipped
 * and carry the missing tools in `meta`, which test/support/skip-report.ts prints.
 */
export function needs(...tools: OptionalTool[]): TestOptions {
  const present = inject('optionalTools');
  const missing = tools.filter((tool) => !present.includes(tool));
  return missing.length === 0 ? {} : { skip: true, meta: { missingTools: missing } };
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inject, type TestOptions } from 'vitest';
import { findBrowser, HOW_TO_INSTALL, type FoundBrowser } from './find-browser.ts';

/**
 * Tools that `npm ci` does not bring everywhere and some tests need. `npm ci && npm test` passes without
 * them: those tests are reported as skipped, with the reason. `.ci/run` installs them all and fails the run on any skip.
 */
export type OptionalTool = 'python3' | 'pytorch' | 'wordnet' | 'browser';

/** What each tool is and how to install it, for the skip report. */
export const TOOL_INSTALL: Record<OptionalTool, string> = {
  python3: "Debian's /usr/bin/python3 (apt-get install python3)",
  pytorch: 'PyTorch and ONNX for /usr/bin/python3 (apt-get install python3-torch python3-onnx libopenblas0-pthread)',
  wordnet: 'WordNet 3.0 in /usr/share/wordnet (apt-get install wordnet-base)',
  browser: `a Chromium (test/support/find-browser.ts): ${HOW_TO_INSTALL}`,
};

/** The interpreter the training code is written for; tests that shell out to Python use this one. */
export const PYTHON = '/usr/bin/python3';

declare module 'vitest' {
  interface ProvidedContext {
    optionalTools: OptionalTool[];
    /** Why each missing tool is missing, where there is more to say than "not installed". */
    optionalToolNotes: Partial<Record<OptionalTool, string>>;
    /** The Chromium the browser tests start; null when 'browser' is missing. */
    testBrowser: FoundBrowser | null;
  }
  interface TaskMeta {
    /** Set on a test skipped because these tools are missing. */
    missingTools?: OptionalTool[];
    /** Why, for the skip report (e.g. which browsers were looked for). */
    missingToolNotes?: string[];
  }
}

/** What global setup found, for `project.provide`. */
export interface DetectedTools {
  present: OptionalTool[];
  notes: Partial<Record<OptionalTool, string>>;
  browser: FoundBrowser | null;
}

/**
 * Looks for every tool once (global setup; importing torch takes a second or two, unpacking the npm
 * Chromium the first time about as long). `hidden` pretends the named tools are absent, so the skip
 * path can be tested on a machine that has them.
 */
export async function detectOptionalTools(hidden: readonly string[] = []): Promise<DetectedTools> {
  const found: OptionalTool[] = [];
  const notes: DetectedTools['notes'] = {};
  const python = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { encoding: 'utf8' });
  if (!python.error) found.push('python3');
  if (python.status === 0) found.push('pytorch');
  if (existsSync('/usr/share/wordnet/data.noun')) found.push('wordnet');
  let browser: FoundBrowser | null = null;
  if (hidden.includes('browser')) notes.browser = 'hidden by AISLE_TEST_WITHOUT';
  else {
    const search = await findBrowser();
    if ('found' in search) {
      browser = search.found;
      found.push('browser');
    } else notes.browser = search.missing;
  }
  return { present: found.filter((tool) => !hidden.includes(tool)), notes, browser };
}

/**
 * Options for a `describe` or `it` that runs only when every tool is present, e.g.
 * `describe('encoder training', needs('pytorch', 'wordnet'), () => …)`. Otherwise its tests are skipped
 * and carry the missing tools in `meta`, which test/support/skip-report.ts prints.
 */
export function needs(...tools: OptionalTool[]): TestOptions {
  const present = inject('optionalTools');
  const missing = tools.filter((tool) => !present.includes(tool));
  if (missing.length === 0) return {};
  const notes = inject('optionalToolNotes');
  const missingToolNotes = missing.flatMap((tool) => (notes[tool] ? [`${tool}: ${notes[tool]}`] : []));
  return { skip: true, meta: { missingTools: missing, missingToolNotes } };
}

/** The Chromium global setup found, for a test declared with `needs('browser')`. */
export function testBrowser(): FoundBrowser {
  const found = inject('testBrowser');
  if (!found) throw new Error("testBrowser() outside needs('browser'): no browser was found");
  return found;
}

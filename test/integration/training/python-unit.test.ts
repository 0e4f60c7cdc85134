import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { needs, PYTHON } from '../../support/optional-tools.ts';

/**
 * The Python unit tests under training/tests, so `npm test` covers the training code too.
 * `^OK$` also fails on "OK (skipped=N)": with the tools present, no Python test may skip either.
 */
describe('training/ Python unit tests (WordPiece, WordNet, warm start)', needs('pytorch', 'wordnet'), () => {
  it('pass under Debian python3', () => {
    const run = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'training/tests', '-t', '.'], {
      encoding: 'utf8',
    });
    // unittest reports on stderr; show it when something failed.
    expect(run.error).toBeUndefined();
    expect({ status: run.status, output: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, output: '' });
    expect(run.stderr).toMatch(/^OK$/m);
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The Python unit tests under training/tests, so `npm test` covers the training code too. */
describe('training/ Python unit tests (WordPiece, WordNet)', () => {
  it('pass under Debian python3 (WordNet tests need apt-get install wordnet-base)', () => {
    const run = spawnSync('/usr/bin/python3', ['-m', 'unittest', 'discover', '-s', 'training/tests', '-t', '.'], {
      encoding: 'utf8',
    });
    // unittest reports on stderr; show it when something failed.
    expect(run.error).toBeUndefined();
    expect({ status: run.status, output: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, output: '' });
    expect(run.stderr).toMatch(/^OK$/m);
  }, 120_000);
});

import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModelStore } from '../../../src/rerank/model-store.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { writeRerankerVersion } from '../../support/reranker-version.ts';

const homes: string[] = [];
afterEach(() => homes.splice(0).forEach((home) => rmSync(home, { recursive: true, force: true })));

/** v1 (fine) and v2 (previous: v1) active, v2 then broken the way `broken` says. */
function homeWithBrokenActive(broken: 'missing-model' | 'features'): string {
  const home = tempHome();
  homes.push(home);
  writeRerankerVersion(home, 'v1-202611291200');
  writeRerankerVersion(home, 'v2-202611291300', { previous: 'v1-202611291200', ...(broken === 'features' ? { manifest: { features: 8 as 12 } } : {}) });
  const store = openModelStore(home);
  if (broken === 'missing-model') unlinkSync(path.join(store.root, 'v2-202611291300', 'model.onnx'));
  // switchTo refuses a broken target, so CURRENT is written by hand, as a copy or a half-finished training leaves it.
  writeFileSync(path.join(store.root, 'CURRENT'), 'v2-202611291300\n');
  return home;
}

describe('aisle reranker with a broken active version', () => {
  it('status lists the versions and marks the active one broken, with the reason and the fix', async () => {
    const home = homeWithBrokenActive('missing-model');
    const run = await runCli(['reranker', 'status', '--home', home]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Active reranker: v2-202611291300 \(BROKEN: .*no model\.onnx.*\)\n.*aisle reranker rollback.*\nVersions: v1-202611291200, v2-202611291300\n$/);
    const json = await runCli(['reranker', 'status', '--home', home, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ active: 'v2-202611291300', versions: ['v1-202611291200', 'v2-202611291300'], broken: expect.stringMatching(/no model\.onnx/) });
  });

  it.each(['missing-model', 'features'] as const)('rollback switches from a broken version (%s) to its previous', async (broken) => {
    const home = homeWithBrokenActive(broken);
    const run = await runCli(['reranker', 'rollback', '--home', home]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Rolled back from v2-202611291300 to v1-202611291200/);
    expect(openModelStore(home).current()?.version).toBe('v1-202611291200');
  });
});

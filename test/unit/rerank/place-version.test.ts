import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RerankerManifest } from '../../../src/rerank/model-store.ts';
import { placeVersion } from '../../../src/rerank/train-reranker.ts';

// Two training runs finishing together pick the same version name: the second must take the next one, not fail.
describe('placing a trained version', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'aisle-place-'));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const manifestFor = (name: string) => ({ version: name }) as unknown as RerankerManifest;

  it('takes the next name when another run placed a version under the first one meanwhile', () => {
    mkdirSync(path.join(root, 'v3-202611291200'), { recursive: true });
    writeFileSync(path.join(root, 'v3-202611291200', 'manifest.json'), '{"version":"v3-202611291200"}');
    const staging = mkdtempSync(path.join(root, '.staging-'));
    const store = { root, nextVersion: () => 'v4-202611291200' };
    const placed = placeVersion(store, staging, 'v3-202611291200', manifestFor, new Date());
    expect(placed).toBe('v4-202611291200');
    expect(JSON.parse(readFileSync(path.join(root, placed, 'manifest.json'), 'utf8')).version).toBe('v4-202611291200');
    expect(JSON.parse(readFileSync(path.join(root, 'v3-202611291200', 'manifest.json'), 'utf8')).version).toBe('v3-202611291200');
  });
});

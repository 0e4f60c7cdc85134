import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIGEST_SIDECAR_SUFFIX, embedderId } from '../../../src/embed/model-dir.ts';

describe('embedderId', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-embedder-id-'));
  const weights = path.join(dir, 'onnx', 'model.onnx');
  mkdirSync(path.dirname(weights));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ aisle_model_id: 'm' }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

  it('names the weights by their sha256, remembered beside them, and notices new weights', () => {
    writeFileSync(weights, 'weights one');
    expect(embedderId(dir)).toBe(`m@${sha('weights one')}`);
    expect(existsSync(weights + DIGEST_SIDECAR_SUFFIX)).toBe(true);
    expect(embedderId(dir)).toBe(`m@${sha('weights one')}`);
    writeFileSync(weights, 'weights two, longer');
    expect(embedderId(dir)).toBe(`m@${sha('weights two, longer')}`);
  });

  it('ignores a sidecar that does not describe the file', () => {
    writeFileSync(weights, 'weights three');
    writeFileSync(weights + DIGEST_SIDECAR_SUFFIX, JSON.stringify({ key: 'stale', sha256: 'f'.repeat(64) }));
    expect(embedderId(dir)).toBe(`m@${sha('weights three')}`);
  });
});

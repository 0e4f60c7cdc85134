import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FORMAT, RERANKER_DIR, type RerankerManifest } from '../../src/rerank/model-store.ts';
import { FEATURE_COUNT } from '../../src/rerank/features.ts';

/** Writes HOME/reranker/<version>/ with a manifest (fields overridable), items.tsv and the given model bytes. */
export function writeRerankerVersion(
  home: string,
  version: string,
  options: { previous?: string | null; model?: Buffer; items?: string; manifest?: Partial<RerankerManifest> } = {},
): string {
  const dir = path.join(home, RERANKER_DIR, version);
  mkdirSync(dir, { recursive: true });
  const manifest: RerankerManifest = {
    format: MANIFEST_FORMAT, version, created: '2026-11-29T12:00:00Z',
    data: { from: null, to: null, events: 0, users: 0, searches: 0 },
    params: {}, content_dim: 0, history_len: 50, features: FEATURE_COUNT, max_items: 1000, item_ids: 'vocab',
    metrics: {}, previous: options.previous ?? null, ...options.manifest,
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'model.onnx'), options.model ?? Buffer.from('not a model'));
  writeFileSync(path.join(dir, 'items.tsv'), options.items ?? 'product_id\tindex\tpopularity\n');
  return dir;
}

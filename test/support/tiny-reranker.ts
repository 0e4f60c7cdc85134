import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { RERANKER_DIR } from '../../src/rerank/model-store.ts';

/**
 * The committed deterministic reranker (training/make_tiny_reranker.py): score = cosine of the candidate's vector
 * to the recency-weighted mean of the history's vectors + 0.5 × the history's share in the candidate's category.
 */
export const TINY_RERANKER = path.resolve('test/fixtures/models/reranker-tiny/v1-202611290000');
export const TINY_RERANKER_VERSION = path.basename(TINY_RERANKER);

/** Copies the tiny reranker into HOME/reranker/ (not yet active: `openModelStore(home).switchTo(...)`). */
export function installTinyReranker(home: string): string {
  const dir = path.join(home, RERANKER_DIR, TINY_RERANKER_VERSION);
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(TINY_RERANKER, dir, { recursive: true });
  return TINY_RERANKER_VERSION;
}

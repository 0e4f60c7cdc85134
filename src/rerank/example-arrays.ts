// Writes a planned example set as the little-endian arrays train_reranker.py reads (contract: "Training
// examples"). Every number comes from features.ts, the builder serving uses, so training sees what serving sends.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURE_COUNT, gapBucket, historySlots, itemIndex, kindCode, summariseHistory, writeCandidateFeatures, type ItemFacts, type ItemTable } from './features.ts';
import type { HistoryEvent } from './reranker.ts';
import type { ExamplePlan } from './training-examples.ts';
import { idRows } from './item-table.ts';

export const EXAMPLES_FORMAT = 'aisle-reranker-examples/1';

export interface ArraySources {
  facts(id: string): ItemFacts | undefined;
  /** Product vector (length contentDim); undefined when the product has none. */
  vector(id: string): Float32Array | undefined;
  /** Dc; 0 = ids only (no vector files are written). */
  contentDim: number;
  /** Embedding of each distinct query (only read when contentDim > 0). */
  queryVectors: ReadonlyMap<string, Float32Array>;
  historyLen: number;
}

export interface ExamplesMeta {
  format: typeof EXAMPLES_FORMAT;
  mode: ExamplePlan['mode'];
  searches: number;
  candidates: number;
  items: number;
  history_len: number;
  content_dim: number;
  features: number;
  id_rows: number;
  train: number;
  valid: number;
}

/** Writes meta.json and the arrays into `dir` (which must exist); returns the meta. */
export function writeExampleArrays(dir: string, plan: ExamplePlan, sources: ArraySources): ExamplesMeta {
  const b = plan.specs.length;
  // A loop, not Math.max(...spread): a 200,000-event log gives 150,000+ examples, past the argument limit.
  const c = plan.specs.reduce((m, s) => Math.max(m, s.candidates.length), 1);
  const h = sources.historyLen;
  const rows = new Map<string, number>();
  const row = (id: string) => rows.get(id) ?? (rows.set(id, rows.size + 1), rows.size);
  const a = {
    cand_item: new Int32Array(b * c), cand_feat: new Float32Array(b * c * FEATURE_COUNT), label: new Float32Array(b * c).fill(-1),
    hist_item: new Int32Array(b * h), hist_kind: new BigInt64Array(b * h), hist_gap: new BigInt64Array(b * h), split: new Uint8Array(b),
  };
  // Training examples see popularity as it stood at their time; validation the training window's, as serving does.
  const running = new Map<string, number>();
  const trainItems: ItemTable = { ...plan.table, popularity: running };
  let next = 0;
  // Feature 11 (cosine to the history's mean vector) only for a content model, as serving computes it.
  const content = sources.contentDim > 0 ? { vector: sources.vector } : {};
  plan.specs.forEach((spec, i) => {
    const t = spec.at.getTime();
    for (; next < plan.popular.length && plan.popular[next]!.t < t; next++) {
      const p = plan.popular[next]!.product;
      running.set(p, (running.get(p) ?? 0) + 1);
    }
    const items = spec.valid ? plan.table : trainItems;
    const slots = historySlots(recentBefore(plan.histories.get(spec.user), t, h), spec.at, h);
    slots.forEach((e, j) => {
      a.hist_item[i * h + j] = row(e.product);
      a.hist_kind[i * h + j] = BigInt(kindCode(e.kind));
      a.hist_gap[i * h + j] = BigInt(gapBucket(t - e.at.getTime()));
    });
    const summary = summariseHistory(slots, { facts: sources.facts, ...content });
    spec.candidates.forEach((cand, k) => {
      a.cand_item[i * c + k] = row(cand.id);
      a.label[i * c + k] = cand.label;
      writeCandidateFeatures(a.cand_feat, (i * c + k) * FEATURE_COUNT, { id: cand.id, score: Number.NaN, rank: cand.rank }, 0, summary, { facts: sources.facts, items, ...content });
    });
    a.split[i] = spec.valid ? 1 : 0;
  });
  const n = rows.size;
  const itemId = new BigInt64Array(n + 1);
  for (const [id, r] of rows) itemId[r] = BigInt(itemIndex(id, plan.table));
  const files: Record<string, ArrayBufferView> = { ...a, item_id: itemId };
  if (sources.contentDim > 0) Object.assign(files, vectorArrays(plan, sources, rows));
  for (const [name, array] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.${suffix(array)}`), bytes(array));
  const valid = plan.specs.filter((s) => s.valid).length;
  const meta: ExamplesMeta = {
    format: EXAMPLES_FORMAT, mode: plan.mode, searches: b, candidates: c, items: n, history_len: h, content_dim: sources.contentDim,
    features: FEATURE_COUNT, id_rows: idRows(plan.table), train: b - valid, valid,
  };
  writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
  return meta;
}

function vectorArrays(plan: ExamplePlan, sources: ArraySources, rows: ReadonlyMap<string, number>) {
  const d = sources.contentDim;
  const itemVec = new Float32Array((rows.size + 1) * d);
  for (const [id, r] of rows) {
    const v = sources.vector(id);
    if (v) itemVec.set(v.subarray(0, d), r * d);
  }
  const query = new Float32Array(plan.specs.length * d);
  plan.specs.forEach((spec, i) => {
    const v = spec.query === undefined ? undefined : sources.queryVectors.get(spec.query);
    if (v) query.set(v.subarray(0, d), i * d);
  });
  return { item_vec: itemVec, query };
}

/**
 * The last `h` events of `history` (oldest first, ties in log order) before `t`, found by binary search (a heavy user
 * has thousands), newest first: the order serving reads them in (the event log's newest first, a tie's later-written
 * event first), so events with one timestamp fill the history slots alike in training and serving.
 */
export function recentBefore(history: readonly HistoryEvent[] | undefined, t: number, h: number): HistoryEvent[] {
  if (!history) return [];
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid]!.at.getTime() < t) lo = mid + 1;
    else hi = mid;
  }
  return history.slice(Math.max(0, lo - h), lo).reverse();
}

function suffix(array: ArrayBufferView): string {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof BigInt64Array) return 'i64';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

/** The array's bytes as stored: typed arrays are in the machine's order, little-endian on every platform Node ships for. */
function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

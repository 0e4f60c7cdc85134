import { fnv1a32 } from '../fnv1a.ts';
import type { HistoryEvent, HistoryKind, RerankRequest } from './reranker.ts';

export { fnv1a32 };

/**
 * THE feature builder of the reranker (contract: src/rerank/CONTRACT.md). Serving, the training
 * example exporter and the eval call these functions, so a model sees the same numbers everywhere.
 */

/** Features per candidate (cand_feat's last axis). */
export const FEATURE_COUNT = 12;
/** Weight of the j-th most recent history slot in the history's mean vector (feature 11): 0.9^j. */
export const RECENCY_DECAY = 0.9;
/** History kinds in their ONNX code order: code = index + 1 (0 = padding). */
export const HISTORY_KINDS: readonly HistoryKind[] = ['click', 'detail_view', 'add_to_cart', 'purchase'];
/** History slots a model reads by default (manifest `history_len`). */
export const DEFAULT_HISTORY_LEN = 50;
/** Largest time-gap bucket; buckets are 1..MAX_GAP_BUCKET, 0 is padding. */
export const MAX_GAP_BUCKET = 20;

const MINUTE_MS = 60_000;

/** The model's id code of a history kind: 1 click, 2 detail_view, 3 add_to_cart, 4 purchase. */
export function kindCode(kind: HistoryKind): number {
  return HISTORY_KINDS.indexOf(kind) + 1;
}

/** Time-gap bucket of an event `ms` milliseconds before the search: 1 + min(19, floor(log2(1 + minutes))). */
export function gapBucket(ms: number): number {
  const minutes = Math.max(0, ms) / MINUTE_MS;
  return 1 + Math.min(MAX_GAP_BUCKET - 1, Math.floor(Math.log2(1 + minutes)));
}

/** The model's item table (items.tsv plus manifest `item_ids`, `max_items`). */
export interface ItemTable {
  mode: 'vocab' | 'hashed';
  maxItems: number;
  /** Product id → index ≥ 1 for every item seen in training (hashed mode: its bucket). Absent: unseen, index 0. */
  index: ReadonlyMap<string, number>;
  /** Click/add_to_cart/purchase count in the training window; absent = unseen. */
  popularity: ReadonlyMap<string, number>;
}

/**
 * Item index for the model: vocab lookup, or 1 + fnv1a32(id) % maxItems when hashed; 0 (the zero embedding) for an
 * item the model never saw in either mode, so a new product borrows no trained bucket's meaning.
 */
export function itemIndex(id: string, items: ItemTable | undefined): number {
  if (!items || !items.index.has(id)) return 0;
  if (items.mode === 'hashed') return 1 + (fnv1a32(id) % items.maxItems);
  return items.index.get(id)!;
}

/** What the catalog knows of a product; every field may be missing (a log without a catalog). */
export interface ItemFacts {
  price?: number;
  rating?: number;
  /** The narrowest category name. */
  leafCategory?: string;
  brand?: string;
  /** Lowercased colour names. */
  colours?: readonly string[];
  /** ln(price / median price of the product's leaf category): where it sits in its category, cheap < 0 < premium. */
  priceLevel?: number;
}

/** Where the builder looks products up; serving passes the catalog and vector index, training its tables. */
export interface FeatureSources {
  items?: ItemTable;
  facts(id: string): ItemFacts | undefined;
  /** Content vector of a product (length contentDim), undefined when it has none. */
  vector(id: string): Float32Array | undefined;
  /** Dc; 0 = ids-only model (vec tensors are then [.., 1] zeros). */
  contentDim: number;
  /** H. */
  historyLen: number;
}

/** The history the model sees: events strictly before `at`, most recent first, at most `h`. */
export function historySlots(history: readonly HistoryEvent[], at: Date, h: number): HistoryEvent[] {
  const before = history.filter((e) => e.at.getTime() < at.getTime());
  before.sort((a, b) => b.at.getTime() - a.at.getTime());
  return before.slice(0, h);
}

/** What the candidate features need of the history, computed once per search. */
export interface HistorySummary {
  /** Events in the slots (the denominator of the category share). */
  count: number;
  products: ReadonlySet<string>;
  /** Median price of the slots' products with a known price (each event counts); undefined when none. */
  medianPrice?: number;
  /** Leaf category → number of slot events in it. */
  categories: ReadonlyMap<string, number>;
  /** Brand → number of slot events of a product of that brand. */
  brands: ReadonlyMap<string, number>;
  /** Colour → the slots whose product has it, for the colour share. */
  colourSlots: ReadonlyMap<string, readonly number[]>;
  /** Mean price level (ItemFacts.priceLevel) of the slots' events with one; undefined when none. */
  meanPriceLevel?: number;
  /** Recency-weighted (RECENCY_DECAY^slot) mean of the slots' product vectors; undefined without vectors. */
  meanVector?: Float32Array;
  /** Its Euclidean norm. */
  meanNorm?: number;
}

/**
 * What the candidate features need of the history. `vector` (content models only) gives feature 11, the
 * cosine to the history's mean vector; without it that feature is 0.
 */
export function summariseHistory(
  slots: readonly HistoryEvent[], sources: Pick<FeatureSources, 'facts'> & { vector?: FeatureSources['vector'] },
): HistorySummary {
  const prices: number[] = [];
  const levels: number[] = [];
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  const colourSlots = new Map<string, number[]>();
  let meanVector: Float32Array | undefined;
  slots.forEach((e, j) => {
    const facts = sources.facts(e.product);
    if (facts?.price !== undefined && facts.price > 0) prices.push(facts.price);
    if (facts?.priceLevel !== undefined && Number.isFinite(facts.priceLevel)) levels.push(facts.priceLevel);
    if (facts?.leafCategory) categories.set(facts.leafCategory, (categories.get(facts.leafCategory) ?? 0) + 1);
    if (facts?.brand) brands.set(facts.brand, (brands.get(facts.brand) ?? 0) + 1);
    for (const c of new Set(facts?.colours ?? [])) {
      const list = colourSlots.get(c);
      if (list) list.push(j);
      else colourSlots.set(c, [j]);
    }
    const v = sources.vector?.(e.product);
    if (v) {
      meanVector ??= new Float32Array(v.length);
      const w = RECENCY_DECAY ** j;
      for (let i = 0; i < meanVector.length; i++) meanVector[i]! += w * v[i]!;
    }
  });
  const meanPriceLevel = levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : undefined;
  return {
    count: slots.length, products: new Set(slots.map((e) => e.product)), medianPrice: median(prices), categories, brands, colourSlots,
    ...(meanPriceLevel !== undefined ? { meanPriceLevel } : {}), ...(meanVector ? { meanVector, meanNorm: Math.hypot(...meanVector) } : {}),
  };
}

/** Slots holding at least one of `colours` (a product with several colours counts once). */
function slotsWithAny(colourSlots: ReadonlyMap<string, readonly number[]>, colours: readonly string[]): number {
  if (colours.length === 0) return 0;
  if (colours.length === 1) return colourSlots.get(colours[0]!)?.length ?? 0;
  // Serving runs this for ~200 candidates a search: a stamped buffer instead of a Set per candidate.
  stamp++;
  let count = 0;
  for (const c of colours) {
    for (const j of colourSlots.get(c) ?? []) {
      if (j >= marks.length) marks = growMarks(j);
      if (marks[j] !== stamp) {
        marks[j] = stamp;
        count++;
      }
    }
  }
  return count;
}

let marks: Float64Array = new Float64Array(64);
let stamp = 0;

function growMarks(j: number): Float64Array {
  const next = new Float64Array(Math.max(j + 1, marks.length * 2));
  next.set(marks);
  return next;
}

/** Cosine of `v` to the history's mean vector, whose norm is computed once per search. */
function cosineTo(v: Float32Array, mean: Float32Array, meanNorm: number): number {
  let dot = 0, norm = 0;
  const n = Math.min(v.length, mean.length);
  for (let i = 0; i < n; i++) {
    dot += v[i]! * mean[i]!;
    norm += v[i]! * v[i]!;
  }
  return norm > 0 && meanNorm > 0 ? dot / (Math.sqrt(norm) * meanNorm) : 0;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1]! + values[mid]!) / 2;
}

/** Writes one candidate's FEATURE_COUNT features into `out` at `offset` (contract: "Candidate features"). */
export function writeCandidateFeatures(
  out: Float32Array,
  offset: number,
  candidate: { id: string; score: number; rank: number },
  topScore: number,
  history: HistorySummary,
  sources: Pick<FeatureSources, 'facts' | 'items'> & { vector?: FeatureSources['vector'] },
): void {
  const facts = sources.facts(candidate.id);
  out[offset] = 1 / Math.log2(1 + Math.max(1, candidate.rank));
  out[offset + 1] = Number.isFinite(candidate.score) && topScore > 0 ? candidate.score / topScore : 0;
  out[offset + 2] =
    facts?.price !== undefined && facts.price > 0 && history.medianPrice !== undefined
      ? Math.max(-3, Math.min(3, Math.log(facts.price / history.medianPrice)))
      : 0;
  out[offset + 3] = facts?.rating !== undefined ? facts.rating / 5 : 0;
  out[offset + 4] = facts?.rating !== undefined ? 1 : 0;
  const popularity = sources.items?.popularity.get(candidate.id);
  out[offset + 5] = popularity !== undefined ? Math.log1p(popularity) / 10 : 0;
  out[offset + 6] = history.products.has(candidate.id) ? 1 : 0;
  const inLeaf = facts?.leafCategory ? (history.categories.get(facts.leafCategory) ?? 0) : 0;
  out[offset + 7] = history.count > 0 ? inLeaf / history.count : 0;
  // The taste matches the history shows explicitly (8-11): a model learns them from a few thousand searches,
  // where learning brand or colour from id embeddings and content vectors overfits (training/README.md).
  const sameBrand = facts?.brand ? (history.brands.get(facts.brand) ?? 0) : 0;
  out[offset + 8] = history.count > 0 ? sameBrand / history.count : 0;
  const colours = facts?.colours ?? [];
  const sameColour = slotsWithAny(history.colourSlots, colours);
  out[offset + 9] = history.count > 0 ? sameColour / history.count : 0;
  out[offset + 10] =
    facts?.priceLevel !== undefined && Number.isFinite(facts.priceLevel) && history.meanPriceLevel !== undefined
      ? Math.min(3, Math.abs(facts.priceLevel - history.meanPriceLevel))
      : 0;
  const v = history.meanVector ? sources.vector?.(candidate.id) : undefined;
  out[offset + 11] = v && history.meanVector ? cosineTo(v, history.meanVector, history.meanNorm ?? 0) : 0;
}

/** The ONNX inputs of a batch (names and shapes as in the contract's signature). */
export interface RerankInput {
  batch: number;
  /** C: the longest candidate list; shorter ones are zero-padded. */
  candidates: number;
  /** H. */
  historyLen: number;
  /** Vector width in the tensors: max(1, Dc). */
  vecDim: number;
  query: Float32Array;
  candVec: Float32Array;
  candId: BigInt64Array;
  candFeat: Float32Array;
  histVec: Float32Array;
  histId: BigInt64Array;
  histKind: BigInt64Array;
  histGap: BigInt64Array;
}

/** Builds the model's input tensors for B searches (one per request). */
export function buildRerankInput(requests: readonly RerankRequest[], sources: FeatureSources): RerankInput {
  const batch = requests.length;
  const c = Math.max(0, ...requests.map((r) => r.candidates.length));
  const h = sources.historyLen;
  const d = Math.max(1, sources.contentDim);
  const input: RerankInput = {
    batch, candidates: c, historyLen: h, vecDim: d,
    query: new Float32Array(batch * d),
    candVec: new Float32Array(batch * c * d),
    candId: new BigInt64Array(batch * c),
    candFeat: new Float32Array(batch * c * FEATURE_COUNT),
    histVec: new Float32Array(batch * h * d),
    histId: new BigInt64Array(batch * h),
    histKind: new BigInt64Array(batch * h),
    histGap: new BigInt64Array(batch * h),
  };
  requests.forEach((req, b) => fillRequest(input, b, req, sources));
  return input;
}

function fillRequest(input: RerankInput, b: number, req: RerankRequest, sources: FeatureSources): void {
  const { candidates: c, historyLen: h, vecDim: d } = input;
  const withVectors = sources.contentDim > 0;
  if (withVectors && req.queryVector) input.query.set(req.queryVector.subarray(0, d), b * d);
  const slots = historySlots(req.history, req.at, h);
  slots.forEach((e, j) => {
    const slot = b * h + j;
    input.histId[slot] = BigInt(itemIndex(e.product, sources.items));
    input.histKind[slot] = BigInt(kindCode(e.kind));
    input.histGap[slot] = BigInt(gapBucket(req.at.getTime() - e.at.getTime()));
    const v = withVectors ? sources.vector(e.product) : undefined;
    if (v) input.histVec.set(v.subarray(0, d), slot * d);
  });
  const content = withVectors ? { vector: sources.vector } : {};
  const summary = summariseHistory(slots, { facts: sources.facts, ...content });
  const topScore = Math.max(0, ...req.candidates.map((x) => (Number.isFinite(x.score) ? x.score : 0)));
  req.candidates.forEach((cand, i) => {
    const slot = b * c + i;
    input.candId[slot] = BigInt(itemIndex(cand.id, sources.items));
    writeCandidateFeatures(input.candFeat, slot * FEATURE_COUNT, cand, topScore, summary, { facts: sources.facts, ...(sources.items ? { items: sources.items } : {}), ...content });
    const v = withVectors ? sources.vector(cand.id) : undefined;
    if (v) input.candVec.set(v.subarray(0, d), slot * d);
  });
}

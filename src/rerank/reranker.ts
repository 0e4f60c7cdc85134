/**
 * The rerank stage's contract (issue 13, src/rerank/CONTRACT.md): a model that scores a search's
 * candidates for one shopper from their recent behaviour. Serving, training export and the eval all
 * build the model's inputs with features.ts, so the three cannot drift apart.
 */

/** Behaviour kinds that make up a shopper's history (impressions do not: being shown is not wanting). */
export type HistoryKind = 'click' | 'detail_view' | 'add_to_cart' | 'purchase';

/** One remembered action of the shopper. */
export interface HistoryEvent {
  product: string;
  kind: HistoryKind;
  at: Date;
}

/** A candidate in the non-personalised order. */
export interface RerankCandidate {
  id: string;
  /** Fused score, higher is better; NaN when unknown (logged impressions carry no score). */
  score: number;
  /** 1-based place in the non-personalised order. */
  rank: number;
}

export interface RerankRequest {
  user?: string;
  /** When the search happens: only history strictly before it counts. */
  at: Date;
  /** The query's embedding in the store's encoder space, when there is one. */
  queryVector?: Float32Array;
  candidates: RerankCandidate[];
  /** Most recent first (features.ts sorts and cuts again, so callers cannot get this wrong). */
  history: HistoryEvent[];
}

export interface RerankScores {
  /** One score per candidate, in the request's order; higher = more likely wanted. */
  personal: Float32Array;
  /** The model version that scored (model-store version name). */
  version: string;
}

export interface RerankModel {
  readonly version: string;
  score(req: RerankRequest): Promise<RerankScores>;
  close(): Promise<void>;
}

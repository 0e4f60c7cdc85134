import type { EventLog } from '../storage/event-log.ts';
import { DEFAULT_HISTORY_LEN, HISTORY_KINDS } from './features.ts';
import type { HistoryEvent, HistoryKind } from './reranker.ts';

/** A shopper's recent behaviour before `at`, newest first: what the reranker reads. */
export type HistoryReader = (user: string, at: Date) => Promise<HistoryEvent[]>;

/**
 * Reads a user's last `limit` clicks, detail views, add-to-carts and purchases strictly before `at` from the
 * event log (impressions are not history: being shown a product is not wanting it). One indexed query.
 */
export function createHistoryReader(events: Pick<EventLog, 'read'>, limit = DEFAULT_HISTORY_LEN): HistoryReader {
  return async (user, at) => {
    const rows = await events.read({ user, kinds: HISTORY_KINDS, to: at, limit });
    return rows.map((e) => ({ product: e.product, kind: e.kind as HistoryKind, at: new Date(e.at) }));
  };
}

// What both protocols need of the event log, read once: every event in memory (a 200,000-event log is ~50 MB),
// and each shopper's history in time order.
import type { BehaviourEvent, EventLog } from '../../storage/event-log.ts';
import { MAX_SCAN_PAGE } from '../../storage/event-log.ts';
import type { HistoryEvent, HistoryKind } from '../reranker.ts';
import { isHistoryKind } from './logged-searches.ts';

/** Every event of the log, in the order written. */
export async function readAllEvents(log: Pick<EventLog, 'scan'>): Promise<BehaviourEvent[]> {
  const out: BehaviourEvent[] = [];
  let after: string | undefined;
  do {
    const page = await log.scan({}, { size: MAX_SCAN_PAGE, ...(after ? { after } : {}) });
    for (const e of page.events) out.push(e);
    after = page.next;
  } while (after);
  return out;
}

/** Each user's history-kind events, oldest first (ties keep log order). */
export function historiesByUser(events: readonly BehaviourEvent[]): Map<string, HistoryEvent[]> {
  const byUser = new Map<string, HistoryEvent[]>();
  for (const e of events) {
    if (!isHistoryKind(e.kind)) continue;
    const list = byUser.get(e.user) ?? [];
    list.push({ product: e.product, kind: e.kind as HistoryKind, at: new Date(e.at) });
    byUser.set(e.user, list);
  }
  for (const list of byUser.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime());
  return byUser;
}

/** The events of `history` (oldest first) strictly before `at`, most recent first, at most `limit`. */
export function historyBefore(history: readonly HistoryEvent[] | undefined, at: Date, limit: number): HistoryEvent[] {
  if (!history) return [];
  const t = at.getTime();
  let end = 0;
  while (end < history.length && history[end]!.at.getTime() < t) end++;
  return history.slice(Math.max(0, end - limit), end).reverse();
}

/** Earliest and latest event time, in ms; null for an empty log. */
export function timeRange(events: readonly BehaviourEvent[]): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const e of events) {
    const t = Date.parse(e.at);
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return events.length ? { from, to } : null;
}

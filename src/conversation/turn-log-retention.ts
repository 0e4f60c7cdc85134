import type { Logger } from '../logger.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';

/** How often a running server deletes turn-log rows past the retention period. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TurnLogRetention {
  /** The sweep made at start, settled (it never rejects: a failed sweep is logged and retried next time). */
  readonly firstSweep: Promise<void>;
  stop(): void;
}

/**
 * Deletes turn-log rows older than `days` now and every `everyMs` after (conversation state and profiles stay:
 * `aisle users forget` removes those). `days` 0 keeps the log forever and starts nothing.
 */
export function startTurnLogRetention(
  store: Pick<ConversationStore, 'purgeTurns'>, days: number, log: Logger, options: { everyMs?: number; now?: () => number; name?: string } = {},
): TurnLogRetention {
  if (days <= 0) return { firstSweep: Promise.resolve(), stop: () => {} };
  const now = options.now ?? Date.now;
  const name = options.name ?? 'turn log'; // the same sweep serves the event log
  const sweep = async () => {
    const before = new Date(now() - days * DAY_MS);
    try {
      const deleted = await store.purgeTurns(before);
      log.info({ deleted, before: before.toISOString(), retentionDays: days }, `${name} purged`);
    } catch (err) {
      log.warn({ err }, `${name} purge failed; retrying at the next sweep`);
    }
  };
  const firstSweep = sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? RETENTION_SWEEP_MS);
  timer.unref(); // the sweep never keeps a stopping process alive
  return { firstSweep, stop: () => clearInterval(timer) };
}

import type { SharedCounters } from '../server/shared-counters.ts';

/** Failed sign-ins allowed per e-mail and per address within WINDOW_MS before further tries are refused. */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * Counts sign-in tries per key (an e-mail, an address). Past MAX_FAILURES in the window every try is refused,
 * the right password too, until the window has passed: a guesser cannot tell a hit from a miss. In memory for one
 * process (`createLoginThrottle`), or in Redis for several replicas (`createSharedLoginThrottle`), so N replicas
 * still allow MAX_FAILURES, not N × MAX_FAILURES.
 */
export interface LoginThrottle {
  /**
   * Counts a try against every key, before the slow password check (guesses sent at once cannot all pass while the
   * first are hashing); the seconds to wait when any key is past the limit (the try is refused), 0: go on.
   */
  attempt(keys: readonly string[]): Promise<number>;
  /** A right password: its keys start afresh. */
  succeeded(keys: readonly string[]): Promise<void>;
}

/** Keys kept at most: a flood of made-up e-mails must not grow memory without end. */
export const MAX_KEYS = 100_000;

/** In this process's memory: a sliding window of failure times per key. */
export function createLoginThrottle(now: () => number = Date.now, maxKeys = MAX_KEYS): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => t > now() - WINDOW_MS);
  const wait = (keys: readonly string[]) => Math.max(0, ...keys.map((key) => {
    const times = recent(key);
    return times.length >= MAX_FAILURES ? Math.ceil((times[0]! + WINDOW_MS - now()) / 1000) : 0;
  }));
  const failed = (keys: readonly string[]) => {
    for (const key of keys) {
      const times = [...recent(key), now()];
      failures.delete(key); // re-inserted last: the Map's order is least recently failed first
      failures.set(key, times);
    }
    // Only the stalest keys go; clearing all would hand a guesser a fresh budget for flooding.
    for (const key of failures.keys()) {
      if (failures.size <= maxKeys) break;
      failures.delete(key);
    }
  };
  return {
    // Synchronous inside: the check and the count happen in one tick.
    async attempt(keys) {
      const seconds = wait(keys);
      if (seconds === 0) failed(keys);
      return seconds;
    },
    async succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}

/** In Redis, shared by every replica: a fixed window per key, counted with one atomic increment per try. */
export function createSharedLoginThrottle(counters: SharedCounters): LoginThrottle {
  const keyOf = (key: string) => `login:${key}`;
  return {
    async attempt(keys) {
      // The increment comes first, so two replicas racing for the last try cannot both get it.
      const counts = await Promise.all(keys.map((key) => counters.add(keyOf(key), 1, WINDOW_MS)));
      const over = counts.filter((c) => c.count > MAX_FAILURES);
      return over.length ? Math.max(...over.map((c) => Math.max(1, Math.ceil(c.resetMs / 1000)))) : 0;
    },
    succeeded: (keys) => counters.clear(keys.map(keyOf)),
  };
}

/** Failed sign-ins allowed per e-mail and per address within WINDOW_MS before further tries are refused. */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;

/**
 * Counts failed sign-ins per key (an e-mail, an address). Past MAX_FAILURES in the window every try is refused,
 * the right password too, until the window has passed: a guesser cannot tell a hit from a miss. In memory: each
 * replica counts on its own (N replicas allow N × MAX_FAILURES).
 */
export interface LoginThrottle {
  /** Seconds until `keys` may try again; 0: now. */
  wait(keys: readonly string[]): number;
  failed(keys: readonly string[]): void;
  succeeded(keys: readonly string[]): void;
}

/** Keys kept at most: a flood of made-up e-mails must not grow memory without end. */
export const MAX_KEYS = 100_000;

export function createLoginThrottle(now: () => number = Date.now, maxKeys = MAX_KEYS): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => t > now() - WINDOW_MS);
  return {
    wait(keys) {
      const waits = keys.map((key) => {
        const times = recent(key);
        return times.length >= MAX_FAILURES ? Math.ceil((times[0]! + WINDOW_MS - now()) / 1000) : 0;
      });
      return Math.max(0, ...waits);
    },
    failed(keys) {
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
    },
    succeeded(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}

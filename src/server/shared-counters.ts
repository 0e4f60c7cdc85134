/**
 * Counters every replica sees (Redis), for limits that must hold across processes: each key counts in fixed windows
 * (the first add starts a window of `windowMs`; the key then expires). Without Redis, limits stay in process memory.
 */
export interface SharedCounters {
  /** Adds `n` (0: only reads) to the key's count in its current window; the count after, and ms until the window ends. */
  add(key: string, n: number, windowMs: number): Promise<{ count: number; resetMs: number }>;
  /** Ends the key's window: it counts from 0 again. */
  clear(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

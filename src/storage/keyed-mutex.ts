/**
 * In-process mutual exclusion per key: `run(key, fn)` starts `fn` once every earlier `run` for that key has
 * settled. Keys with nothing queued are forgotten, so a long-lived process does not accumulate one entry per
 * conversation it ever saw.
 */
export interface KeyedMutex {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void>;
  /** Keys with work running or queued. */
  readonly size: number;
}

export function createKeyedMutex(): KeyedMutex {
  // The tail of each key's chain: settles (never rejects) when the last queued fn has settled.
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const result = (tails.get(key) ?? Promise.resolve()).then(() => fn());
      const tail = result.then(() => {}, () => {});
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key); // nobody queued behind us
      });
      return result;
    },
    idle: async () => {
      await Promise.all([...tails.values()]);
    },
    get size() {
      return tails.size;
    },
  };
}

/**
 * In-process mutual exclusion per key: `run(key, fn)` starts `fn` once every earlier `run` for that key has
 * settled. Keys with nothing queued are forgotten, so a long-lived process does not accumulate one entry per
 * conversation it ever saw.
 */
export interface KeyedMutex {
  /**
   * With `wait`, gives up when `fn` could not start within `wait.ms`: the promise rejects with `wait.error()`
   * and `fn` never runs, while the queue behind it carries on in order.
   */
  run<T>(key: string, fn: () => Promise<T>, wait?: { ms: number; error: () => Error }): Promise<T>;
  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void>;
  /** Keys with work running or queued. */
  readonly size: number;
}

export function createKeyedMutex(): KeyedMutex {
  // The tail of each key's chain: settles (never rejects) when the last queued fn has settled.
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(key: string, fn: () => Promise<T>, wait?: { ms: number; error: () => Error }): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      let gaveUp = false;
      const result = previous.then(() => (gaveUp ? (undefined as T) : fn()));
      const tail = result.then(() => {}, () => {});
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key); // nobody queued behind us
      });
      if (!wait) return result;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          gaveUp = true;
          reject(wait.error());
        }, wait.ms);
        // Registered after `result`'s callback, so fn has already started when the timer is cleared.
        void previous.then(() => clearTimeout(timer));
        result.then(resolve, reject);
      });
    },
    idle: async () => {
      await Promise.all([...tails.values()]);
    },
    get size() {
      return tails.size;
    },
  };
}

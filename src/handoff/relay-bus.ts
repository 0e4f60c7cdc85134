/**
 * Live delivery between the parts of Aisle that talk to shoppers and to agents. In one process a memory bus;
 * with several replicas Redis pub/sub (storage/redis-bus.ts), so a frame published on one process reaches
 * the socket open on another. Nothing is kept: what must survive a restart is in the database first.
 */
export interface RelayBus {
  /** Sends `message` (JSON-serialisable) to every subscriber of `topic`, in every process. */
  publish(topic: string, message: unknown): Promise<void>;
  /** Calls `listener` with each message published on `topic` from now on; returns the unsubscribe. */
  subscribe(topic: string, listener: (message: unknown) => void): () => void;
  close(): Promise<void>;
}

/** Topics: one per conversation (what its shopper's channel pushes) and one for the agents' queue. */
export const TOPICS = {
  conversation: (conversation: string) => `conversation:${conversation}`,
  queue: 'handoff-queue',
};

/** The bus of one process. */
export function createMemoryBus(): RelayBus {
  const topics = new Map<string, Set<(message: unknown) => void>>();
  return {
    async publish(topic, message) {
      // A copy per publish, as Redis would deliver: no listener sees another's mutation.
      const text = JSON.stringify(message);
      for (const listener of [...(topics.get(topic) ?? [])]) listener(JSON.parse(text));
    },
    subscribe(topic, listener) {
      const set = topics.get(topic) ?? new Set();
      topics.set(topic, set.add(listener));
      return () => {
        set.delete(listener);
        if (set.size === 0) topics.delete(topic);
      };
    },
    close: async () => topics.clear(),
  };
}

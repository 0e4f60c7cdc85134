// The relay bus across replicas (ioredis is imported only here and in redis-counters.ts).
import { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { RelayBus } from '../handoff/relay-bus.ts';

const PREFIX = 'aisle:';

/**
 * A relay bus over Redis pub/sub at `url` (one connection publishes, one subscribes, as Redis requires).
 * Resolves once both answer; AppError UNAVAILABLE (fail at start-up) when Redis cannot be reached.
 */
export async function openRedisBus(url: string): Promise<RelayBus> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  // Without listeners a lost connection would be an uncaught 'error'; ioredis reconnects by itself.
  pub.on('error', () => {});
  sub.on('error', () => {});
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    const where = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new AppError('UNAVAILABLE', `Redis at ${where} is not reachable (${(err as Error).message}): start it or fix --redis / AISLE_REDIS_URL.`, { cause: err });
  }
  const topics = new Map<string, Set<(message: unknown) => void>>();
  sub.on('message', (channel: string, text: string) => {
    const listeners = topics.get(channel.slice(PREFIX.length));
    if (!listeners) return;
    for (const listener of [...listeners]) listener(JSON.parse(text));
  });
  return {
    async publish(topic, message) {
      await pub.publish(PREFIX + topic, JSON.stringify(message));
    },
    subscribe(topic, listener) {
      let set = topics.get(topic);
      if (!set) {
        topics.set(topic, set = new Set());
        void sub.subscribe(PREFIX + topic).catch(() => {});
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || topics.get(topic) !== set) return;
        topics.delete(topic);
        void sub.unsubscribe(PREFIX + topic).catch(() => {});
      };
    },
    async close() {
      topics.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}


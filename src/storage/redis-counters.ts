// Fixed-window counters in Redis, shared by every replica (INCRBY, then PEXPIRE when the key has no expiry yet).
import { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { SharedCounters } from '../server/shared-counters.ts';

// One script, so the increment and the expiry are one step: a replica dying between them cannot leave a key forever.
const ADD = `local c = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]); ttl = tonumber(ARGV[2]) end
return {c, ttl}`;

/** Counters in Redis at `url`, keys under `prefix`; AppError UNAVAILABLE (fail at start-up) when it cannot be reached. */
export async function openRedisCounters(url: string, prefix = 'aisle:count:'): Promise<SharedCounters> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 });
  redis.on('error', () => {}); // ioredis reconnects by itself; a failed command rejects
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    const where = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new AppError('UNAVAILABLE', `Redis at ${where} is not reachable (${(err as Error).message}): start it or fix --redis / AISLE_REDIS_URL.`, { cause: err });
  }
  return {
    async add(key, n, windowMs) {
      try {
        const [count, resetMs] = (await redis.eval(ADD, 1, prefix + key, n, windowMs)) as [number, number];
        return { count: Number(count), resetMs: Number(resetMs) };
      } catch (err) {
        throw new AppError('UNAVAILABLE', `Redis did not count "${key}": ${(err as Error).message}.`, { cause: err });
      }
    },
    async clear(keys) {
      if (keys.length) await redis.del(...keys.map((k) => prefix + k));
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}

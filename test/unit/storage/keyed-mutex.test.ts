import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from '../../../src/storage/keyed-mutex.ts';

describe('createKeyedMutex', () => {
  it('runs work for one key in order, other keys alongside, and forgets idle keys', async () => {
    const mutex = createKeyedMutex();
    const events: string[] = [];
    const job = (key: string, name: string, ms: number) => mutex.run(key, async () => {
      events.push(`${name} start`);
      await sleep(ms);
      events.push(`${name} end`);
      return name;
    });
    const all = Promise.all([job('a', 'a1', 20), job('a', 'a2', 1), job('b', 'b1', 1)]);
    expect(mutex.size).toBe(2);
    expect(await all).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 end')).toBeLessThan(events.indexOf('a1 end'));
    await mutex.idle();
    await sleep(0);
    expect(mutex.size).toBe(0);
  });

  it('lets the next job run after one fails', async () => {
    const mutex = createKeyedMutex();
    const failed = mutex.run('a', async () => { throw new Error('boom'); });
    const next = mutex.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ran');
  });
});

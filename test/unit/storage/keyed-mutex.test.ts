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

  it('gives up on a job that cannot start in time, never runs it, and keeps the queue in order', async () => {
    const mutex = createKeyedMutex();
    const ran: string[] = [];
    const busy = () => new Error('busy');
    const holder = mutex.run('a', async () => { await sleep(60); ran.push('holder'); });
    const impatient = mutex.run('a', async () => { ran.push('impatient'); }, { ms: 10, error: busy });
    const patient = mutex.run('a', async () => { ran.push('patient'); }, { ms: 5000, error: busy });
    await expect(impatient).rejects.toThrow('busy');
    expect(ran).toEqual([]); // the holder is still running when the impatient job gives up
    await Promise.all([holder, patient]);
    expect(ran).toEqual(['holder', 'patient']);
    expect(await mutex.run('a', async () => 'free', { ms: 10, error: busy })).toBe('free');
  });
});

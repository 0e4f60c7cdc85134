import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedLoginThrottle, MAX_FAILURES } from '../../../src/agent-console/login-throttle.ts';
import { createReportedEvents } from '../../../src/channels/widget-events.ts';
import type { SharedCounters } from '../../../src/server/shared-counters.ts';
import { openRedisCounters } from '../../../src/storage/redis-counters.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openConsole, signIn } from '../handoff/console-fixture.ts';

const REDIS = 'redis://127.0.0.1:6379';

/** Two replicas' worth of limits over one real Redis: each instance has its own connection, as each process would. */
describe('limits shared by replicas through Redis', () => {
  // A prefix of this run's own: counters from other runs (or other files) never meet these.
  const prefix = `aisle:test:${randomBytes(4).toString('hex')}:`;
  let one: SharedCounters;
  let two: SharedCounters;
  beforeAll(async () => {
    [one, two] = await Promise.all([openRedisCounters(REDIS, prefix), openRedisCounters(REDIS, prefix)]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
  });

  it(`refuses sign-in on either console once ${MAX_FAILURES} guesses were spread across both, the right password too`, async () => {
    const [a, b] = await Promise.all([openConsole({ throttle: createSharedLoginThrottle(one) }), openConsole({ throttle: createSharedLoginThrottle(two) })]);
    try {
      for (let i = 0; i < MAX_FAILURES; i++) {
        const res = await signIn(i % 2 ? b.base : a.base, 'ada@shop.test', `guess ${i}`);
        expect(res.res.status).toBe(303);
      }
      // Each console saw at most 3 guesses: per process, both would still let Ada in.
      for (const base of [a.base, b.base]) {
        const blocked = await signIn(base, 'ada@shop.test');
        expect(blocked.res.status).toBe(429);
        expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(blocked.session).toBeUndefined();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('lets through no more than the allowed guesses sent at once to both consoles', async () => {
    const [a, b] = await Promise.all([openConsole({ throttle: createSharedLoginThrottle(one) }), openConsole({ throttle: createSharedLoginThrottle(two) })]);
    try {
      const answers = await Promise.all(Array.from({ length: 4 * MAX_FAILURES }, (_, i) => signIn(i % 2 ? b.base : a.base, 'kim@shop.test', `guess ${i}`)));
      // The address key is shared with the test above (127.0.0.1): count only what is not refused.
      expect(answers.filter((r) => r.res.status === 303).length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(answers.filter((r) => r.res.status === 429).length).toBeGreaterThanOrEqual(3 * MAX_FAILURES);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  describe('reported widget events', () => {
    let dir: string;
    let log: EventLog;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-shared-events-'));
      log = openSqliteEventLog(path.join(dir, 'conversations.db'));
      await log.append(['p1', 'p2', 'p3', 'p4'].map((product, i) => ({ user: 'anon:a', product, kind: 'impression' as const, position: i + 1, query: 'lamps', channel: 'widget', conversation: 'widget:c1' })));
    });
    afterAll(async () => {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("holds a shopper to one allowance across replicas: the second replica records only what is left, then refuses", async () => {
      const [onA, onB] = [createReportedEvents(log, { perMinute: 3, counters: one }), createReportedEvents(log, { perMinute: 3, counters: two })];
      const reporter = { user: 'anon:a', conversation: 'widget:c1' };
      const click = (product: string, n: number) => ({ id: `click-s0000${n}`, kind: 'click' as const, product });
      expect(await onA.record(reporter, [click('p1', 1), click('p2', 2)])).toEqual({ recorded: 2, ignored: 0 });
      expect(await onB.record(reporter, [click('p3', 3), click('p4', 4)])).toEqual({ recorded: 1, ignored: 1 });
      await expect(onA.record(reporter, [click('p4', 5)])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      await expect(onB.record(reporter, [click('p4', 6)])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      expect((await log.read({ user: 'anon:a', kinds: ['click'] })).map((e) => e.product).sort()).toEqual(['p1', 'p2', 'p3']);
    });
  });
});

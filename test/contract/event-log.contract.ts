import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventLog, NewEvent } from '../../src/storage/event-log.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
const shown = (user: string, product: string, position: number, minute: number, extra: Partial<NewEvent> = {}): NewEvent =>
  ({ user, product, kind: 'impression', query: 'running shoes', position, channel: 'widget', conversation: 'c1', at: at(minute), ...extra });

/**
 * The behaviour every EventLog must show. `newDatabase` makes an empty database and returns an opener for it:
 * each call opens another log on that same database, as a second process would.
 */
export function eventLogContract(name: string, newDatabase: () => Promise<() => Promise<EventLog>>, cleanup?: () => Promise<void>): void {
  describe(`EventLog contract: ${name}`, () => {
    let open: () => Promise<EventLog>;
    let log: EventLog;
    beforeEach(async () => {
      open = await newDatabase();
      log = await open();
    });
    afterEach(() => log.close());
    if (cleanup) afterAll(cleanup);

    it('appends events and reads them back, newest first, with every field as written', async () => {
      expect(await log.read({ user: 'u1' })).toEqual([]);
      expect(await log.append([shown('u1', 'p1', 1, 0), shown('u1', 'p2', 2, 0), { user: 'u1', product: 'p2', kind: 'click', channel: 'widget', at: at(1) }])).toBe(3);
      const events = await log.read({ user: 'u1' });
      expect(events.map((e) => [e.kind, e.product])).toEqual([['click', 'p2'], ['impression', 'p2'], ['impression', 'p1']]);
      expect(events[2]).toEqual({ user: 'u1', product: 'p1', kind: 'impression', query: 'running shoes', position: 1, channel: 'widget', conversation: 'c1', at: at(0) });
      expect(events[0]).toEqual({ user: 'u1', product: 'p2', kind: 'click', channel: 'widget', at: at(1) });
    });

    it('stamps the time of writing when none is given', async () => {
      const before = Date.now();
      await log.append([{ user: 'u1', product: 'p1', kind: 'purchase', channel: 'cli' }]);
      const [event] = await log.read({ user: 'u1' });
      expect(Date.parse(event!.at)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(event!.at)).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('narrows by conversation, product, kinds, time range and limit', async () => {
      await log.append([shown('u1', 'p1', 1, 0), shown('u1', 'p1', 3, 5, { query: 'trail shoes' }), shown('u1', 'p1', 1, 6, { conversation: 'c2' }),
        { user: 'u1', product: 'p1', kind: 'detail_view', channel: 'widget', conversation: 'c1', at: at(7) }, shown('u2', 'p1', 1, 8)]);
      const latest = await log.read({ user: 'u1', conversation: 'c1', product: 'p1', kinds: ['impression'], limit: 1 });
      expect(latest).toMatchObject([{ query: 'trail shoes', position: 3 }]);
      expect(await log.read({ user: 'u1', kinds: [] })).toEqual([]);
      expect((await log.read({ from: new Date(at(5)), to: new Date(at(7)) })).map((e) => e.at)).toEqual([at(6), at(5)]);
      expect(await log.read({ product: 'p1' })).toHaveLength(5);
      expect(await log.read({ limit: 2 })).toHaveLength(2);
    });

    it('refuses a bad batch whole, naming the event and field, and writes none of it', async () => {
      const bad = [shown('u1', 'p1', 1, 0), { user: 'u1', product: 'p2', kind: 'like', channel: 'widget' } as unknown as NewEvent];
      await expect(log.append(bad)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Event 2 of 2 .*kind/) });
      await expect(log.append([shown('', 'p1', 1, 0)])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/user/) });
      await expect(log.append([shown('u1', 'p1', 0, 0)])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/position/) });
      await expect(log.append([{ ...shown('u1', 'p1', 1, 0), extra: 1 } as unknown as NewEvent])).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(await log.read({})).toEqual([]);
    });

    it('cuts an over-long query and ignores a report whose key was already logged in its conversation', async () => {
      const click = { user: 'u1', product: 'p1', kind: 'click' as const, channel: 'widget', conversation: 'c1', key: 'k-1', query: 'x'.repeat(900) };
      expect(await log.append([click, click])).toBe(1);
      expect(await log.append([click])).toBe(0);
      expect(await log.append([{ ...click, conversation: 'c2' }])).toBe(1);
      const [event] = await log.read({ conversation: 'c1' });
      expect(event!.query).toHaveLength(500);
    });

    it('merges one user into another once: the first maps to nothing after', async () => {
      await log.append([shown('anon:a', 'p1', 1, 0), shown('anon:a', 'p2', 2, 0), shown('shop:s', 'p3', 1, 1), shown('anon:b', 'p4', 1, 2)]);
      expect(await log.mergeUser('anon:a', 'shop:s')).toBe(2);
      expect(await log.mergeUser('anon:a', 'shop:s')).toBe(0);
      expect(await log.read({ user: 'anon:a' })).toEqual([]);
      expect((await log.read({ user: 'shop:s' })).map((e) => e.product).sort()).toEqual(['p1', 'p2', 'p3']);
      expect(await log.read({ user: 'anon:b' })).toHaveLength(1);
    });

    it('forgets a user and purges old events, saying how many', async () => {
      await log.append([shown('u1', 'p1', 1, 0), shown('u1', 'p2', 2, 30), shown('u2', 'p1', 1, 0), shown('u2', 'p2', 1, 40)]);
      expect(await log.forgetUser('u1')).toBe(2);
      expect(await log.forgetUser('u1')).toBe(0);
      expect(await log.purgeBefore(new Date(at(10)))).toBe(1);
      expect((await log.read({})).map((e) => [e.user, e.product])).toEqual([['u2', 'p2']]);
    });

    it('scans a time range in writing order, page by page, each event once', async () => {
      await log.append(Array.from({ length: 7 }, (_, i) => shown('u1', `p${i}`, 1, i)));
      await log.append([{ user: 'u1', product: 'p1', kind: 'click', channel: 'widget', conversation: 'c1', at: at(3) }]);
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await log.scan({ from: new Date(at(1)), to: new Date(at(6)) }, { size: 2, ...(after ? { after } : {}) });
        seen.push(...page.events.map((e) => `${e.kind}:${e.product}`));
        after = page.next;
        pages++;
      } while (after);
      expect(seen).toEqual(['impression:p1', 'impression:p2', 'impression:p3', 'impression:p4', 'impression:p5', 'click:p1']);
      expect(pages).toBe(4); // the third page was full, so a fourth (empty) one was asked for
      expect((await log.scan({ kinds: ['click'] })).events).toMatchObject([{ product: 'p1', kind: 'click' }]);
      expect((await log.scan({}, { size: 100 })).next).toBeUndefined();
      await expect(log.scan({}, { after: 'x1' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/next/) });
    });

    it('shares its database with a second log, as another process would', async () => {
      const other = await open();
      try {
        await other.append([shown('u1', 'p1', 1, 0)]);
        expect(await log.read({ user: 'u1' })).toHaveLength(1);
      } finally {
        await other.close();
      }
    });
  });
}

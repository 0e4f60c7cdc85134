import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportedEvents } from '../../../src/channels/widget-events.ts';
import { MAX_REPORTED_EVENTS, parseClientFrame } from '../../../src/channels/widget-protocol.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';

describe('the events frame', () => {
  const click = (i: number) => ({ id: `click-${String(i).padStart(6, '0')}`, kind: 'click', product: 'p1' });

  it('carries a batch of clicks and nothing else', () => {
    expect(parseClientFrame(JSON.stringify({ type: 'events', events: [click(1)] }))).toMatchObject({ ok: true, frame: { type: 'events', events: [click(1)] } });
    const refused = (frame: unknown) => parseClientFrame(JSON.stringify(frame));
    expect(refused({ type: 'events', user: 'shop:x', events: [click(1)] })).toEqual({ ok: false, message: expect.stringContaining('"user"') });
    expect(refused({ type: 'events', events: [{ ...click(1), user: 'shop:x' }] })).toMatchObject({ ok: false });
    expect(refused({ type: 'events', events: [{ ...click(1), position: 1 }] })).toMatchObject({ ok: false });
    expect(refused({ type: 'events', events: [{ ...click(1), kind: 'purchase' }] })).toMatchObject({ ok: false });
    expect(refused({ type: 'events', events: [] })).toMatchObject({ ok: false });
    expect(refused({ type: 'events', events: Array.from({ length: MAX_REPORTED_EVENTS + 1 }, (_, i) => click(i)) })).toMatchObject({ ok: false });
  });
});

describe('reported events', () => {
  let dir: string;
  let log: EventLog;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-reported-'));
    log = openSqliteEventLog(path.join(dir, 'conversations.db'));
    await log.append(['p1', 'p2', 'p3', 'p4'].map((product, i) => ({ user: 'anon:a', product, kind: 'impression' as const, position: i + 1, query: 'lamps', channel: 'widget', conversation: 'widget:c1' })));
  });
  afterAll(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each shopper within their allowance: the rest are ignored, then refused until it refills', async () => {
    let now = 0;
    const reported = createReportedEvents(log, { perMinute: 2, now: () => now });
    const reporter = { user: 'anon:a', conversation: 'widget:c1' };
    const clicks = ['p1', 'p2', 'p3'].map((product, i) => ({ id: `click-r0000${i}`, kind: 'click' as const, product }));
    expect(await reported.record(reporter, clicks)).toEqual({ recorded: 2, ignored: 1 });
    await expect(reported.record(reporter, [{ id: 'click-r00009', kind: 'click', product: 'p4' }])).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another shopper has their own allowance (and nothing shown to them here).
    expect(await reported.record({ user: 'anon:b', conversation: 'widget:c1' }, [clicks[0]!])).toEqual({ recorded: 0, ignored: 1 });
    now += 60_000;
    expect(await reported.record(reporter, [{ id: 'click-r00009', kind: 'click', product: 'p4' }])).toEqual({ recorded: 1, ignored: 0 });
    expect((await log.read({ user: 'anon:a', kinds: ['click'] })).map((e) => [e.product, e.position])).toEqual([['p4', 4], ['p2', 2], ['p1', 1]]);
  });
});

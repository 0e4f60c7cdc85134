import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readEventRecords, type EventFileFormat } from '../../../src/events/event-file.ts';
import { exportEvents } from '../../../src/events/events-export.ts';
import { importEvents } from '../../../src/events/events-import.ts';
import type { BehaviourEvent, EventLog, EventRange } from '../../../src/storage/event-log.ts';
import { openPostgresEventLog } from '../../../src/storage/postgres-event-log.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-events-import-'));
const schemas = testSchemas();
let n = 0;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schemas.dropAll();
});

const STORES: [string, () => Promise<EventLog>][] = [
  ['SQLite', async () => openSqliteEventLog(join(dir, `events-${++n}.db`))],
  ['PostgreSQL', () => openPostgresEventLog(TEST_PG_URL, schemas.newSchema())],
];

/** A store's history with what real exports contain: quotes, commas, several kinds, a search with positions, bad rows. */
const HISTORY = [
  'user_id,product_id,event,timestamp,query,position,session',
  'shop:1,P1,impression,2026-03-01T10:00:00Z,"red, linen sofa",1,c1',
  'shop:1,P2,impression,2026-03-01T10:00:00Z,"red, linen sofa",2,c1',
  'shop:1,P2,click,2026-03-01T10:01:00Z,"red, linen sofa",2,c1',
  'shop:1,P2,cart,2026-03-01T10:02:00.250Z,,,c1',
  'shop:1,P2,buy,2026-03-01T10:09:00Z,,,',
  'anon:7,"P ""9""",view,1772445600,,,',
  'anon:7,P3,wishlist,2026-03-02T10:00:00Z,,,',
  'anon:7,P3,click,not-a-time,,,',
  'shop:2,P4,add_to_cart,2026-03-03T08:00:00+01:00,lamp,1,',
].join('\n');

async function load(log: EventLog, text: string, format: EventFileFormat = 'csv', batch?: number) {
  return importEvents(log, readEventRecords(Readable.from([text]), format), { batch });
}

async function exported(log: EventLog, format: EventFileFormat, range: EventRange = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  await exportEvents(log, range, format, out);
  return chunks.join('');
}

const scanAll = async (log: EventLog): Promise<BehaviourEvent[]> => (await log.scan({}, { size: 1000 })).events;

describe.each(STORES)('aisle events import and export on %s', (_, open) => {
  it('imports the good rows, reports the bad ones, and round-trips through export in both formats', async () => {
    const log = await open();
    try {
      const report = await load(log, HISTORY);
      expect(report).toMatchObject({ accepted: 7, rejected: 2 });
      expect(report.errors.map((e) => [e.line, e.field])).toEqual([[8, 'event'], [9, 'timestamp']]);
      const stored = await scanAll(log);
      expect(stored.map((e) => [e.user, e.product, e.kind, e.at, e.query, e.position, e.conversation, e.channel])).toEqual([
        ['shop:1', 'P1', 'impression', '2026-03-01T10:00:00.000Z', 'red, linen sofa', 1, 'c1', 'import'],
        ['shop:1', 'P2', 'impression', '2026-03-01T10:00:00.000Z', 'red, linen sofa', 2, 'c1', 'import'],
        ['shop:1', 'P2', 'click', '2026-03-01T10:01:00.000Z', 'red, linen sofa', 2, 'c1', 'import'],
        ['shop:1', 'P2', 'add_to_cart', '2026-03-01T10:02:00.250Z', undefined, undefined, 'c1', 'import'],
        ['shop:1', 'P2', 'purchase', '2026-03-01T10:09:00.000Z', undefined, undefined, undefined, 'import'],
        ['anon:7', 'P "9"', 'detail_view', '2026-03-02T10:00:00.000Z', undefined, undefined, undefined, 'import'],
        ['shop:2', 'P4', 'add_to_cart', '2026-03-03T07:00:00.000Z', 'lamp', 1, undefined, 'import'],
      ]);
      for (const format of ['csv', 'jsonl'] as const) {
        const text = await exported(log, format);
        const again = await open();
        try {
          expect(await load(again, text, format)).toMatchObject({ accepted: 7, rejected: 0 });
          expect(await scanAll(again)).toEqual(stored);
          expect(await exported(again, format)).toBe(text);
        } finally {
          await again.close();
        }
      }
    } finally {
      await log.close();
    }
  });

  it('exports a time range: from inclusive, to exclusive', async () => {
    const log = await open();
    try {
      await load(log, HISTORY);
      const text = await exported(log, 'csv', { from: new Date('2026-03-01T10:02:00.250Z'), to: new Date('2026-03-03T07:00:00Z') });
      expect(text.trim().split('\n').map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
        'user_id,product_id,event', 'shop:1,P2,add_to_cart', 'shop:1,P2,purchase', 'anon:7,"P ""9""",detail_view',
      ]);
    } finally {
      await log.close();
    }
  });

  it('keeps every batch written before a failure and says which line to resume after', async () => {
    const log = await open();
    try {
      let calls = 0;
      const failing: EventLog = { ...log, append: (events) => (++calls === 3 ? Promise.reject(new Error('disk full')) : log.append(events)) };
      await expect(load(failing, HISTORY, 'csv', 2)).rejects.toThrow(/disk full The 4 events up to line 5 are stored: fix the cause, then import the rows after line 5 only/);
      expect((await scanAll(log)).map((e) => e.kind)).toEqual(['impression', 'impression', 'click', 'add_to_cart']);
    } finally {
      await log.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistoryReader } from '../../../src/rerank/history.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';

let dir: string;
let log: EventLog;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'aisle-history-'));
  log = await openSqliteEventLog(path.join(dir, 'events.db'));
});
afterAll(async () => { await log.close(); rmSync(dir, { recursive: true, force: true }); });

const t = (minute: number) => new Date(Date.UTC(2026, 10, 29, 12, minute)).toISOString();

describe('a shopper\'s history', () => {
  it('is their clicks, detail views, add-to-carts and purchases before the search, newest first, at most the limit', async () => {
    await log.append([
      { user: 'shop:a', product: 'p1', kind: 'click', channel: 'widget', at: t(1) },
      { user: 'shop:a', product: 'p2', kind: 'impression', channel: 'widget', at: t(2) },
      { user: 'shop:a', product: 'p3', kind: 'purchase', channel: 'widget', at: t(3) },
      { user: 'shop:a', product: 'p4', kind: 'add_to_cart', channel: 'widget', at: t(4) },
      { user: 'shop:a', product: 'p5', kind: 'detail_view', channel: 'widget', at: t(9) },
      { user: 'shop:b', product: 'p6', kind: 'click', channel: 'widget', at: t(5) },
    ]);
    const history = await createHistoryReader(log, 2)('shop:a', new Date(t(9)));
    expect(history).toEqual([{ product: 'p4', kind: 'add_to_cart', at: new Date(t(4)) }, { product: 'p3', kind: 'purchase', at: new Date(t(3)) }]);
    expect(await createHistoryReader(log)('shop:c', new Date(t(9)))).toEqual([]);
    expect((await createHistoryReader(log)('shop:a', new Date(t(10)))).map((e) => e.product)).toEqual(['p5', 'p4', 'p3', 'p1']);
  });
});

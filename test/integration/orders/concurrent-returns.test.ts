import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrderDesk } from '../../../src/orders/order-desk.ts';
import type { OrderStore } from '../../../src/storage/order-store.ts';
import { openPostgresOrderStore } from '../../../src/storage/postgres-order-store.ts';
import { openSqliteOrderStore } from '../../../src/storage/sqlite-order-store.ts';
import { anOrder } from '../../support/order-fixture.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'aisle-concurrent-returns-'));
const { newSchema, dropAll } = testSchemas();
afterAll(async () => {
  await dropAll();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => Promise<OrderStore>][] = [
  ['SQLite', async () => openSqliteOrderStore(join(dir, 'orders.db'))],
  ['PostgreSQL', (() => { const schema = newSchema(); return () => openPostgresOrderStore(TEST_PG_URL, schema); })()],
];

describe.each(stores)('two returns of the same items at once (%s)', (_name, open) => {
  it('records one and refuses the other, even from two processes', async () => {
    const [a, b] = [await open(), await open()];
    try {
      await a.upsert([anOrder('55', { deliveredAt: '2026-11-15T10:00:00Z' })]);
      const shopper = { user: 'anon:erin', conversation: 'c-erin' };
      const [deskA, deskB] = [createOrderDesk(a, { now: () => NOW }), createOrderDesk(b, { now: () => NOW })];
      expect((await deskA.verify(shopper, '55', '43215')).kind).toBe('granted');
      const outcomes = await Promise.all([deskA.startReturn(shopper, '55', [1], 'Too small'), deskB.startReturn(shopper, '55', [1], 'Too small')]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['done', 'not-allowed']);
      expect((await a.get('55'))!.returns).toHaveLength(1);
      expect(await a.auditTrail({ order: '55', action: 'return', outcome: 'ok' })).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderDesk, type OrderDesk } from '../../../src/orders/order-desk.ts';
import type { OrderStore } from '../../../src/storage/order-store.ts';
import { openSqliteOrderStore } from '../../../src/storage/sqlite-order-store.ts';
import { anOrder } from '../../support/order-fixture.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'aisle-refused-audit-'));
let store: OrderStore;
let desk: OrderDesk;

beforeAll(async () => {
  store = openSqliteOrderStore(join(dir, 'orders.db'));
  desk = createOrderDesk(store, { now: () => NOW, limits: { perConversation: 2 } });
  await store.upsert([anOrder('1', { status: 'processing' })]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('refused look-ups are audited, without the proof the shopper typed', () => {
  it('writes a row for a wrong proof, an unknown number, a throttled try and an unproved look-up or action', async () => {
    const eve = { user: 'anon:eve', conversation: 'c-eve', channel: 'widget', ip: '203.0.113.9' };
    expect((await desk.verify(eve, '1', 'eve@evil.example')).kind).toBe('not-found');
    expect((await desk.verify(eve, '#999', '90210')).kind).toBe('not-found');
    expect((await desk.verify(eve, '1', '43215')).kind).toBe('throttled');
    expect((await desk.open(eve, '1', 'status')).kind).toBe('needs-proof');
    expect(await desk.cancel(eve, '1')).toEqual({ kind: 'not-verified' });
    expect(await desk.startReturn(eve, '1', [0], 'x')).toEqual({ kind: 'not-verified' });
    const trail = await store.auditTrail({ conversation: 'c-eve' });
    expect(trail.map((a) => [a.action, a.order, a.outcome]).reverse()).toEqual([
      ['verify', '1', 'refused'], ['verify', '#999', 'refused'], ['verify', '1', 'throttled'],
      ['lookup', '1', 'refused'], ['cancel', '1', 'refused'], ['return', '1', 'refused'],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/evil|90210|43215/);
    // Only failed proofs count towards the limit; an unproved look-up is a question, not a guess.
    expect(await store.auditTrail({ conversation: 'c-eve', action: 'verify', outcome: 'refused' })).toHaveLength(2);
  });

  it('audits a refusal even when the order number typed is too long or odd to store as given', async () => {
    const mallory = { user: 'anon:mallory', conversation: 'c-mallory' };
    const junk = `${'9'.repeat(80)}`;
    expect((await desk.verify(mallory, junk, '43215')).kind).toBe('not-found');
    expect((await desk.open(mallory, junk)).kind).toBe('needs-proof');
    const trail = await store.auditTrail({ conversation: 'c-mallory' });
    expect(trail.map((a) => [a.action, a.outcome])).toEqual([['lookup', 'refused'], ['verify', 'refused']]);
    expect(trail[0]!.order!.length).toBeLessThanOrEqual(64);
  });
});

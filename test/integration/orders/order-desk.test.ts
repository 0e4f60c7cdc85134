import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderDesk, type OrderDesk } from '../../../src/orders/order-desk.ts';
import { postcodeKey } from '../../../src/orders/order.ts';
import { returnDeadline } from '../../../src/orders/return-policy.ts';
import type { OrderStore } from '../../../src/storage/order-store.ts';
import { openSqliteOrderStore } from '../../../src/storage/sqlite-order-store.ts';
import { anOrder } from '../../support/order-fixture.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'aisle-order-desk-'));
let store: OrderStore;
let desk: OrderDesk;
const alice = { user: 'anon:alice', conversation: 'c-alice', channel: 'widget' };

beforeAll(async () => {
  store = openSqliteOrderStore(join(dir, 'orders.db'));
  desk = createOrderDesk(store, { now: () => NOW });
  await store.upsert([anOrder('1', { status: 'processing', customerId: 'cust-1' }), anOrder('2', { deliveredAt: '2026-11-15T10:00:00Z' })]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the order desk acts only for whoever proved the order', () => {
  it('refuses to cancel or return without a verification in this conversation: nothing done, the refusals audited', async () => {
    expect(await desk.cancel(alice, '1')).toEqual({ kind: 'not-verified' });
    expect(await desk.startReturn(alice, '2', [0], 'Changed my mind')).toEqual({ kind: 'not-verified' });
    expect((await store.get('1'))!.order.status).toBe('processing');
    expect((await store.auditTrail({ conversation: alice.conversation })).map((a) => [a.action, a.outcome])).toEqual([['return', 'refused'], ['cancel', 'refused']]);
  });

  it("a verification holds for its conversation and user only, and a signed-in shopper needs none for their own", async () => {
    expect((await desk.verify(alice, '#1', ' 43215 ')).kind).toBe('granted');
    expect((await desk.open(alice, '1')).kind).toBe('granted');
    expect((await desk.open({ ...alice, conversation: 'c-other' }, '1')).kind).toBe('needs-proof');
    expect((await desk.open({ ...alice, user: 'anon:mallory' }, '1')).kind).toBe('needs-proof');
    expect((await desk.open({ user: 'shop:cust-1', conversation: 'c-shop' }, '1')).kind).toBe('granted');
    expect((await desk.open({ user: 'shop:cust-2', conversation: 'c-shop2' }, '1')).kind).toBe('needs-proof');
    // A store's customer id is no proof outside the shop: namespace a signed token gives.
    expect((await desk.open({ user: 'cust-1', conversation: 'c-x' }, '1')).kind).toBe('needs-proof');
    expect(await desk.ownOrders({ user: 'anon:cust-1', conversation: 'c-y' })).toEqual([]);
  });

  it('returns only what is left of a line once it is on a return', async () => {
    const bob = { user: 'anon:bob', conversation: 'c-bob' };
    await desk.verify(bob, '2', 'maya.chen@example.com');
    const started = await desk.startReturn(bob, '2', [1], 'Doesn\'t fit');
    expect(started).toMatchObject({ kind: 'done', value: { rma: 'RMA-2-1', items: [{ title: 'Stoneware mug', quantity: 2 }], dropOffBy: '2026-12-04T12:00:00.000Z' } });
    expect(await desk.startReturn(bob, '2', [1], 'Again')).toMatchObject({ kind: 'not-allowed' });
    const access = await desk.open(bob, '2', 'return');
    expect(access.kind === 'granted' && access.returnable.map((r) => r.index)).toEqual([0]);
  });
});

describe('returns are matched to order lines, not titles', () => {
  it('keeps a second line with the same title returnable once the first is on a return', async () => {
    const shoes = [{ sku: 'TR-M', title: 'Trail runner', quantity: 1, price: 90 }, { sku: 'TR-L', title: 'Trail runner', quantity: 1, price: 90 }];
    await store.upsert([anOrder('31', { items: shoes, deliveredAt: '2026-11-15T10:00:00Z' })]);
    const carol = { user: 'anon:carol', conversation: 'c-carol' };
    await desk.verify(carol, '31', '43215');
    const started = await desk.startReturn(carol, '31', [0], 'Too small');
    expect(started).toMatchObject({ kind: 'done', value: { items: [{ line: 0, sku: 'TR-M', title: 'Trail runner', quantity: 1 }] } });
    const access = await desk.open(carol, '31', 'return');
    expect(access.kind === 'granted' && access.returnable.map((r) => r.item.sku)).toEqual(['TR-L']);
    expect(await desk.startReturn(carol, '31', [1], 'Too big')).toMatchObject({ kind: 'done', value: { items: [{ line: 1, sku: 'TR-L' }] } });
  });

  it('follows a line by its sku when a re-import reorders the lines', async () => {
    const lines = [{ sku: 'A-1', title: 'Linen shirt', quantity: 1, price: 40 }, { sku: 'A-2', title: 'Linen shirt', quantity: 1, price: 40 }];
    await store.upsert([anOrder('32', { items: lines, deliveredAt: '2026-11-15T10:00:00Z' })]);
    const dan = { user: 'anon:dan', conversation: 'c-dan' };
    await desk.verify(dan, '32', '43215');
    expect((await desk.startReturn(dan, '32', [1], 'Wrong colour')).kind).toBe('done');
    await store.upsert([anOrder('32', { items: [lines[1]!, lines[0]!], deliveredAt: '2026-11-15T10:00:00Z' })]);
    const access = await desk.open(dan, '32', 'return');
    expect(access.kind === 'granted' && access.returnable.map((r) => r.item.sku)).toEqual(['A-1']);
  });
});

describe('the return window and postcodes', () => {
  it('is 30 days from delivery, and until January 31 for an order placed in November or December', () => {
    const order = (placedAt: string, deliveredAt: string) => ({ ...anOrder('x'), placedAt, deliveredAt }) as never;
    expect(returnDeadline(order('2026-06-01T00:00:00Z', '2026-06-05T00:00:00Z'))?.toISOString()).toBe('2026-07-05T00:00:00.000Z');
    expect(returnDeadline(order('2026-11-02T00:00:00Z', '2026-11-05T00:00:00Z'))?.toISOString()).toBe('2027-01-31T23:59:59.000Z');
    expect(returnDeadline(order('2026-12-30T00:00:00Z', '2027-01-10T00:00:00Z'))?.toISOString()).toBe('2027-02-09T00:00:00.000Z');
  });

  it('compares postcodes without spaces, dashes or case, and a ZIP+4 as its ZIP', () => {
    expect(postcodeKey('sw1a 1aa')).toBe(postcodeKey('SW1A1AA'));
    expect(postcodeKey('43215-1234')).toBe('43215');
    expect(postcodeKey('432151234')).toBe('43215');
  });
});

describe('the guess limits hold against fresh ids and addresses', () => {
  it('refuses a sixth failed verification of one order within the hour, whoever tries, with the retry time', async () => {
    await store.upsert([anOrder('77')]);
    for (let i = 0; i < 5; i++) {
      const guesser = { user: `anon:g${i}`, conversation: `c-g${i}`, ip: `198.51.100.${i + 1}` };
      expect((await desk.verify(guesser, '#77', `0000${i}`)).kind).toBe('not-found');
    }
    const fresh = { user: 'anon:g9', conversation: 'c-g9', ip: '198.51.100.99' };
    expect(await desk.verify(fresh, '77', '43215')).toEqual({ kind: 'throttled', retryMinutes: 60 });
    // Another order is not held up by this one's guesses.
    expect((await desk.verify(fresh, '2', 'maya.chen@example.com')).kind).toBe('granted');
  });

  it('counts IPv6 addresses of one /64 as one address', async () => {
    const limited = createOrderDesk(store, { now: () => NOW, limits: { perConversation: 99, perUser: 99, perIp: 3, perOrder: 99 } });
    for (let i = 1; i <= 3; i++) {
      const guesser = { user: `anon:v${i}`, conversation: `c-v${i}`, ip: `2001:db8:5:6::${i}` };
      expect((await limited.verify(guesser, `9${i}`, 'nobody@example.com')).kind).toBe('not-found');
    }
    const sameNet = { user: 'anon:v9', conversation: 'c-v9', ip: '2001:0db8:0005:0006:ffff:1:2:3' };
    expect((await limited.verify(sameNet, '1', '43215')).kind).toBe('throttled');
    expect((await limited.verify({ ...sameNet, ip: '2001:db8:5:7::1' }, '1', '43215')).kind).toBe('granted');
    expect((await store.auditTrail({ conversation: 'c-v1' }))[0]!.ip).toBe('2001:db8:5:6::/64');
  });
});

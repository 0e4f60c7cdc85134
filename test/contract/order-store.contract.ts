import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderStore } from '../../src/storage/order-store.ts';
import { anOrder } from '../support/order-fixture.ts';

const caller = { actor: 'shop:cust-1', conversation: 'c1', channel: 'widget' } as const;

/**
 * The behaviour every OrderStore must show. `newDatabase` makes an empty database and returns an opener for it:
 * each call opens another store on that same database, as a second process would.
 */
export function orderStoreContract(name: string, newDatabase: () => Promise<() => Promise<OrderStore>>, cleanup?: () => Promise<void>): void {
  describe(`OrderStore contract: ${name}`, () => {
    let open: () => Promise<OrderStore>;
    let store: OrderStore;
    beforeEach(async () => {
      open = await newDatabase();
      store = await open();
    });
    afterEach(() => store.close());
    if (cleanup) afterAll(cleanup);

    it('stores orders and finds one by number, "#" and case ignored, with totals filled in', async () => {
      expect(await store.get('10401')).toBeUndefined();
      expect(await store.upsert([anOrder('#10401'), anOrder('ad-2044', { customerId: undefined })])).toEqual({ inserted: 2, updated: 0, kept: 0 });
      const found = await store.get('#10401');
      expect(found?.returns).toEqual([]);
      expect(found?.order).toMatchObject({ number: '10401', email: 'maya.chen@example.com', postcode: '43215', status: 'delivered', subtotal: 195, total: 207.5 });
      expect(found?.order.items[1]).toEqual({ productId: 'p2', title: 'Stoneware mug', quantity: 2, price: 18 });
      expect(found?.order.tracking).toEqual({ carrier: 'UPS', number: '1Z999AA10123456784' });
      expect((await store.get('AD-2044'))?.order.number).toBe('ad-2044');
    });

    it('replaces an order imported again, keeping its returns, and another process sees it', async () => {
      await store.upsert([anOrder('10401')]);
      await store.addReturn({ order: '10401', items: [{ title: 'Stoneware mug', quantity: 1 }], reason: 'Changed my mind', createdAt: '2026-11-06T10:00:00.000Z', dropOffBy: '2026-11-20T10:00:00.000Z' }, { ...caller, action: 'return', order: '10401', outcome: 'ok' });
      expect(await store.upsert([anOrder('10401', { status: 'shipped' })])).toEqual({ inserted: 0, updated: 1, kept: 0 });
      const other = await open();
      try {
        const found = await other.get('10401');
        expect(found?.order.status).toBe('shipped');
        expect(found?.returns.map((r) => r.rma)).toEqual(['RMA-10401-1']);
      } finally {
        await other.close();
      }
    });

    it('keeps a cancellation made through Aisle when the order is imported again with an older status', async () => {
      await store.upsert([anOrder('8', { status: 'processing', deliveredAt: undefined, shippedAt: undefined })]);
      const entry = { ...caller, action: 'cancel' as const, order: '8', outcome: 'ok' as const };
      const cancelled = await store.changeStatus('8', ['placed', 'processing'], 'cancelled', entry);
      const stale = anOrder('8', { status: 'processing', deliveredAt: undefined, shippedAt: undefined, tracking: { number: 'NEW-1' } });
      expect(await store.upsert([stale, anOrder('9')])).toEqual({ inserted: 1, updated: 1, kept: 1 });
      const found = (await store.get('8'))!.order;
      expect(found).toMatchObject({ status: 'cancelled', cancelledAt: cancelled!.cancelledAt, tracking: { number: 'NEW-1' } });
      // The store's own system caught up: nothing to keep.
      expect(await store.upsert([{ ...stale, status: 'cancelled' }])).toEqual({ inserted: 0, updated: 1, kept: 0 });
      expect((await store.get('8'))!.order.status).toBe('cancelled');
    });

    it('tells whether any order carries a postcode', async () => {
      expect(await store.usesPostcodes()).toBe(false);
      await store.upsert([anOrder('1', { postcode: undefined })]);
      expect(await store.usesPostcodes()).toBe(false);
      await store.upsert([anOrder('2')]);
      expect(await store.usesPostcodes()).toBe(true);
    });

    it('refuses a bad batch whole, naming the order and field', async () => {
      await expect(store.upsert([anOrder('1'), anOrder('2', { email: 'not-an-email' })])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Order 2 of 2 .*email/) });
      await expect(store.upsert([anOrder('3', { items: [] })])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/items/) });
      await expect(store.upsert([anOrder('4', { status: 'lost' as never })])).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/status/) });
      expect(await store.get('1')).toBeUndefined();
    });

    it("lists a customer's orders newest first, and no one else's", async () => {
      await store.upsert([anOrder('1', { placedAt: '2026-10-01T00:00:00Z' }), anOrder('2', { placedAt: '2026-11-01T00:00:00Z' }), anOrder('3', { customerId: 'cust-2' })]);
      expect((await store.forCustomer('cust-1')).map((o) => o.number)).toEqual(['2', '1']);
      expect((await store.forCustomer('cust-1', 1)).map((o) => o.number)).toEqual(['2']);
      expect(await store.forCustomer('nobody')).toEqual([]);
    });

    it('changes a status only from an allowed one, writing the audit row with it', async () => {
      await store.upsert([anOrder('7', { status: 'processing' })]);
      const entry = { ...caller, action: 'cancel' as const, order: '7', outcome: 'ok' as const, detail: 'processing→cancelled' };
      expect(await store.changeStatus('7', ['shipped'], 'cancelled', entry)).toBeUndefined();
      expect(await store.auditTrail({ order: '7' })).toEqual([]);
      const changed = await store.changeStatus('7', ['placed', 'processing'], 'cancelled', entry);
      expect(changed).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      expect((await store.get('7'))?.order.status).toBe('cancelled');
      expect(await store.changeStatus('7', ['placed', 'processing'], 'cancelled', entry)).toBeUndefined();
      expect(await store.auditTrail({ order: '7' })).toMatchObject([{ actor: 'shop:cust-1', action: 'cancel', outcome: 'ok', detail: 'processing→cancelled' }]);
      expect(await store.changeStatus('nope', ['placed'], 'cancelled', entry)).toBeUndefined();
    });

    it('numbers returns per order and audits each with its RMA', async () => {
      await store.upsert([anOrder('10401')]);
      const started = { order: '#10401', items: [{ title: 'Arc floor lamp', productId: 'p1', quantity: 1 }], reason: 'Arrived damaged', createdAt: '2026-11-06T10:00:00.000Z', dropOffBy: '2026-11-20T10:00:00.000Z' };
      const first = await store.addReturn(started, { ...caller, action: 'return', order: '10401', outcome: 'ok' });
      const second = await store.addReturn({ ...started, items: [{ title: 'Stoneware mug', quantity: 2 }] }, { ...caller, action: 'return', order: '10401', outcome: 'ok' });
      expect([first?.rma, second?.rma]).toEqual(['RMA-10401-1', 'RMA-10401-2']);
      expect(first).toEqual({ ...started, order: '#10401', rma: 'RMA-10401-1', status: 'started' });
      expect((await store.get('10401'))?.returns.map((r) => r.items[0]!.title)).toEqual(['Arc floor lamp', 'Stoneware mug']);
      expect((await store.auditTrail({ order: '10401', action: 'return' })).map((a) => a.detail)).toEqual(['RMA-10401-2', 'RMA-10401-1']);
      await expect(store.addReturn({ ...started, order: 'missing' }, { ...caller, action: 'return', outcome: 'ok' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('checks a return against the returns already recorded inside its own transaction, so of two at once only one passes', async () => {
      await store.upsert([anOrder('10409')]);
      const other = await open();
      try {
        const started = { order: '10409', items: [{ line: 0, title: 'Arc floor lamp', quantity: 1 }], reason: 'Too big', createdAt: '2026-11-06T10:00:00.000Z', dropOffBy: '2026-11-20T10:00:00.000Z' };
        const onlyFirst = (_order: unknown, returns: readonly unknown[]) => returns.length === 0;
        const entry = { ...caller, action: 'return' as const, order: '10409', outcome: 'ok' as const };
        const both = await Promise.all([store.addReturn(started, entry, onlyFirst), other.addReturn(started, entry, onlyFirst)]);
        expect(both.filter((r) => r !== undefined)).toHaveLength(1);
        expect((await store.get('10409'))?.returns).toHaveLength(1);
        expect(await store.auditTrail({ order: '10409', action: 'return' })).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('gives orders whose numbers differ only by a separator RMAs of their own', async () => {
      await store.upsert([anOrder('AD-2044'), anOrder('AD2044')]);
      const started = { items: [{ title: 'Stoneware mug', quantity: 1 }], reason: 'Too small', createdAt: '2026-11-06T10:00:00.000Z', dropOffBy: '2026-11-20T10:00:00.000Z' };
      const dashed = await store.addReturn({ ...started, order: 'AD-2044' }, { ...caller, action: 'return', order: 'AD-2044', outcome: 'ok' });
      const plain = await store.addReturn({ ...started, order: 'ad2044' }, { ...caller, action: 'return', order: 'AD2044', outcome: 'ok' });
      expect([dashed?.rma, plain?.rma]).toEqual(['RMA-AD-2044-1', 'RMA-AD2044-1']);
      expect((await store.get('AD2044'))?.returns.map((r) => r.rma)).toEqual(['RMA-AD2044-1']);
    });

    it('reads the audit log by conversation, actor, address, outcome and time, newest first', async () => {
      const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString();
      await store.audit({ ...caller, ip: '203.0.113.7', action: 'verify', order: '999', outcome: 'refused', at: at(0) });
      await store.audit({ ...caller, conversation: 'c2', action: 'verify', order: '10401', outcome: 'refused', at: at(1) });
      await store.audit({ actor: 'anon:x', conversation: 'c3', ip: '203.0.113.7', action: 'lookup', order: '10401', outcome: 'ok', at: at(2) });
      expect((await store.auditTrail({})).map((a) => a.at)).toEqual([at(2), at(1), at(0)]);
      expect(await store.auditTrail({ conversation: 'c1' })).toEqual([{ ...caller, ip: '203.0.113.7', action: 'verify', order: '999', outcome: 'refused', at: at(0) }]);
      expect(await store.auditTrail({ actor: 'shop:cust-1', outcome: 'refused', since: new Date(at(1)) })).toHaveLength(1);
      expect(await store.auditTrail({ ip: '203.0.113.7' })).toHaveLength(2);
      expect(await store.auditTrail({ limit: 1 })).toHaveLength(1);
      await expect(store.audit({ actor: '', action: 'verify', outcome: 'ok' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    });

    it('forgets an actor: who, conversation and address go, what was done to which order stays', async () => {
      await store.audit({ ...caller, ip: '203.0.113.7', action: 'verify', order: '10401', outcome: 'ok' });
      await store.audit({ actor: 'anon:other', action: 'lookup', order: '10401', outcome: 'ok' });
      expect(await store.forgetActor('shop:cust-1')).toBe(1);
      const trail = await store.auditTrail({ order: '10401' });
      expect(trail.map((a) => a.actor).sort()).toEqual(['anon:other', 'forgotten']);
      expect(trail.find((a) => a.actor === 'forgotten')).toEqual({ actor: 'forgotten', channel: 'widget', action: 'verify', order: '10401', outcome: 'ok', at: expect.any(String) });
    });
  });
}

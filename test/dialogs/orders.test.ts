import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOPPERS, demoOrders } from '../../demo/demo-orders.ts';
import { createOrderDesk, type Caller } from '../../src/orders/order-desk.ts';
import type { Order } from '../../src/orders/order.ts';
import type { OrderStore } from '../../src/storage/order-store.ts';
import { openSqliteOrderStore } from '../../src/storage/sqlite-order-store.ts';
import { STORE, standInChat, textOf } from './stand-in-chat.ts';

// The demo orders over the stand-in store, a real SQLite order store, and a fixed clock for the windows.
const NOW = new Date('2026-11-20T15:00:00.000Z');
// perOrder out of the way: these chats fail on the same few demo orders to reach the other limits.
const LIMITS = { perConversation: 3, perUser: 5, perIp: 8, windowMinutes: 15, perOrder: 1000 };
const dir = mkdtempSync(join(tmpdir(), 'aisle-order-dialog-'));
let store: OrderStore;
let orders: Map<string, Order>;
let n = 0;

beforeAll(async () => {
  store = openSqliteOrderStore(join(dir, 'orders.db'));
  await store.upsert(demoOrders(STORE, NOW));
  orders = new Map(await Promise.all(['10401', '10402', '10403', '10404', '10405', '10406', '10407'].map(async (k) => [k, (await store.get(k))!.order] as const)));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chat in a conversation of its own; `who` overrides the caller (a signed-in shopper, an address). */
function chat(who: Partial<Caller> = {}) {
  const caller: Caller = { user: `anon:${++n}`, conversation: `order-test-${n}`, channel: 'test', ...who };
  // Not spread: the chat's `state` is updated in place.
  return Object.assign(standInChat(undefined, { orders: createOrderDesk(store, { now: () => NOW, limits: LIMITS }), caller }), { caller });
}
const title = (number: string, line = 0) => orders.get(number)!.items[line]!.title;

describe('orders: nothing disclosed before verification', () => {
  it('asks for the e-mail or postcode, then answers with status, items, dates and tracking; the e-mail is not kept', async () => {
    const c = chat();
    const ask = textOf(await c.say('where is my order 10401', 'order_status'));
    expect(ask).toMatch(/To look up order 10401, please send the e-mail address or the ZIP\/postcode/);
    expect(ask).not.toContain(title('10401'));
    const status = textOf(await c.say('Maya.Chen@example.com', 'not_sure'));
    expect(status).toMatch(/^Order 10401: Delivered \(placed Nov 10, 2026, shipped Nov 11, 2026, delivered Nov 14, 2026\)/);
    expect(status).toContain(title('10401'));
    expect(status).toContain('Tracking: UPS 1ZAISLE010401');
    expect(JSON.stringify(c.state)).not.toMatch(/maya|example\.com|43215/i);
    expect(c.state.order).toEqual({ number: '10401', verified: true });
  });

  it('takes the ZIP code too, with words around it or a ZIP+4', async () => {
    const c = chat();
    await c.say('track order 10402', 'order_status');
    expect(textOf(await c.say('my zip is 43215-1234', 'not_sure'))).toMatch(/^Order 10402: Shipped/);
  });

  it('asks for the number first when none was given', async () => {
    const c = chat();
    expect(textOf(await c.say("where's my stuff", 'order_status'))).toMatch(/What is the order number/);
    expect(textOf(await c.say('10403', 'not_sure'))).toMatch(/To look up order 10403/);
    expect(textOf(await c.say('43215', 'not_sure'))).toMatch(/^Order 10403: Order received/);
  });

  it('gives a wrong e-mail or postcode exactly the answer an unknown order gets', async () => {
    // The reply may depend on what was typed (digits get a "#" chip), never on whether the order exists.
    for (const proof of [DEMO_SHOPPERS.sam.email, '94110']) {
      const replies: string[] = [];
      for (const number of ['10401', '55555']) {
        const c = chat();
        await c.say(`where is order ${number}`, 'order_status');
        const reply = await c.say(proof, 'not_sure');
        replies.push(JSON.stringify(reply).replaceAll(number, 'N'));
        expect(textOf(reply)).not.toContain(title('10401'));
      }
      expect(new Set(replies).size).toBe(1);
      expect(replies[0]).toMatch(/couldn't find order N with those details/);
    }
  });

  it('offers a bare number that did not match as the ZIP as an order number instead', async () => {
    const c = chat();
    await c.say('where is order 10401', 'order_status');
    const refused = await c.say('10403', 'not_sure', { orderNumbers: ['10403'] });
    expect(textOf(refused)).toMatch(/If 10403 is an order number, tap #10403/);
    expect(refused[0]!.suggestions).toContain('#10403');
    expect(textOf(await c.say('#10403', 'not_sure', { orderNumbers: ['10403'] }))).toMatch(/^To look up order 10403, please send/);
  });
});

describe('orders: a store whose orders carry no postcode', () => {
  let plain: OrderStore;
  beforeAll(async () => {
    plain = openSqliteOrderStore(join(dir, 'no-postcodes.db'));
    await plain.upsert(demoOrders(STORE, NOW).map((o) => ({ ...o, postcode: undefined })));
  });
  afterAll(() => plain.close());
  const emailOnlyChat = () => {
    const caller: Caller = { user: `anon:${++n}`, conversation: `order-test-${n}`, channel: 'test' };
    return Object.assign(standInChat(undefined, { orders: createOrderDesk(plain, { now: () => NOW, limits: LIMITS }), caller }), { caller });
  };

  it('asks for the e-mail only, and reads a bare number at the proof step as another order number, not a failed postcode', async () => {
    const c = emailOnlyChat();
    const ask = textOf(await c.say('where is order 10401', 'order_status'));
    expect(ask).toMatch(/^To look up order 10401, please send the e-mail address on the order\.$/);
    expect(textOf(await c.say('10403', 'not_sure', { orderNumbers: ['10403'] }))).toMatch(/^To look up order 10403, please send the e-mail address/);
    expect(textOf(await c.say('10404', 'not_sure'))).toMatch(/^To look up order 10404/);
    expect(await plain.auditTrail({ conversation: c.caller.conversation, action: 'verify' })).toEqual([]);
    expect(textOf(await c.say(DEMO_SHOPPERS.sam.email, 'not_sure'))).toMatch(/^Order 10404: /);
  });
});

describe('orders: a corrected number in the proof step', () => {
  const refusals = (c: ReturnType<typeof chat>) => store.auditTrail({ conversation: c.caller.conversation, action: 'verify', outcome: 'refused' });

  it('starts over with the new number, never checking it as the old order\'s postcode', async () => {
    const c = chat();
    await c.say('where is order 55555', 'order_status');
    expect(textOf(await c.say('43215', 'not_sure', { orderNumbers: ['43215'] }))).toMatch(/couldn't find order 55555/);
    expect(textOf(await c.say('#10403', 'not_sure', { orderNumbers: ['10403'] }))).toMatch(/^To look up order 10403, please send/);
    expect(textOf(await c.say('43215', 'not_sure', { orderNumbers: ['43215'] }))).toMatch(/^Order 10403: Order received/);
    expect((await refusals(c)).map((a) => a.order)).toEqual(['55555']);
  });

  it('takes a code that could pass for a postcode ("AD-2044") as the new number, and tells how to send one', async () => {
    const c = chat();
    await c.say('where is order 55555', 'order_status');
    expect(textOf(await c.say('nobody@example.com', 'not_sure'))).toMatch(/a different order number with a #, like #12345/);
    expect(textOf(await c.say('AD-2044', 'not_sure', { orderNumbers: ['AD-2044'] }))).toMatch(/^To look up order AD-2044, please send/);
    expect(c.state.pending).toEqual({ kind: 'order', flow: { step: 'proof', task: 'status', number: 'AD-2044', asked: ['email', 'postcode'] } });
    expect((await refusals(c)).map((a) => a.order)).toEqual(['55555']);
  });

  it('verifies the new number against the e-mail or postcode sent with it', async () => {
    const c = chat();
    await c.say('cancel order 10401', 'cancel_order');
    expect(textOf(await c.say('sorry, order 10402 and zip 43215', 'not_sure', { orderNumbers: ['10402'] }))).toMatch(/^Order 10402 has shipped, so it can't be cancelled/);
    expect(c.state.order).toEqual({ number: '10402', verified: true });
    const d = chat();
    await d.say('where is order 10401', 'order_status');
    expect(textOf(await d.say(`#10403 ${DEMO_SHOPPERS.maya.email}`, 'not_sure'))).toMatch(/^Order 10403: Order received/);
    expect(await refusals(c)).toEqual([]);
    expect(await refusals(d)).toEqual([]);
  });
});

describe('orders: failed verifications are limited', () => {
  const fail = async (c: ReturnType<typeof chat>, number = '10401') => {
    await c.say(`where is order ${number}`, 'order_status');
    return textOf(await c.say('nobody@example.com', 'not_sure'));
  };

  it('per conversation: after 3 failures even the right e-mail is refused, and a person is offered', async () => {
    const c = chat();
    for (let i = 0; i < LIMITS.perConversation; i++) expect(await fail(c)).toMatch(/couldn't find/);
    await c.say('where is order 10401', 'order_status');
    const refused = textOf(await c.say(DEMO_SHOPPERS.maya.email, 'not_sure'));
    expect(refused).toMatch(/didn't match too many times.*about 15 minutes.*shall I connect you/);
    expect(refused).not.toContain(title('10401'));
    expect(c.state.pending).toEqual({ kind: 'confirm-handoff', reason: 'support_topic' });
    expect(await store.auditTrail({ conversation: c.caller.conversation, outcome: 'throttled' })).toHaveLength(1);
  });

  it('per user across conversations, and per address across users', async () => {
    const user = `anon:roamer-${n}`;
    for (let i = 0; i < LIMITS.perUser; i++) await fail(chat({ user }), '10402');
    expect(await fail(chat({ user }))).toMatch(/too many times/);
    expect(await fail(chat())).toMatch(/couldn't find/);
    const ip = '198.51.100.23';
    for (let i = 0; i < LIMITS.perIp; i++) await fail(chat({ ip }), '10402');
    expect(await fail(chat({ ip }))).toMatch(/too many times/);
  });

  it('per order number, whoever tries: the same refusal', async () => {
    const c = chat();
    const desk = createOrderDesk(store, { now: () => NOW, limits: { perOrder: 2 } });
    for (const i of [1, 2]) expect((await desk.verify({ user: `anon:o${i}`, conversation: `o${i}-${n}` }, '10405', 'nobody@example.com')).kind).toBe('not-found');
    const guarded = Object.assign(standInChat(undefined, { orders: desk, caller: c.caller }), { caller: c.caller });
    await guarded.say('where is order 10405', 'order_status');
    expect(textOf(await guarded.say('nobody@example.com', 'not_sure'))).toMatch(/didn't match too many times.*about 60 minutes/);
  });
});

describe('orders: a signed-in shopper', () => {
  it('picks from their own orders and sees one without verifying, but not someone else\'s', async () => {
    const c = chat({ user: 'shop:1001' });
    const asked = await c.say('where is my order', 'order_status');
    expect(asked[0]!.suggestions).toEqual(['#10403', '#10402', '#10401', 'Talk to a person']);
    expect(textOf(await c.say('#10402', 'not_sure'))).toMatch(/^Order 10402: Shipped/);
    const other = textOf(await c.say('and order 10404?', 'order_status'));
    expect(other).toMatch(/To look up order 10404/);
    expect(other).not.toContain(title('10404'));
    expect(await store.auditTrail({ conversation: c.caller.conversation, action: 'lookup' })).toMatchObject([
      { actor: 'shop:1001', order: '10404', outcome: 'refused', detail: 'not verified' }, { actor: 'shop:1001', order: '10402', outcome: 'ok', detail: 'signed in' },
    ]);
  });
});

describe('orders: cancelling', () => {
  it('cancels an order not yet shipped after a yes, and audits it', async () => {
    const c = chat();
    await c.say('cancel order 10404', 'cancel_order');
    expect(textOf(await c.say('94110', 'not_sure'))).toMatch(/^Cancel order 10404 \(3 items, .*\)\? It has not shipped, so cancelling is free/);
    expect(textOf(await c.say('yes, cancel it', 'not_sure'))).toMatch(/Order 10404 is cancelled.*Nothing is charged/);
    expect((await store.get('10404'))!.order.status).toBe('cancelled');
    expect((await store.auditTrail({ conversation: c.caller.conversation })).map((a) => [a.action, a.outcome, a.detail])).toEqual([
      ['cancel', 'ok', 'status processing→cancelled'], ['verify', 'ok', 'cancel'], ['lookup', 'refused', 'not verified'],
    ]);
  });

  it('keeps the order on a no, and stops on "never mind"', async () => {
    const c = chat();
    await c.say('cancel order 10403', 'cancel_order');
    await c.say(DEMO_SHOPPERS.maya.email, 'not_sure');
    expect(textOf(await c.say('no, keep it', 'not_sure'))).toMatch(/order 10403 stays as it is/);
    await c.say('cancel order 10403', 'cancel_order');
    expect(textOf(await c.say('never mind', 'cancel_flow'))).toMatch(/nothing was changed/);
    expect((await store.get('10403'))!.order.status).toBe('placed');
    const d = chat();
    await d.say('cancel order 10401', 'cancel_order');
    expect(textOf(await d.say('never mind', 'cancel_flow'))).toMatch(/nothing was changed/);
    expect(d.state.pending).toBeUndefined();
  });

  it('refuses a shipped order, saying what can be done instead', async () => {
    const c = chat();
    await c.say('cancel order 10402', 'cancel_order');
    expect(textOf(await c.say('43215', 'not_sure'))).toMatch(/Order 10402 has shipped, so it can't be cancelled any more\. You can refuse the parcel/);
    expect((await store.get('10402'))!.order.status).toBe('shipped');
  });
});

describe('orders: returns and refunds', () => {
  it('starts a return within the window: which items, the reason, a yes, then the RMA and next steps', async () => {
    const c = chat();
    await c.say('I want to return something from order 10407', 'start_return');
    const which = await c.say(DEMO_SHOPPERS.guest.email, 'not_sure');
    expect(textOf(which)).toMatch(/Which items would you like to return from order 10407\?/);
    expect(textOf(await c.say('the second', 'not_sure'))).toMatch(/reason for the return/);
    const confirm = textOf(await c.say('Arrived damaged', 'complaint'));
    expect(confirm).toBe(`Start a return of ${title('10407', 1)} from order 10407, reason "Arrived damaged"? The prepaid return label is free, because the item arrived damaged, defective or wrong.`);
    const started = textOf(await c.say('yes, start the return', 'not_sure'));
    expect(started).toMatch(/the return number \(RMA\) is RMA-10407-1\./);
    expect(started).toMatch(/Drop the parcel off by Dec 4, 2026 \(14 days from the RMA\)/);
    const { returns } = (await store.get('10407'))!;
    expect(returns).toMatchObject([{ rma: 'RMA-10407-1', reason: 'Arrived damaged', items: [{ title: title('10407', 1), quantity: 2 }], status: 'started' }]);
    expect(await store.auditTrail({ conversation: c.caller.conversation, action: 'return' })).toMatchObject([{ outcome: 'ok', detail: 'RMA-10407-1' }]);
  });

  it('a one-item return with the shopper\'s reason costs the label', async () => {
    const c = chat();
    await c.say('start a return for 10406', 'start_return');
    await c.say(DEMO_SHOPPERS.lena.email, 'not_sure');
    await c.say('1', 'not_sure');
    expect(textOf(await c.say("Doesn't fit", 'not_sure'))).toMatch(/label costs \$7\.95, deducted from the refund/);
  });

  it('refuses a return outside the 30-day window, and one not delivered yet', async () => {
    const c = chat();
    await c.say('return order 10405', 'start_return');
    expect(textOf(await c.say('94110', 'not_sure'))).toMatch(/return window for order 10405 closed on Nov 5, 2026 \(30 days from delivery\)/);
    const d = chat();
    await d.say('return order 10402', 'start_return');
    expect(textOf(await d.say('43215', 'not_sure'))).toMatch(/hasn't been delivered yet/);
  });

  it('tells a refund issued and one pending, audited as refund look-ups', async () => {
    const c = chat({ user: 'shop:1002' });
    expect(textOf(await c.say('where is my refund for order 10405', 'refund_status'))).toMatch(/A refund of \$[\d.,]+ was issued to Visa ending 4242 on Oct 31, 2026/);
    expect(await store.auditTrail({ conversation: c.caller.conversation, action: 'refund_status' })).toHaveLength(1);
    const d = chat();
    await d.say('refund status of order 10406', 'refund_status');
    expect(textOf(await d.say('10001', 'not_sure'))).toMatch(/A refund of \$[\d.,]+ to PayPal is being processed since Nov 18, 2026/);
  });

  it('follows on from a status with its chips: "Cancel this order" acts on the order in focus', async () => {
    const c = chat({ user: 'shop:1001' });
    const status = await c.say('status of order 10403', 'order_status');
    expect(status[0]!.suggestions).toContain('Cancel this order');
    expect(textOf(await c.say('Cancel this order', 'not_sure', {}, 0.3))).toMatch(/^Cancel order 10403/);
  });
});

describe('orders first for order topics, then the help desk', () => {
  const helpDesk = async () => ({ text: 'Returns: start one from your account.', citations: [{ title: 'Starting a return', url: '/help/starting-a-return' }] });

  it('a question about the rules goes to the help centre; one about "my" order to the order desk', async () => {
    const desk = createOrderDesk(store, { now: () => NOW });
    const caller = { user: 'anon:rules', conversation: 'rules-1' };
    const rules = standInChat(undefined, { orders: desk, support: helpDesk, caller });
    expect(textOf(await rules.say('how do I start a return?', 'start_return'))).toBe('Returns: start one from your account.');
    const mine = standInChat(undefined, { orders: desk, support: helpDesk, caller: { ...caller, conversation: 'rules-2' } });
    expect(textOf(await mine.say('I want to return my order', 'start_return'))).toMatch(/What is the order number/);
    // "my card" is the shopper's own card, not an order of theirs: still a question about the rules.
    const card = standInChat(undefined, { orders: desk, support: helpDesk, caller: { ...caller, conversation: 'rules-3' } });
    expect(textOf(await card.say('how long do refunds take to reach my card?', 'refund_status'))).toBe('Returns: start one from your account.');
    const refund = standInChat(undefined, { orders: desk, support: helpDesk, caller: { ...caller, conversation: 'rules-4' } });
    expect(textOf(await refund.say('when will my refund arrive', 'refund_status'))).toMatch(/What is the order number/);
  });

  it('a message that is no number while the number is awaited is answered from the help centre, and the number still awaited', async () => {
    const desk = createOrderDesk(store, { now: () => NOW });
    const c = standInChat(undefined, { orders: desk, support: helpDesk, caller: { user: 'anon:broken', conversation: 'broken-1' } });
    expect(textOf(await c.say('I want to return my headphones', 'start_return'))).toMatch(/What is the order number/);
    const broken = await c.say('they arrived broken', 'start_return');
    expect(broken.map((r) => r.text)).toEqual(['Returns: start one from your account.', "When you have the order number, send it here and I'll carry on."]);
    expect(c.state.pending).toMatchObject({ kind: 'order', flow: { step: 'number', task: 'return' } });
    expect(textOf(await c.say('10401', 'not_sure'))).toMatch(/e-mail address or the ZIP\/postcode/);
  });
});

describe('orders: without an order desk', () => {
  it('order topics still get the honest "not here yet" and a person', async () => {
    expect(textOf(await standInChat().say('where is my order 10401', 'order_status'))).toMatch(/can't help with that here.*order 10401/);
  });
});

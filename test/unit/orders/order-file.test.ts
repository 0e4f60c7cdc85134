import { describe, expect, it } from 'vitest';
import { readOrderFile } from '../../../src/orders/order-file.ts';

// Shopify's orders export: one row per line item; the order's own fields only on its first row.
const SHOPIFY = [
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Zip,Cancelled at,Refunded Amount',
  '#1001,ana@example.com,paid,2026-11-01 10:05:00 -0500,fulfilled,2026-11-02 09:00:00 -0500,USD,84.00,0.00,6.30,90.30,2026-11-01 10:00:00 -0500,2,Stoneware mug,18.00,MUG-1,43215,,',
  '#1001,,,,,,,,,,,,1,"Linen throw, oat",48.00,THROW-2,,,',
  '#1002,ben@example.com,refunded,,unfulfilled,,USD,25.00,6.95,1.88,33.83,2026-11-03 08:00:00 -0500,1,Dino hoodie,25.00,HOOD-3,94110,2026-11-03 09:00:00 -0500,33.83',
  '#1003,cy@example.com,paid,,unfulfilled,,USD,10.00,6.95,0.75,17.70,2026-11-04 08:00:00 -0500,x,Socks,10.00,SOCK-1,10001,,',
  ',,,,,,,,,,,,1,Orphan row,5.00,,,,',
  '#1004,not-an-email,paid,,unfulfilled,,USD,10.00,0,0,10,2026-11-04 08:00:00 -0500,1,Socks,10.00,SOCK-1,10001,,',
].join('\n');

describe('reading an orders file', () => {
  it("reads Shopify's export: rows of one order become its line items; statuses, dates, totals and refunds mapped", () => {
    const read = readOrderFile(SHOPIFY, 'orders_export.csv');
    expect(read.orders.map((o) => [o.order.number, o.lines])).toEqual([['#1001', [2, 3]], ['#1002', [4]]]);
    expect(read.orders[0]!.order).toMatchObject({
      email: 'ana@example.com', postcode: '43215', status: 'shipped', currency: 'USD', subtotal: 84, shipping: 0, tax: 6.3, total: 90.3,
      placedAt: '2026-11-01T15:00:00.000Z', shippedAt: '2026-11-02T14:00:00.000Z',
      items: [{ title: 'Stoneware mug', quantity: 2, price: 18, sku: 'MUG-1' }, { title: 'Linen throw, oat', quantity: 1, price: 48, sku: 'THROW-2' }],
    });
    expect(read.orders[1]!.order).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-03T14:00:00.000Z', refunds: [{ amount: 33.83, status: 'issued' }] });
  });

  it('reads a partly fulfilled or restocked Shopify order as shipped, so it is never offered a cancellation', () => {
    const rows = (fulfillment: string) => [SHOPIFY.split('\n')[0], `#2001,ana@example.com,paid,,${fulfillment},,USD,10.00,0,0,10,2026-11-04 08:00:00 -0500,1,Socks,10.00,SOCK-1,10001,,`].join('\n');
    const statusOf = (fulfillment: string) => readOrderFile(rows(fulfillment), 'orders_export.csv').orders[0]!.order.status;
    expect(['partial', 'Partial', 'restocked', 'fulfilled', 'unfulfilled', ''].map(statusOf)).toEqual(['shipped', 'shipped', 'shipped', 'shipped', 'processing', 'processing']);
  });

  it('reads a Shopify order as delivered when a shipment status or delivery column says so', () => {
    const header = 'Name,Email,Fulfillment Status,Fulfilled at,Created at,Lineitem quantity,Lineitem name,Lineitem price,Shipping Zip,Fulfillment: Shipment Status,Fulfillment: Delivered At';
    const row = (shipment: string, deliveredAt: string) => [header, `#3001,ana@example.com,fulfilled,2026-11-02 09:00:00 -0500,2026-11-01 10:00:00 -0500,1,Socks,10.00,10001,${shipment},${deliveredAt}`].join('\n');
    const read = (shipment: string, deliveredAt: string) => readOrderFile(row(shipment, deliveredAt), 'orders_export.csv');
    expect(read('delivered', '2026-11-05 12:00:00 -0500').orders[0]!.order).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-05T17:00:00.000Z' });
    expect(read('', '2026-11-05 12:00:00 -0500').orders[0]!.order.status).toBe('delivered');
    expect(read('DELIVERED', '').orders[0]!.order.status).toBe('delivered');
    expect(read('in_transit', '').orders[0]!.order.status).toBe('shipped');
  });

  it('takes an order marked delivered without a delivery date, with a warning naming the date its return window counts from', () => {
    const shopify = [
      'Name,Email,Fulfillment Status,Fulfilled at,Created at,Lineitem quantity,Lineitem name,Lineitem price,Fulfillment: Shipment Status',
      '#3002,ana@example.com,fulfilled,2026-11-02 09:00:00 -0500,2026-11-01 10:00:00 -0500,1,Socks,10.00,delivered',
    ].join('\n');
    const read = readOrderFile(shopify, 'orders_export.csv');
    expect(read.orders[0]!.order).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-02T14:00:00.000Z' });
    expect(read.warnings).toEqual([{ line: 2, reason: 'order #3002 is delivered but has no delivery date; its return window counts from its shipping date, 2026-11-02' }]);
    const jsonl = readOrderFile(JSON.stringify({ number: '3003', email: 'a@example.com', status: 'delivered', items: [{ title: 'Socks', quantity: 1, price: 10 }], placedAt: '2026-11-01T10:00:00Z' }), 'o.jsonl');
    expect(jsonl.orders[0]!.order.deliveredAt).toBe('2026-11-01T10:00:00.000Z');
    expect(jsonl.warnings[0]!.reason).toBe('order 3003 is delivered but has no delivery date; its return window counts from its order date, 2026-11-01 (no shipping date either)');
    expect(readOrderFile(SHOPIFY, 'orders_export.csv').warnings).toEqual([]);
  });

  it('refuses bad rows by line number, with the whole order they belong to, and keeps the rest', () => {
    const { errors } = readOrderFile(SHOPIFY, 'orders_export.csv');
    expect(errors).toEqual([
      { line: 5, reason: 'quantity "x" is not a whole number of at least 1; order 1003 not imported (line 5)' },
      { line: 6, reason: 'no order number (name column is empty)' },
      { line: 7, reason: expect.stringMatching(/^order #1004 is not valid: email: /) },
    ]);
  });

  it("reads Aisle's own columns, with a status and a customer id", () => {
    const csv = 'number,email,postcode,customer id,status,placed at,delivered at,title,qty,price,product id\nA-7,dee@example.com,SW1A 1AA,c-9,delivered,2026-10-01T10:00:00Z,2026-10-04T10:00:00Z,Desk lamp,1,79,lamp-brass\n';
    const read = readOrderFile(csv, 'orders.csv');
    expect(read.errors).toEqual([]);
    expect(read.orders[0]!.order).toMatchObject({ number: 'A-7', customerId: 'c-9', status: 'delivered', postcode: 'SW1A 1AA', deliveredAt: '2026-10-04T10:00:00.000Z', items: [{ productId: 'lamp-brass', title: 'Desk lamp', quantity: 1, price: 79 }] });
  });

  it('reads JSONL, one order per line, refusing lines that are not JSON or not valid orders', () => {
    const good = { number: '2001', email: 'e@example.com', status: 'placed', placedAt: '2026-11-01T10:00:00Z', items: [{ title: 'Mug', quantity: 1, price: 18 }] };
    const text = [JSON.stringify(good), '', '{not json', JSON.stringify({ ...good, number: '2002', status: 'lost' }), '[1]'].join('\n');
    const read = readOrderFile(text, 'orders.jsonl');
    expect(read.orders.map((o) => [o.order.number, o.lines])).toEqual([['2001', [1]]]);
    expect(read.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(read.errors[1]!.reason).toMatch(/order 2002 is not valid: status/);
  });

  it('says which column is missing', () => {
    expect(() => readOrderFile('Email,Lineitem name\na@example.com,Mug\n', 'x.csv')).toThrow(/No name column: the header must name one of "name", "order number"/);
    expect(() => readOrderFile('', 'x.jsonl')).toThrow(/no orders/);
  });
});

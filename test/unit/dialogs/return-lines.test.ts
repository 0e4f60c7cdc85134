import { describe, expect, it } from 'vitest';
import { pickLines } from '../../../dialogs/order-answers.ts';
import { lineLabel, whichItems } from '../../../dialogs/order-replies.ts';
import type { Order } from '../../../src/orders/order.ts';

const order = {
  number: '31', items: [
    { sku: 'TR-M', title: 'Trail runner', quantity: 1, price: 90 },
    { sku: 'TR-L', title: 'Trail runner', quantity: 1, price: 90 },
    { title: 'Wool socks', quantity: 2, price: 12 },
  ],
} as Order;

describe('the item question tells apart lines with the same title', () => {
  it('labels twins by SKU, and a chip picks only its own line', () => {
    const labels = order.items.map((_, i) => lineLabel(order, i));
    expect(labels).toEqual(['Trail runner (TR-M)', 'Trail runner (TR-L)', 'Wool socks']);
    expect(whichItems(order, [0, 1, 2]).suggestions).toEqual([...labels, 'All of them']);
    expect(pickLines('Trail runner (TR-L)', [0, 1, 2], labels)).toEqual([1]);
    expect(pickLines('2', [0, 1, 2], labels)).toEqual([1]);
  });
});

import type { NewOrder } from '../../src/orders/order.ts';

/** An order with every field a test may look at; `extra` overrides. */
export function anOrder(number: string, extra: Partial<NewOrder> = {}): NewOrder {
  return {
    number, email: 'Maya.Chen@Example.com', postcode: '43215', customerId: 'cust-1', status: 'delivered',
    items: [{ productId: 'p1', sku: 'SKU-1', title: 'Arc floor lamp', quantity: 1, price: 159 }, { productId: 'p2', title: 'Stoneware mug', quantity: 2, price: 18 }],
    currency: 'USD', shipping: 0, tax: 12.5, placedAt: '2026-11-01T10:00:00.000Z', shippedAt: '2026-11-02T10:00:00.000Z', deliveredAt: '2026-11-05T10:00:00.000Z',
    tracking: { carrier: 'UPS', number: '1Z999AA10123456784' }, refunds: [], ...extra,
  };
}

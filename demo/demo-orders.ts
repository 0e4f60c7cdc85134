/**
 * The demo store's orders: a few shoppers and their orders in every state the assistant handles, over products
 * of the demo catalog. Deterministic for a catalog and a day: dates count back from `now`, so the return window,
 * the cancellable hour and the refunds read the same whenever `aisle demo` runs. README.md ("Orders") lists them.
 */
import type { NewOrder, OrderStatus } from '../src/orders/order.ts';

/** A shopper of the demo store; the widget signs one in as `shop:<customerId>`. */
export interface DemoShopper {
  customerId?: string;
  name: string;
  email: string;
  postcode: string;
}

export const DEMO_SHOPPERS = {
  maya: { customerId: '1001', name: 'Maya Chen', email: 'maya.chen@example.com', postcode: '43215' },
  sam: { customerId: '1002', name: 'Sam Okafor', email: 'sam.okafor@example.com', postcode: '94110' },
  lena: { customerId: '1003', name: 'Lena Fischer', email: 'lena.fischer@example.com', postcode: '10001' },
  guest: { name: 'Alex Rivera (guest checkout)', email: 'alex.rivera@example.com', postcode: '60614' },
} satisfies Record<string, DemoShopper>;

/** A product the orders may hold: the catalog's id, title and price. */
export interface OrderableProduct {
  id: string;
  title: string;
  price?: number;
}

interface Plan {
  number: string;
  shopper: DemoShopper;
  status: OrderStatus;
  /** Hours before `now`: placed, shipped, delivered, cancelled. */
  placed: number;
  shipped?: number;
  delivered?: number;
  cancelled?: number;
  lines: number[];
  refund?: { status: 'issued' | 'pending'; hoursAgo: number; method: string; share: number };
}

const DAY = 24;
const PLANS: Plan[] = [
  { number: '10401', shopper: DEMO_SHOPPERS.maya, status: 'delivered', placed: 10 * DAY, shipped: 9 * DAY, delivered: 6 * DAY, lines: [1, 1] },
  { number: '10402', shopper: DEMO_SHOPPERS.maya, status: 'shipped', placed: 2 * DAY, shipped: DAY, lines: [1] },
  { number: '10403', shopper: DEMO_SHOPPERS.maya, status: 'placed', placed: 0.25, lines: [2] },
  { number: '10404', shopper: DEMO_SHOPPERS.sam, status: 'processing', placed: 5, lines: [1, 1, 1] },
  { number: '10405', shopper: DEMO_SHOPPERS.sam, status: 'delivered', placed: 50 * DAY, shipped: 49 * DAY, delivered: 45 * DAY, lines: [1],
    refund: { status: 'issued', hoursAgo: 20 * DAY, method: 'Visa ending 4242', share: 1 } },
  { number: '10406', shopper: DEMO_SHOPPERS.lena, status: 'delivered', placed: 16 * DAY, shipped: 15 * DAY, delivered: 12 * DAY, lines: [1, 1],
    refund: { status: 'pending', hoursAgo: DAY, method: 'PayPal', share: 0.5 } },
  { number: '10407', shopper: DEMO_SHOPPERS.guest, status: 'delivered', placed: 6 * DAY, shipped: 5 * DAY, delivered: 3 * DAY, lines: [1, 2, 1] },
  { number: '10408', shopper: DEMO_SHOPPERS.lena, status: 'cancelled', placed: 4 * DAY, cancelled: 4 * DAY - 1, lines: [1] },
];

/** The demo orders over `products` (the catalog; priced ones are used), dated back from `now`. */
export function demoOrders(products: readonly OrderableProduct[], now: Date): NewOrder[] {
  const priced = products.filter((p) => p.price !== undefined && p.price > 0).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (priced.length === 0) return [];
  let next = 0;
  // Spread over the catalog, so the orders hold different departments.
  const pick = () => priced[(next++ * 7919) % priced.length]!;
  return PLANS.map((plan) => orderOf(plan, plan.lines.map((quantity) => ({ product: pick(), quantity })), now));
}

function orderOf(plan: Plan, lines: { product: OrderableProduct; quantity: number }[], now: Date): NewOrder {
  const ago = (hours: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - hours * 3_600_000).toISOString();
  const items = lines.map(({ product, quantity }) => ({ productId: product.id, title: product.title, quantity, price: product.price! }));
  const subtotal = Math.round(items.reduce((sum, i) => sum + i.price * i.quantity, 0) * 100) / 100;
  // The help centre's rates: standard shipping $6.95, free from $75.
  const shipping = subtotal >= 75 ? 0 : 6.95;
  const tax = Math.round(subtotal * 0.075 * 100) / 100;
  const { shopper } = plan;
  return {
    number: plan.number, email: shopper.email, postcode: shopper.postcode, ...(shopper.customerId ? { customerId: shopper.customerId } : {}),
    status: plan.status, items, currency: 'USD', subtotal, shipping, tax, placedAt: ago(plan.placed),
    ...(plan.shipped !== undefined ? { shippedAt: ago(plan.shipped), tracking: { carrier: 'UPS', number: `1ZAISLE0${plan.number}`, url: `https://demo.aisle.example/track/1ZAISLE0${plan.number}` } } : {}),
    ...(plan.delivered !== undefined ? { deliveredAt: ago(plan.delivered) } : {}),
    ...(plan.cancelled !== undefined ? { cancelledAt: ago(plan.cancelled) } : {}),
    refunds: plan.refund ? [{
      amount: Math.round(items[0]!.price * items[0]!.quantity * plan.refund.share * 100) / 100, status: plan.refund.status,
      requestedAt: ago(plan.refund.hoursAgo + DAY), ...(plan.refund.status === 'issued' ? { issuedAt: ago(plan.refund.hoursAgo) } : {}), method: plan.refund.method,
    }] : [],
  };
}

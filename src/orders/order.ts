import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Where an order is: `placed` is the help centre's "Order received". */
export const ORDER_STATUSES = ['placed', 'processing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REFUND_STATUSES = ['pending', 'issued', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** One line of an order; `price` is the unit price in the order's currency. */
export interface OrderItem {
  productId?: string;
  sku?: string;
  title: string;
  quantity: number;
  price: number;
}

export interface Refund {
  amount: number;
  status: RefundStatus;
  /** ISO times. */
  requestedAt: string;
  issuedAt?: string;
  /** Where the money goes back to: "Visa ending 4242", "PayPal", "gift card". */
  method?: string;
}

export interface Tracking {
  carrier?: string;
  number: string;
  url?: string;
}

/** An order as the store's system knows it. Money in major units of `currency`; times ISO. */
export interface Order {
  /** As the shop shows it, without a leading '#': "10401", "AD-2044". */
  number: string;
  email: string;
  postcode?: string;
  /** The store's own customer id: the widget's signed-in `shop:ID` shopper owns orders with this id. */
  customerId?: string;
  status: OrderStatus;
  items: OrderItem[];
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  placedAt: string;
  shippedAt?: string;
  deliveredAt?: string;
  cancelledAt?: string;
  tracking?: Tracking;
  refunds: Refund[];
  /** The status Aisle itself set in chat (a cancellation) and when: an import never moves the order back from it. */
  changedInChat?: { status: OrderStatus; at: string };
}

/** A return started on an order; `rma` is the return number the warehouse matches the parcel by. */
export interface ReturnRecord {
  rma: string;
  order: string;
  /**
   * `line` is the order line's index when the return was made and `sku` its SKU: a return is matched to its line by
   * these, never by title (two sizes of one product share a title). Records from before they were kept have neither.
   */
  items: { line?: number; sku?: string; title: string; productId?: string; quantity: number }[];
  reason: string;
  status: 'started' | 'received' | 'refunded' | 'closed';
  createdAt: string;
  /** The parcel must be dropped off by then (14 days from the RMA). */
  dropOffBy: string;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const money = z.number().finite().min(0).max(10_000_000);
const time = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((t) => new Date(t).toISOString());

/** An order as importers and the demo hand it in; checked whole before anything is written. */
export const newOrderSchema = z.strictObject({
  number: text(64).transform(displayNumber).refine((n) => n !== '', 'an order number needs letters or digits'),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  postcode: z.string().trim().max(16).optional().transform((p) => p || undefined),
  customerId: z.string().trim().max(256).optional().transform((c) => c || undefined),
  status: z.enum(ORDER_STATUSES),
  items: z.array(z.strictObject({
    productId: z.string().trim().max(256).optional(), sku: z.string().trim().max(256).optional(),
    title: text(500), quantity: z.number().int().min(1).max(100_000), price: money,
  })).min(1).max(500),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).default('USD'),
  subtotal: money.optional(), shipping: money.default(0), tax: money.default(0), total: money.optional(),
  placedAt: time, shippedAt: time.optional(), deliveredAt: time.optional(), cancelledAt: time.optional(),
  tracking: z.strictObject({ carrier: text(64).optional(), number: text(128), url: z.url().optional() }).optional(),
  refunds: z.array(z.strictObject({
    amount: money, status: z.enum(REFUND_STATUSES), requestedAt: time, issuedAt: time.optional(), method: text(64).optional(),
  })).max(50).default([]),
});
export type NewOrder = z.input<typeof newOrderSchema>;

/** Checks every order before any is written; the error names the first bad one and its fields. */
export function checkOrders(orders: readonly NewOrder[]): Order[] {
  return orders.map((order, i) => {
    const parsed = newOrderSchema.safeParse(order);
    if (!parsed.success) {
      const why = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'order'}: ${issue.message}`).join('; ');
      throw new AppError('BAD_INPUT', `Order ${i + 1} of ${orders.length} is not valid (${why}); nothing was written.`);
    }
    return completeOrder(parsed.data);
  });
}

/** Totals filled in from the items where the source gave none. */
function completeOrder(o: z.output<typeof newOrderSchema>): Order {
  const subtotal = o.subtotal ?? round(o.items.reduce((sum, i) => sum + i.price * i.quantity, 0));
  const { tracking, ...rest } = o;
  return { ...rest, subtotal, total: o.total ?? round(subtotal + o.shipping + o.tax), ...(tracking ? { tracking } : {}) } as Order;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** "#10401 " → "10401": how an order number is shown and stored. */
export function displayNumber(number: string): string {
  return number.trim().replace(/^#+\s*/, '');
}

/** The look-up key of an order number: shown form, upper case ("#ad-2044" finds "AD-2044"). */
export function numberKey(number: string): string {
  return displayNumber(number).toUpperCase();
}

/** A postcode compared without spaces, dashes or case ("sw1a 1aa" = "SW1A1AA"); a US ZIP+4 matches its 5 digits. */
export function postcodeKey(postcode: string): string {
  const plain = postcode.toUpperCase().replace(/[\s-]+/g, '');
  return /^\d{9}$/.test(plain) ? plain.slice(0, 5) : plain;
}

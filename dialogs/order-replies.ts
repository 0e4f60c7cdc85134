// What the order dialog says: an order's status, refunds, refusals and a return's next steps, in the help centre's words.
import { formatPrice } from '../src/conversation/format-price.ts';
import { TALK_TO_A_PERSON, type Reply } from '../src/conversation/reply.ts';
import type { OrderAccess } from '../src/orders/order-desk.ts';
import type { Order, OrderStatus, ReturnRecord } from '../src/orders/order.ts';
import { CANCELLABLE, freeLabel, RETURN_LABEL_PRICE, RETURN_WINDOW_DAYS } from '../src/orders/return-policy.ts';
import { say } from './replies.ts';

/** Chips the order replies offer; the order dialog reads them back as tasks on the order in focus. */
export const ORDER_CHIPS = { cancel: 'Cancel this order', return: 'Start a return', refund: 'Track a refund', status: 'Order status' } as const;

/** The help centre's names for the statuses ("Order received" is what the shop's pages show). */
const STATUS_WORDS: Record<OrderStatus, string> = {
  placed: 'Order received', processing: 'Processing (not shipped yet)', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled',
};

export function day(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

const money = (order: Order, amount: number) => formatPrice(amount, order.currency);
const lines = (order: Order) => order.items.map((i, n) => `${n + 1}. ${i.title} × ${i.quantity}, ${money(order, i.price * i.quantity)}`).join('\n');

/** Status, items, dates and tracking; chips for what the status allows next. */
export function statusReply(access: OrderAccess): Reply {
  const { order } = access;
  const dates = [`placed ${day(order.placedAt)}`, order.shippedAt && `shipped ${day(order.shippedAt)}`,
    order.deliveredAt && `delivered ${day(order.deliveredAt)}`, order.cancelledAt && `cancelled ${day(order.cancelledAt)}`].filter(Boolean).join(', ');
  const tracking = order.tracking && order.status !== 'cancelled'
    ? `\nTracking: ${[order.tracking.carrier, order.tracking.number].filter(Boolean).join(' ')}${order.tracking.url ? ` (${order.tracking.url})` : ''}.` : '';
  const text = `Order ${order.number}: ${STATUS_WORDS[order.status]} (${dates}).\n${lines(order)}\nTotal ${money(order, order.total)}.${tracking}`;
  return say(text, { suggestions: nextSteps(access) });
}

function nextSteps(access: OrderAccess): string[] {
  const { order, returns } = access;
  const chips: string[] = [];
  if (CANCELLABLE.includes(order.status)) chips.push(ORDER_CHIPS.cancel);
  if (access.returnable.length) chips.push(ORDER_CHIPS.return);
  if (order.refunds.length || returns.length) chips.push(ORDER_CHIPS.refund);
  return [...chips, TALK_TO_A_PERSON];
}

/** Refunds issued or pending, else returns on their way, else none. */
export function refundReply(access: OrderAccess): Reply {
  const { order, returns } = access;
  const refunds = order.refunds.map((r) => {
    const where = r.method ? ` to ${r.method}` : '';
    if (r.status === 'issued') return `A refund of ${money(order, r.amount)} was issued${where} on ${day(r.issuedAt ?? r.requestedAt)}. A card refund takes 5–10 business days to appear, PayPal 3–5, a gift card within 1.`;
    if (r.status === 'pending') return `A refund of ${money(order, r.amount)}${where} is being processed since ${day(r.requestedAt)}; refunds are issued within 3 business days of a return arriving at the warehouse.`;
    return `A refund of ${money(order, r.amount)}${where} failed on ${day(r.requestedAt)}: a person from our team will sort it out.`;
  });
  const open = returns.filter((r) => r.status === 'started' || r.status === 'received').map((r) =>
    `Return ${r.rma} (started ${day(r.createdAt)}) ${r.status === 'received' ? 'has arrived at the warehouse; the refund is issued within 3 business days' : 'is on its way: returns take 5–10 business days to reach the warehouse, and the refund is issued within 3 business days of arrival'}.`);
  const said = [...refunds, ...open];
  const text = said.length ? `Order ${order.number}:\n${said.join('\n')}` : `There is no refund or return on order ${order.number}.`;
  return say(text, { suggestions: [...(access.returnable.length ? [ORDER_CHIPS.return] : []), TALK_TO_A_PERSON] });
}

export function cancelQuestion(order: Order): Reply {
  return say(`Cancel order ${order.number} (${order.items.length} item${order.items.length === 1 ? '' : 's'}, ${money(order, order.total)})? It has not shipped, so cancelling is free.`, { suggestions: ['Yes, cancel it', 'No, keep it'] });
}

export function cancelled(order: Order): Reply {
  return say(`Order ${order.number} is cancelled, and a cancellation e-mail is on its way to you. Nothing is charged: payment is taken only when an order ships, and the bank releases the authorisation hold within 3–5 business days.`, { suggestions: ['Find a product'] });
}

/** Why an order cannot be cancelled here, and what can be done instead. */
export function cannotCancel(order: Order): Reply {
  const why = order.status === 'cancelled' ? `Order ${order.number} is already cancelled.`
    : `Order ${order.number} has ${order.status === 'delivered' ? 'been delivered' : 'shipped'}, so it can't be cancelled any more. ${order.status === 'shipped' ? 'You can refuse the parcel at the door, or return the items' : 'You can return the items'} within ${RETURN_WINDOW_DAYS} days of delivery.`;
  return say(why, { suggestions: [...(order.status === 'delivered' ? [ORDER_CHIPS.return] : []), TALK_TO_A_PERSON] });
}

/** Why nothing on the order can go back now. */
export function cannotReturn(access: OrderAccess): Reply {
  const { order, returnWindow } = access;
  const why = order.status === 'cancelled' ? `Order ${order.number} was cancelled, so there is nothing to return.`
    : order.status !== 'delivered' ? `Order ${order.number} hasn't been delivered yet (${STATUS_WORDS[order.status]}). A return can be started once it arrives, within ${RETURN_WINDOW_DAYS} days of delivery.`
      : returnWindow && !returnWindow.open ? `The return window for order ${order.number} closed on ${day(returnWindow.until)} (${RETURN_WINDOW_DAYS} days from delivery). A person from our team can look at warranty options.`
        : `Everything on order ${order.number} is already on a return.`;
  return say(why, { suggestions: [TALK_TO_A_PERSON] });
}

/** A line as the shopper picks it: its title, with its SKU when another line has the same title (two sizes of one shoe). */
export function lineLabel(order: Order, index: number): string {
  const item = order.items[index]!;
  const twin = order.items.some((other, i) => i !== index && other.title === item.title);
  return twin ? `${item.title} (${item.sku ?? `line ${index + 1}`})` : item.title;
}

export function whichItems(order: Order, options: readonly number[]): Reply {
  const list = options.map((i) => `${i + 1}. ${lineLabel(order, i)}`).join('\n');
  return say(`Which items would you like to return from order ${order.number}? Reply with their numbers, or "all".\n${list}`, { suggestions: [...options.map((i) => lineLabel(order, i)), 'All of them'] });
}

export const REASONS = ['Doesn\'t fit', 'Changed my mind', 'Arrived damaged', 'Wrong item sent', 'Defective'];

export function askReason(): Reply {
  return say('What is the reason for the return?', { suggestions: REASONS });
}

export function returnQuestion(order: Order, picked: readonly number[], reason: string): Reply {
  const items = picked.map((i) => lineLabel(order, i)).join(', ');
  const label = freeLabel(reason) ? 'The prepaid return label is free, because the item arrived damaged, defective or wrong.'
    : `The prepaid return label costs ${formatPrice(RETURN_LABEL_PRICE, 'USD')}, deducted from the refund.`;
  return say(`Start a return of ${items} from order ${order.number}, reason "${reason}"? ${label}`, { suggestions: ['Yes, start the return', 'No'] });
}

/** The RMA and the next steps of "Starting a return" (demo/help-centre/starting-a-return.md). */
export function returnStarted(record: ReturnRecord): Reply {
  const text = `Your return is started: the return number (RMA) is ${record.rma}. The RMA number and the return instructions are on their way by e-mail.
Next steps:
1. Pack the items in the original packaging or a sturdy box, and remove old labels from the outside.
2. Attach the prepaid return label, or write the RMA number on the box if you pay for your own postage.
3. Drop the parcel off by ${day(record.dropOffBy)} (14 days from the RMA) at any location of the carrier on the label.
The refund is issued within 3 business days of the return arriving at the warehouse, which usually takes 5–10 business days.`;
  return say(text, { suggestions: ['Find a product'] });
}

import { addressKey } from '../server/rate-limit.ts';
import type { AuditAction, AuditOutcome, AuditFilter, OrderStore } from '../storage/order-store.ts';
import { postcodeKey, type Order, type ReturnRecord } from './order.ts';
import { CANCELLABLE, dropOffBy, returnableItems, returnDeadline, type ReturnableItem } from './return-policy.ts';

/** Who is asking: the engine's ids for the turn, and the address when the front door passed one. */
export interface Caller {
  user: string;
  conversation: string;
  channel?: string;
  ip?: string;
}

/** An order the caller may see, with its returns and what can still go back (read against the desk's clock). */
export interface OrderAccess {
  order: Order;
  returns: ReturnRecord[];
  returnable: ReturnableItem[];
  /** From delivery: the last day to drop a return off, and whether that is still ahead. */
  returnWindow?: { until: string; open: boolean };
}

/**
 * What a look-up gives. `not-found` is the one answer for an unknown number and for a number with the wrong
 * e-mail or postcode, so a guesser learns nothing; `throttled` after too many of those.
 */
export type Access = ({ kind: 'granted' } & OrderAccess) | { kind: 'not-found' } | { kind: 'throttled'; retryMinutes: number } | { kind: 'needs-proof' };

/**
 * Failed verifications allowed per window, per key; a front door that passes no address is limited per conversation and user only.
 * `perOrder` counts failures on one order number whoever tries, so fresh ids and addresses cannot keep guessing one order.
 */
export interface VerifyLimits {
  perConversation: number;
  perUser: number;
  perIp: number;
  windowMinutes: number;
  perOrder: number;
  perOrderWindowMinutes: number;
}
export const DEFAULT_VERIFY_LIMITS: VerifyLimits = { perConversation: 5, perUser: 10, perIp: 30, windowMinutes: 15, perOrder: 5, perOrderWindowMinutes: 60 };
/** How long a verification lets the conversation act on that order. */
const VERIFIED_MINUTES = 60;

/** What the shopper wants the order for: recorded with the look-up (a refund look-up is audited as `refund_status`). */
export type Purpose = 'status' | 'cancel' | 'return' | 'refund';

export type ActionOutcome<T> = { kind: 'done'; value: T } | { kind: 'not-allowed'; order: Order } | { kind: 'not-verified' };

/** What proves an order: the e-mail on it, or its postcode. */
export type ProofKind = 'email' | 'postcode';

/** Order look-ups and actions for the shopper in the chat: nothing is disclosed or done without proof, and all is audited. */
export interface OrderDesk {
  /**
   * What to ask a shopper for: the e-mail, and the postcode when the store's orders carry postcodes. Store-wide,
   * never per order, so the question tells nothing about whether an order exists.
   */
  proofKinds(): Promise<ProofKind[]>;
  /** The signed-in shopper's (`shop:ID`) own orders, newest first; none for anyone else. */
  ownOrders(caller: Caller): Promise<Order[]>;
  /** The order without proof: granted only to its signed-in owner or a conversation that verified it within the hour. */
  open(caller: Caller, number: string, purpose?: Purpose): Promise<Access>;
  /** The order if `proof` is the e-mail or postcode on it; otherwise `not-found`, whatever the reason. */
  verify(caller: Caller, number: string, proof: string, purpose?: Purpose): Promise<Access>;
  /** Cancels an order not yet shipped. */
  cancel(caller: Caller, number: string): Promise<ActionOutcome<Order>>;
  /** Starts a return of these lines (order item indexes) with a reason: a return record with its RMA. */
  startReturn(caller: Caller, number: string, lines: readonly number[], reason: string): Promise<ActionOutcome<ReturnRecord>>;
}

export interface OrderDeskOptions {
  /** Any limit left out keeps its default. */
  limits?: Partial<VerifyLimits>;
  /** Injectable for tests. */
  now?: () => Date;
}

/** The signed-in widget shopper's store customer id, from the `shop:` namespace only (a token the store signed). */
export function customerIdOf(user: string): string | undefined {
  return user.startsWith('shop:') && user.length > 5 ? user.slice(5) : undefined;
}

export function createOrderDesk(store: OrderStore, options: OrderDeskOptions = {}): OrderDesk {
  const deps = { store, limits: { ...DEFAULT_VERIFY_LIMITS, ...options.limits }, now: options.now ?? (() => new Date()) };
  return {
    ownOrders: async (caller) => {
      const customer = customerIdOf(caller.user);
      return customer ? store.forCustomer(customer) : [];
    },
    proofKinds: async () => (await store.usesPostcodes() ? ['email', 'postcode'] : ['email']),
    open: (caller, number, purpose = 'status') => openOrder(deps, caller, number, purpose),
    verify: (caller, number, proof, purpose = 'status') => verifyOrder(deps, caller, number, proof, purpose),
    cancel: (caller, number) => cancelOrder(deps, caller, number),
    startReturn: (caller, number, lines, reason) => startReturn(deps, caller, number, lines, reason),
  };
}

type Deps = { store: OrderStore; limits: VerifyLimits; now: () => Date };

function auditOf(deps: Deps, caller: Caller, action: AuditAction, order: string, outcome: AuditOutcome, detail?: string) {
  // The address as limited (an IPv6 one by its /64), so the per-address count covers the whole /64.
  // The desk's clock, so the windows read against it (throttling, "verified within the hour") agree with the rows.
  // The number as typed, cut to what the log holds: a pasted paragraph is still a refusal to record, not an error.
  const number = order.trim().slice(0, MAX_LOGGED_NUMBER);
  return { at: deps.now().toISOString(), actor: caller.user, conversation: caller.conversation, ...(caller.channel ? { channel: caller.channel } : {}), ...(caller.ip ? { ip: addressKey(caller.ip)! } : {}),
    action, ...(number ? { order: number } : {}), outcome, ...(detail ? { detail } : {}) };
}

/** The audit log's limit on an order number (order-sql.ts checks it). */
const MAX_LOGGED_NUMBER = 64;

/** An unproved look-up or action is refused and recorded (who asked about which order), never the proof itself. */
async function refuse(deps: Deps, caller: Caller, action: AuditAction, number: string): Promise<void> {
  await deps.store.audit(auditOf(deps, caller, action, number, 'refused', 'not verified'));
}

async function openOrder(deps: Deps, caller: Caller, number: string, purpose: Purpose): Promise<Access> {
  const found = await deps.store.get(number);
  const action = purpose === 'refund' ? 'refund_status' : 'lookup';
  if (!found || !(await entitled(deps, caller, found.order))) {
    await refuse(deps, caller, action, found?.order.number ?? number);
    return { kind: 'needs-proof' };
  }
  await deps.store.audit(auditOf(deps, caller, action, found.order.number, 'ok', customerIdOf(caller.user) === found.order.customerId ? 'signed in' : 'verified earlier'));
  return granted(deps, found);
}

/** The owner signed in, or this conversation proved it recently (the audit log says so, not the dialog's state). */
async function entitled(deps: Deps, caller: Caller, order: Order): Promise<boolean> {
  const customer = customerIdOf(caller.user);
  if (customer !== undefined && customer === order.customerId) return true;
  const since = new Date(deps.now().getTime() - VERIFIED_MINUTES * 60_000);
  const proved = await deps.store.auditTrail({ conversation: caller.conversation, actor: caller.user, order: order.number, action: 'verify', outcome: 'ok', since, limit: 1 });
  return proved.length > 0;
}

async function verifyOrder(deps: Deps, caller: Caller, number: string, proof: string, purpose: Purpose): Promise<Access> {
  const wait = await throttled(deps, caller, number);
  if (wait > 0) {
    await deps.store.audit(auditOf(deps, caller, 'verify', number, 'throttled'));
    return { kind: 'throttled', retryMinutes: wait };
  }
  // The order is read whether or not the number exists, so both refusals cost the same.
  const found = await deps.store.get(number);
  if (!found || !matches(found.order, proof)) {
    await deps.store.audit(auditOf(deps, caller, 'verify', number, 'refused'));
    return { kind: 'not-found' };
  }
  await deps.store.audit(auditOf(deps, caller, 'verify', found.order.number, 'ok', purpose));
  return granted(deps, found);
}

function granted(deps: Deps, found: { order: Order; returns: ReturnRecord[] }): Access {
  const now = deps.now();
  const until = returnDeadline(found.order);
  return {
    kind: 'granted', ...found, returnable: returnableItems(found.order, found.returns, now),
    ...(until ? { returnWindow: { until: until.toISOString(), open: now <= until } } : {}),
  };
}

/** The e-mail (case ignored) or the postcode (spaces, dashes, case and a ZIP+4 suffix ignored) on the order. */
function matches(order: Order, proof: string): boolean {
  const said = proof.trim();
  if (said.includes('@')) return said.toLowerCase() === order.email;
  return order.postcode !== undefined && said !== '' && postcodeKey(said) === postcodeKey(order.postcode);
}

/** Minutes until another attempt is allowed: failures in the window counted per conversation, user, address (IPv6 by /64) and order. */
async function throttled(deps: Deps, caller: Caller, number: string): Promise<number> {
  const { limits } = deps;
  const checks: [AuditFilter, number, number][] = [
    [{ conversation: caller.conversation }, limits.perConversation, limits.windowMinutes],
    [{ actor: caller.user }, limits.perUser, limits.windowMinutes],
    [{ order: number }, limits.perOrder, limits.perOrderWindowMinutes],
  ];
  const ip = addressKey(caller.ip);
  if (ip) checks.push([{ ip }, limits.perIp, limits.windowMinutes]);
  let wait = 0;
  for (const [key, max, minutes] of checks) wait = Math.max(wait, await waitFor(deps, key, max, minutes));
  return wait;
}

/** Minutes until the failures matching `key` drop under `max` in a window of `minutes`; 0 when they already are. */
async function waitFor(deps: Deps, key: AuditFilter, max: number, minutes: number): Promise<number> {
  const now = deps.now().getTime();
  const failures = await deps.store.auditTrail({ ...key, action: 'verify', outcome: 'refused', since: new Date(now - minutes * 60_000), limit: max });
  if (failures.length < max) return 0;
  // Allowed again when the oldest counted failure leaves the window.
  const oldest = Date.parse(failures[failures.length - 1]!.at);
  return Math.max(0, Math.ceil((oldest + minutes * 60_000 - now) / 60_000));
}

async function cancelOrder(deps: Deps, caller: Caller, number: string): Promise<ActionOutcome<Order>> {
  const found = await deps.store.get(number);
  if (!found || !(await entitled(deps, caller, found.order))) {
    await refuse(deps, caller, 'cancel', found?.order.number ?? number);
    return { kind: 'not-verified' };
  }
  const from = found.order.status;
  const changed = await deps.store.changeStatus(number, CANCELLABLE, 'cancelled', auditOf(deps, caller, 'cancel', found.order.number, 'ok', `status ${from}→cancelled`));
  if (changed) return { kind: 'done', value: changed };
  await deps.store.audit(auditOf(deps, caller, 'cancel', found.order.number, 'not_allowed', `status ${from}`));
  return { kind: 'not-allowed', order: found.order };
}

async function startReturn(deps: Deps, caller: Caller, number: string, lines: readonly number[], reason: string): Promise<ActionOutcome<ReturnRecord>> {
  const found = await deps.store.get(number);
  if (!found || !(await entitled(deps, caller, found.order))) {
    await refuse(deps, caller, 'return', found?.order.number ?? number);
    return { kind: 'not-verified' };
  }
  const now = deps.now();
  const eligible = returnableItems(found.order, found.returns, now).filter((r) => lines.includes(r.index));
  if (eligible.length === 0 || eligible.length !== new Set(lines).size) {
    await deps.store.audit(auditOf(deps, caller, 'return', found.order.number, 'not_allowed', `status ${found.order.status}`));
    return { kind: 'not-allowed', order: found.order };
  }
  const items = eligible.map((r) => ({ line: r.index, ...(r.item.sku ? { sku: r.item.sku } : {}), title: r.item.title, ...(r.item.productId ? { productId: r.item.productId } : {}), quantity: r.quantity }));
  // Checked again inside the store's transaction: a return recorded since the read above (another tab, a double tap) wins.
  const stillReturnable = (order: Order, returns: readonly ReturnRecord[]) => {
    const left = new Map(returnableItems(order, returns, now).map((r) => [r.index, r.quantity]));
    return items.every((i) => (left.get(i.line) ?? 0) >= i.quantity);
  };
  const record = await deps.store.addReturn({ order: found.order.number, items, reason: reason.slice(0, 200), createdAt: now.toISOString(), dropOffBy: dropOffBy(now).toISOString() },
    auditOf(deps, caller, 'return', found.order.number, 'ok'), stillReturnable);
  if (record) return { kind: 'done', value: record };
  await deps.store.audit(auditOf(deps, caller, 'return', found.order.number, 'not_allowed', 'already on a return'));
  return { kind: 'not-allowed', order: found.order };
}

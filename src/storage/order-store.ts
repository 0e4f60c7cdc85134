import type { NewOrder, Order, OrderStatus, ReturnRecord } from '../orders/order.ts';

/** What was done with an order, or tried: one row of the audit log. */
export const AUDIT_ACTIONS = ['lookup', 'verify', 'cancel', 'return', 'refund_status', 'import'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/**
 * `refused`: the number and e-mail/postcode did not match (or no such order), or a look-up or action came from a
 * caller who had not proved the order (detail `not verified`); `throttled`: too many failed proofs. The proof typed is never logged.
 */
export type AuditOutcome = 'ok' | 'refused' | 'throttled' | 'not_allowed';

export interface AuditEntry {
  at: string;
  /** Who: the Aisle user id (`shop:…`, `anon:…`), `cli` for the store owner's commands; `forgotten` after `aisle users forget`. */
  actor: string;
  conversation?: string;
  channel?: string;
  /** The caller's address, when the front door passed it (kept for the per-address limit): IPv4 as is, IPv6 as its /64 (`2001:db8:1:2::/64`). */
  ip?: string;
  action: AuditAction;
  /** The order number tried or acted on, as given. */
  order?: string;
  outcome: AuditOutcome;
  /** Short and free of personal data: "status placed→cancelled", "RMA-10404-1". */
  detail?: string;
}
export type NewAuditEntry = Omit<AuditEntry, 'at'> & { at?: string };

/** What `auditTrail` selects; every field narrows. Newest first. */
export interface AuditFilter {
  order?: string;
  actor?: string;
  conversation?: string;
  ip?: string;
  action?: AuditAction;
  outcome?: AuditOutcome;
  /** Inclusive lower bound on `at`. */
  since?: Date;
  limit?: number;
}

/** A return as the service starts it; the store numbers it (`RMA-<order>-<n>`). */
export type NewReturn = Omit<ReturnRecord, 'rma' | 'status'>;
/** Whether a return may still be recorded on this order, given the returns it already has; synchronous (SQLite's transactions are). */
export type ReturnCheck = (order: Order, returns: readonly ReturnRecord[]) => boolean;

/**
 * Orders, their returns and the audit log of everything done with them. Orders are business records:
 * `aisle users forget` unlinks a shopper from the audit rows (`forgetActor`) but keeps the orders.
 * One contract suite (test/contract/order-store.contract.ts) runs against SQLite and PostgreSQL.
 */
export interface OrderStore {
  /**
   * Checks all, then inserts or replaces by number in one transaction (returns are kept); BAD_INPUT writes none.
   * A status set in chat (`Order.changedInChat`) is kept over the file's; `kept` counts those orders.
   */
  upsert(orders: readonly NewOrder[]): Promise<{ inserted: number; updated: number; kept: number }>;
  /** The order with this number ('#' and case ignored), with its returns; undefined when none. */
  get(number: string): Promise<{ order: Order; returns: ReturnRecord[] } | undefined>;
  /** Whether any order carries a postcode: when none does, a shopper is asked for the e-mail only. */
  usesPostcodes(): Promise<boolean>;
  /** A customer's orders, newest first (at most `limit`, default 20). */
  forCustomer(customerId: string, limit?: number): Promise<Order[]>;
  /** Moves the order to `to` only if its status is one of `from`, writing `audit` in the same transaction; the updated order, or undefined. */
  changeStatus(number: string, from: readonly OrderStatus[], to: OrderStatus, audit: NewAuditEntry): Promise<Order | undefined>;
  /**
   * Records a return with the next RMA number of its order and its audit row (detail: the RMA), in one transaction.
   * `accept` is asked inside that transaction, with the order locked and its returns as committed, so two returns at
   * once cannot both pass an eligibility check; undefined (nothing written) when it refuses.
   */
  addReturn(started: NewReturn, audit: NewAuditEntry, accept?: ReturnCheck): Promise<ReturnRecord | undefined>;
  /** Appends one audit row. */
  audit(entry: NewAuditEntry): Promise<void>;
  /** Audit rows matching `filter`, newest first (default 1000). */
  auditTrail(filter: AuditFilter): Promise<AuditEntry[]>;
  /** Privacy: the actor's audit rows lose who, conversation and address (become `forgotten`); returns how many. */
  forgetActor(actor: string): Promise<number>;
  close(): Promise<void>;
}

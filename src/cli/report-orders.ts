import { existsSync } from 'node:fs';
import type { OrderSource } from '../analytics/report.ts';
import type { Config } from '../config.ts';
import { resolveDbTarget } from '../storage/db-target.ts';
import { openOrderStore, ORDERS_FILE } from '../storage/open-order-store.ts';
import type { OrderStore } from '../storage/order-store.ts';

/** A store customer's orders are found by their id; the widget signs them in as `shop:ID`. */
const CUSTOMER = /^shop:(.+)$/;
/** Orders read per customer at most: a report counts conversations, not a customer's whole history. */
const PER_CUSTOMER = 500;

/**
 * The order store as the report's order source, when it holds orders: `aisle orders import` and `aisle demo` write an
 * `import` row to its audit log. Undefined (and nothing created) when there is no order store or it was never filled.
 */
export async function openReportOrders(config: Config): Promise<{ source: OrderSource; close(): Promise<void> } | undefined> {
  const target = resolveDbTarget(config.db, config.home, ORDERS_FILE, { createHome: false });
  if (target.kind === 'sqlite' && !existsSync(target.path)) return undefined;
  const store = await openOrderStore(config.db, config.home);
  const imported = await store.auditTrail({ action: 'import', outcome: 'ok', limit: 1 });
  if (imported.length === 0) {
    await store.close();
    return undefined;
  }
  return { source: orderSource(store), close: () => store.close() };
}

function orderSource(store: OrderStore): OrderSource {
  return {
    knows: (user) => CUSTOMER.test(user),
    async ordersOf(users, from) {
      const lists = await Promise.all(users.map(async (user) => {
        const id = CUSTOMER.exec(user)?.[1];
        const orders = id ? await store.forCustomer(id, PER_CUSTOMER) : [];
        return orders.filter((o) => !from || Date.parse(o.placedAt) >= from.getTime()).map((o) => ({ user, at: o.placedAt }));
      }));
      return lists.flat();
    },
  };
}

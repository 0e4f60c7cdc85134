import { AppError } from '../errors.ts';
import { checkOrders, numberKey, postcodeKey, type Order, type OrderStatus, type ReturnRecord } from '../orders/order.ts';
import { checkSchemaName } from './db-target.ts';
import {
  AUDIT_COLUMNS, auditQuery, auditValues, changedInChat, FORGOTTEN_ACTOR, importedOver, parseDoc, returnRecord, rmaFor, toAudit,
  type AuditRow, type OrderRow, type ReturnRow,
} from './order-sql.ts';
import type { NewAuditEntry, NewReturn, OrderStore, ReturnCheck } from './order-store.ts';
import { refusedStatement } from './postgres-errors.ts';
import { createPool, withClient, type Client, type PgTarget } from './postgres-pool.ts';
import { transaction } from './postgres-transaction.ts';

/** The order store in `schema` of the PostgreSQL database at `url` (every store's schema); tables created when missing. */
export async function openPostgresOrderStore(url: string, schema = 'aisle'): Promise<OrderStore> {
  checkSchemaName(schema);
  const q = `"${schema}"`;
  const db: PgTarget = { pool: createPool(url, 4), url, refused: (err) => refusedStatement(url, `use the order store in schema "${schema}"`, err) };
  try {
    await transaction(db, (c) => createTables(c, q, schema));
  } catch (err) {
    await db.pool.end().catch(() => {});
    throw err;
  }
  const insertAudit = `INSERT INTO ${q}.order_audit (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
  const audit = (c: Client, entry: NewAuditEntry) => c.query(insertAudit, auditValues(entry));
  return {
    upsert: async (orders) => {
      const checked = checkOrders(orders);
      return transaction(db, (c) => upsert(c, q, checked));
    },
    get: (number) => withClient(db, async (c) => {
      const key = numberKey(number);
      const row = (await c.query<OrderRow>(`SELECT doc FROM ${q}.orders WHERE number_key = $1`, [key])).rows[0];
      if (!row) return undefined;
      const returns = (await c.query<ReturnRow>(`SELECT doc FROM ${q}.order_returns WHERE order_key = $1 ORDER BY created_at, rma`, [key])).rows;
      return { order: parseDoc<Order>(row.doc), returns: returns.map((r) => parseDoc<ReturnRecord>(r.doc)) };
    }),
    usesPostcodes: () => withClient(db, async (c) => (await c.query(`SELECT 1 FROM ${q}.orders WHERE postcode_key IS NOT NULL LIMIT 1`)).rows.length > 0),
    forCustomer: (customerId, limit = 20) => withClient(db, async (c) =>
      (await c.query<OrderRow>(`SELECT doc FROM ${q}.orders WHERE customer_id = $1 ORDER BY placed_at DESC, number_key DESC LIMIT $2`, [customerId, limit]))
        .rows.map((r) => parseDoc<Order>(r.doc))),
    changeStatus: (number, from, to, entry) => transaction(db, async (c) => {
      const changed = await setStatus(c, q, numberKey(number), from, to);
      if (changed) await audit(c, entry);
      return changed;
    }),
    addReturn: (started, entry, accept) => transaction(db, async (c) => {
      const record = await insertReturn(c, q, started, accept);
      if (record) await audit(c, { ...entry, detail: record.rma });
      return record;
    }),
    audit: (entry) => withClient(db, async (c) => { await audit(c, entry); }),
    auditTrail: (filter) => withClient(db, async (c) => {
      const { sql, values } = auditQuery(filter, (n) => `$${n}`, (d) => d);
      return (await c.query<AuditRow>(`SELECT ${AUDIT_COLUMNS.join(', ')} FROM ${q}.order_audit ${sql}`, values)).rows.map(toAudit);
    }),
    forgetActor: (actor) => withClient(db, async (c) =>
      (await c.query(`UPDATE ${q}.order_audit SET actor = $1, conversation = NULL, ip = NULL WHERE actor = $2`, [FORGOTTEN_ACTOR, actor])).rowCount ?? 0),
    close: () => db.pool.end(),
  };
}

async function upsert(c: Client, q: string, orders: Order[]): Promise<{ inserted: number; updated: number; kept: number }> {
  const counts = { inserted: 0, updated: 0, kept: 0 };
  for (const incoming of orders) {
    // Locked, so a cancellation in chat waits for the import, or the import reads it.
    const stored = (await c.query<OrderRow>(`SELECT doc FROM ${q}.orders WHERE number_key = $1 FOR UPDATE`, [numberKey(incoming.number)])).rows[0];
    const { order: o, kept } = importedOver(stored && parseDoc<Order>(stored.doc), incoming);
    // xmax = 0 only on a freshly inserted row: tells an insert from an update in one statement.
    const { rows } = await c.query<{ inserted: boolean }>(`INSERT INTO ${q}.orders (number_key, email, postcode_key, customer_id, status, placed_at, doc)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (number_key) DO UPDATE SET email = excluded.email, postcode_key = excluded.postcode_key,
      customer_id = excluded.customer_id, status = excluded.status, placed_at = excluded.placed_at, doc = excluded.doc
      RETURNING (xmax = 0) AS inserted`,
    [numberKey(o.number), o.email, o.postcode ? postcodeKey(o.postcode) : null, o.customerId ?? null, o.status, o.placedAt, JSON.stringify(o)]);
    if (rows[0]!.inserted) counts.inserted++;
    else counts.updated++;
    if (kept) counts.kept++;
  }
  return counts;
}

/** The status changes only from an allowed one; FOR UPDATE keeps two cancellations from both passing the check. */
async function setStatus(c: Client, q: string, key: string, from: readonly OrderStatus[], to: OrderStatus): Promise<Order | undefined> {
  const row = (await c.query<OrderRow>(`SELECT doc FROM ${q}.orders WHERE number_key = $1 FOR UPDATE`, [key])).rows[0];
  const order = row && parseDoc<Order>(row.doc);
  if (!order || !from.includes(order.status)) return undefined;
  const changed = changedInChat(order, to);
  await c.query(`UPDATE ${q}.orders SET status = $1, doc = $2 WHERE number_key = $3`, [to, JSON.stringify(changed), key]);
  return changed;
}

/**
 * Checked and numbered after the order's existing returns under the order's row lock, so two returns never share an
 * RMA and never both pass `accept`: the second waits for the first to commit, then reads its return.
 */
async function insertReturn(c: Client, q: string, started: NewReturn, accept?: ReturnCheck): Promise<ReturnRecord | undefined> {
  const key = numberKey(started.order);
  const row = (await c.query<OrderRow>(`SELECT doc FROM ${q}.orders WHERE number_key = $1 FOR UPDATE`, [key])).rows[0];
  if (!row) throw new AppError('NOT_FOUND', `No order ${started.order}: a return needs an order.`);
  const existing = (await c.query<ReturnRow>(`SELECT doc FROM ${q}.order_returns WHERE order_key = $1 ORDER BY created_at, rma`, [key])).rows.map((r) => parseDoc<ReturnRecord>(r.doc));
  if (accept && !accept(parseDoc<Order>(row.doc), existing)) return undefined;
  const record = returnRecord(started, rmaFor(parseDoc<Order>(row.doc), existing.length));
  await c.query(`INSERT INTO ${q}.order_returns (rma, order_key, created_at, doc) VALUES ($1, $2, $3, $4)`, [record.rma, key, record.createdAt, JSON.stringify(record)]);
  return record;
}

/** DDL only when missing (an app role may lack CREATE); an advisory lock keeps two processes from racing on it. */
async function createTables(c: Client, q: string, schema: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`aisle-orders:${schema}`]);
  if ((await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${q}.order_audit`])).rows[0]?.t != null) return;
  await c.query(`CREATE SCHEMA IF NOT EXISTS ${q};
    CREATE TABLE ${q}.orders (number_key text COLLATE "C" PRIMARY KEY, email text NOT NULL, postcode_key text, customer_id text COLLATE "C",
      status text NOT NULL, placed_at timestamptz NOT NULL, doc jsonb NOT NULL);
    CREATE INDEX orders_customer ON ${q}.orders (customer_id, placed_at) WHERE customer_id IS NOT NULL;
    CREATE TABLE ${q}.order_returns (rma text COLLATE "C" PRIMARY KEY, order_key text COLLATE "C" NOT NULL, created_at timestamptz NOT NULL, doc jsonb NOT NULL);
    CREATE INDEX order_returns_order ON ${q}.order_returns (order_key, created_at);
    CREATE TABLE ${q}.order_audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text COLLATE "C" NOT NULL,
      conversation text COLLATE "C", channel text, ip text, action text NOT NULL, order_number text, outcome text NOT NULL, detail text,
      order_key text COLLATE "C");
    CREATE INDEX order_audit_order ON ${q}.order_audit (order_key, at);
    CREATE INDEX order_audit_actor ON ${q}.order_audit (actor, at);
    CREATE INDEX order_audit_conversation ON ${q}.order_audit (conversation, at);`);
}

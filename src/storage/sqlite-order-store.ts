import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { checkOrders, numberKey, postcodeKey, type Order, type ReturnRecord } from '../orders/order.ts';
import {
  AUDIT_COLUMNS, auditQuery, auditValues, changedInChat, FORGOTTEN_ACTOR, importedOver, parseDoc, returnRecord, rmaFor, toAudit,
  type AuditRow, type OrderRow, type ReturnRow,
} from './order-sql.ts';
import type { NewAuditEntry, NewReturn, OrderStore, ReturnCheck } from './order-store.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import { hintFor, reasonOf } from './sqlite-errors.ts';

// In orders.db (or the file --db names). Times are toISOString() text, so text order is time order.
const TABLES = `
  CREATE TABLE IF NOT EXISTS orders (number_key TEXT PRIMARY KEY, email TEXT NOT NULL, postcode_key TEXT, customer_id TEXT,
    status TEXT NOT NULL, placed_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id, placed_at) WHERE customer_id IS NOT NULL;
  CREATE TABLE IF NOT EXISTS order_returns (rma TEXT PRIMARY KEY, order_key TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS order_returns_order ON order_returns (order_key, created_at);
  CREATE TABLE IF NOT EXISTS order_audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, conversation TEXT, channel TEXT,
    ip TEXT, action TEXT NOT NULL, order_number TEXT, outcome TEXT NOT NULL, detail TEXT, order_key TEXT);
  CREATE INDEX IF NOT EXISTS order_audit_order ON order_audit (order_key, at);
  CREATE INDEX IF NOT EXISTS order_audit_actor ON order_audit (actor, at);
  CREATE INDEX IF NOT EXISTS order_audit_conversation ON order_audit (conversation, at);`;

/** The order store in the SQLite file at `path`; UNAVAILABLE when it cannot be opened. */
export function openSqliteOrderStore(path: string): OrderStore {
  let db: Database.Database | undefined;
  try {
    db = openSqliteDatabase(path);
    db.exec(TABLES);
    return createStore(db, path);
  } catch (err) {
    db?.close();
    throw new AppError('UNAVAILABLE', `Cannot open the order store in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
  }
}

function createStore(db: Database.Database, path: string): OrderStore {
  const sql = statements(db);
  const run = <T>(task: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('UNAVAILABLE', `Cannot ${task} the order store in ${path}: ${reasonOf(err)}. ${hintFor(err)}`, { cause: err });
    }
  };
  const audit = (entry: NewAuditEntry) => sql.audit.run(...auditValues(entry));
  const upsert = db.transaction((orders: Order[]) => orders.reduce((n, incoming) => {
    const row = sql.order.get(numberKey(incoming.number));
    const { order: o, kept } = importedOver(row && parseDoc<Order>(row.doc), incoming);
    sql.upsert.run(numberKey(o.number), o.email, o.postcode ? postcodeKey(o.postcode) : null, o.customerId ?? null, o.status, o.placedAt, JSON.stringify(o));
    return { inserted: n.inserted + (row ? 0 : 1), updated: n.updated + (row ? 1 : 0), kept: n.kept + (kept ? 1 : 0) };
  }, { inserted: 0, updated: 0, kept: 0 }));
  const changeStatus = db.transaction((key: string, from: readonly string[], to: Order['status'], entry: NewAuditEntry) => {
    const row = sql.order.get(key);
    const order = row && parseDoc<Order>(row.doc);
    if (!order || !from.includes(order.status)) return undefined;
    const changed = changedInChat(order, to);
    sql.setStatus.run(to, JSON.stringify(changed), key);
    audit(entry);
    return changed;
  });
  // Run as an IMMEDIATE transaction: the write lock is taken before the check reads, so no other writer slips between.
  const addReturn = db.transaction((started: NewReturn, entry: NewAuditEntry, accept?: ReturnCheck) => {
    const key = numberKey(started.order);
    const row = sql.order.get(key);
    if (!row) throw new AppError('NOT_FOUND', `No order ${started.order}: a return needs an order.`);
    const existing = sql.returns.all(key).map((r) => parseDoc<ReturnRecord>(r.doc));
    if (accept && !accept(parseDoc<Order>(row.doc), existing)) return undefined;
    const record = returnRecord(started, rmaFor(parseDoc<Order>(row.doc), existing.length));
    sql.addReturn.run(record.rma, key, record.createdAt, JSON.stringify(record));
    audit({ ...entry, detail: record.rma });
    return record;
  });
  const reads = new Map<string, Database.Statement<unknown[], AuditRow>>();
  return {
    upsert: async (orders) => {
      const checked = checkOrders(orders);
      return run('write to', () => upsert.immediate(checked));
    },
    get: async (number) => run('read', () => {
      const key = numberKey(number);
      const row = sql.order.get(key);
      return row ? { order: parseDoc<Order>(row.doc), returns: sql.returns.all(key).map((r) => parseDoc<ReturnRecord>(r.doc)) } : undefined;
    }),
    usesPostcodes: async () => run('read', () => sql.anyPostcode.get() !== undefined),
    forCustomer: async (customerId, limit = 20) => run('read', () => sql.byCustomer.all(customerId, limit).map((r) => parseDoc<Order>(r.doc))),
    changeStatus: async (number, from, to, entry) => run('write to', () => changeStatus.immediate(numberKey(number), from, to, entry)),
    addReturn: async (started, entry, accept) => run('write to', () => addReturn.immediate(started, entry, accept)),
    audit: async (entry) => run('write to', () => { audit(entry); }),
    auditTrail: async (filter) => run('read', () => {
      const { sql: tail, values } = auditQuery(filter, () => '?', (d) => d.toISOString());
      let statement = reads.get(tail);
      if (!statement) reads.set(tail, statement = db.prepare<unknown[], AuditRow>(`SELECT ${AUDIT_COLUMNS.join(', ')} FROM order_audit ${tail}`));
      return statement.all(...values).map(toAudit);
    }),
    forgetActor: async (actor) => run('write to', () => sql.forget.run(FORGOTTEN_ACTOR, actor).changes),
    close: async () => { db.close(); },
  };
}

function statements(db: Database.Database) {
  return {
    order: db.prepare<[string], OrderRow>('SELECT doc FROM orders WHERE number_key = ?'),
    anyPostcode: db.prepare<[], { one: number }>('SELECT 1 AS one FROM orders WHERE postcode_key IS NOT NULL LIMIT 1'),
    upsert: db.prepare(`INSERT INTO orders (number_key, email, postcode_key, customer_id, status, placed_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (number_key) DO UPDATE SET email = excluded.email, postcode_key = excluded.postcode_key, customer_id = excluded.customer_id,
      status = excluded.status, placed_at = excluded.placed_at, doc = excluded.doc`),
    setStatus: db.prepare<[string, string, string]>('UPDATE orders SET status = ?, doc = ? WHERE number_key = ?'),
    byCustomer: db.prepare<[string, number], OrderRow>('SELECT doc FROM orders WHERE customer_id = ? ORDER BY placed_at DESC, number_key DESC LIMIT ?'),
    returns: db.prepare<[string], ReturnRow>('SELECT doc FROM order_returns WHERE order_key = ? ORDER BY created_at, rma'),
    addReturn: db.prepare<[string, string, string, string]>('INSERT INTO order_returns (rma, order_key, created_at, doc) VALUES (?, ?, ?, ?)'),
    audit: db.prepare(`INSERT INTO order_audit (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`),
    // Who, where from and which conversation go; what was done to which order stays (a business record).
    forget: db.prepare<[string, string]>('UPDATE order_audit SET actor = ?, conversation = NULL, ip = NULL WHERE actor = ?'),
  };
}

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import type { Order, ReturnRecord } from '../orders/order.ts';
import { readOrderFile } from '../orders/order-file.ts';
import { openOrderStore } from '../storage/open-order-store.ts';
import type { AuditEntry, OrderStore } from '../storage/order-store.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { CHANGE_COLUMNS, csvLine, orderChanges, parseSince } from './order-changes.ts';

const USAGE = 'aisle orders import FILE [options]   (CSV: Shopify\'s orders export or Aisle\'s columns; JSONL: one order per line)\naisle orders show NUMBER [options]\naisle orders export-changes [options]   (the cancellations and returns made in chat, as CSV for the store)';
const MAX_BYTES = 256 * 2 ** 20;
/** Rejected rows printed before "… and N more" (--json lists all). */
const SHOWN_ERRORS = 50;

export const ordersCommand: Command = {
  name: 'orders',
  usage: USAGE,
  summary: 'the orders the assistant looks up after verification: import a file (bad rows reported by line), show one order with its returns and audit log',
  options: {
    json: { type: 'boolean', description: 'print one JSON object' },
    since: { type: 'string', value: 'TIME', description: 'export-changes: only changes at or after this date or time' },
  },
  async run(ctx) {
    const [action, arg, ...extra] = ctx.args;
    if (action === 'import' && arg && extra.length === 0) return importOrders(ctx, arg);
    if (action === 'show' && arg && extra.length === 0) return showOrder(ctx, arg);
    if (action === 'export-changes' && !arg) return exportChanges(ctx);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.split('\n').map((l) => l.replace(/\s+\(.*\)$/, '').replace(' [options]', '')).join(' | ')}.`);
  },
};

async function withOrders<T>(ctx: CommandContext, fn: (store: OrderStore) => Promise<T>): Promise<T> {
  const store = await openOrderStore(ctx.config.db, ctx.config.home);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Valid orders are stored together; each refused row is reported with its line, and a file with none valid changes nothing. */
async function importOrders(ctx: CommandContext, file: string): Promise<number> {
  const read = readOrderFile(readOrdersText(file), path.basename(file));
  if (read.orders.length === 0) {
    for (const e of read.errors.slice(0, SHOWN_ERRORS)) print(ctx.stderr, `  line ${e.line}: ${e.reason}`);
    throw new AppError('BAD_INPUT', `${file}: no order could be read (${read.errors.length} rows refused); nothing was stored.`);
  }
  const stored = await withOrders(ctx, async (store) => {
    const counts = await store.upsert(read.orders.map((o) => o.order));
    await store.audit({ actor: 'cli', channel: 'cli', action: 'import', outcome: 'ok', detail: `${read.orders.length} orders from ${path.basename(file)}`.slice(0, 500) });
    return counts;
  });
  if (ctx.flags.json) {
    print(ctx.stdout, JSON.stringify({ file: path.resolve(file), accepted: read.orders.length, ...stored, rejected: read.errors, warnings: read.warnings }));
    return 0;
  }
  print(ctx.stdout, `Imported ${file}: ${read.orders.length} orders (${stored.inserted} new, ${stored.updated} updated), ${read.errors.length} rows rejected.`);
  if (stored.kept > 0) print(ctx.stdout, `  ${stored.kept} orders kept the status Aisle set in chat (a cancellation newer than the file's); \`aisle orders export-changes\` lists them for the store.`);
  for (const e of read.errors.slice(0, SHOWN_ERRORS)) print(ctx.stdout, `  line ${e.line}: ${e.reason}`);
  if (read.errors.length > SHOWN_ERRORS) print(ctx.stdout, `  … and ${read.errors.length - SHOWN_ERRORS} more (--json lists them all)`);
  if (read.warnings.length) print(ctx.stdout, `${read.warnings.length} orders imported with a warning:`);
  for (const w of read.warnings.slice(0, SHOWN_ERRORS)) print(ctx.stdout, `  line ${w.line}: ${w.reason}`);
  if (read.warnings.length > SHOWN_ERRORS) print(ctx.stdout, `  … and ${read.warnings.length - SHOWN_ERRORS} more (--json lists them all)`);
  return 0;
}

function readOrdersText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    throw new AppError('BAD_INPUT', `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message}.`, { cause });
  }
  if (size > MAX_BYTES) throw new AppError('BAD_INPUT', `${file} is ${Math.round(size / 2 ** 20)} MiB; split it into files under ${MAX_BYTES / 2 ** 20} MiB and import each.`);
  return readFileSync(file, 'utf8');
}

/** The store owner's view: no verification (their own records), but the look-up is audited like any other. */
async function showOrder(ctx: CommandContext, number: string): Promise<number> {
  const shown = await withOrders(ctx, async (store) => {
    const found = await store.get(number);
    if (!found) return undefined;
    await store.audit({ actor: 'cli', channel: 'cli', action: 'lookup', order: found.order.number, outcome: 'ok' });
    return { ...found, audit: await store.auditTrail({ order: found.order.number, limit: 20 }) };
  });
  if (!shown) throw new AppError('NOT_FOUND', `No order ${number}: check the number, or import the orders with \`aisle orders import FILE\`.`);
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify(shown));
  else for (const line of describeOrder(shown.order, shown.returns, shown.audit)) print(ctx.stdout, line);
  return 0;
}

function describeOrder(o: Order, returns: ReturnRecord[], audit: AuditEntry[]): string[] {
  return [
    `Order ${o.number}: ${o.status}; ${o.email}${o.postcode ? `, ${o.postcode}` : ''}${o.customerId ? `; customer ${o.customerId}` : ''}`,
    `Placed ${o.placedAt}${o.shippedAt ? `; shipped ${o.shippedAt}` : ''}${o.deliveredAt ? `; delivered ${o.deliveredAt}` : ''}${o.cancelledAt ? `; cancelled ${o.cancelledAt}` : ''}`,
    ...o.items.map((i) => `  ${i.quantity} × ${i.title}${i.sku ? ` [${i.sku}]` : ''}${i.productId ? ` (product ${i.productId})` : ''} at ${i.price.toFixed(2)} ${o.currency}`),
    `Subtotal ${o.subtotal.toFixed(2)}, shipping ${o.shipping.toFixed(2)}, tax ${o.tax.toFixed(2)}, total ${o.total.toFixed(2)} ${o.currency}`,
    ...(o.tracking ? [`Tracking: ${[o.tracking.carrier, o.tracking.number, o.tracking.url].filter(Boolean).join(' ')}`] : []),
    ...o.refunds.map((r) => `Refund ${r.amount.toFixed(2)} ${o.currency}: ${r.status}${r.method ? ` to ${r.method}` : ''} (requested ${r.requestedAt}${r.issuedAt ? `, issued ${r.issuedAt}` : ''})`),
    ...returns.map((r) => `Return ${r.rma}: ${r.status}, ${r.items.map((i) => `${i.quantity} × ${i.title}`).join(', ')}; reason "${r.reason}"; drop off by ${r.dropOffBy}`),
    `Audit log (newest first):`,
    ...audit.map((a) => `  ${a.at} ${a.actor}${a.conversation ? ` in ${a.conversation}` : ''}: ${a.action} ${a.outcome}${a.detail ? ` (${a.detail})` : ''}`),
  ];
}

/** For the store's system: what was cancelled or returned through Aisle, as CSV (or JSON), oldest first. */
async function exportChanges(ctx: CommandContext): Promise<number> {
  const since = parseSince(flagString(ctx, 'since'));
  const changes = await withOrders(ctx, (store) => orderChanges(store, since));
  if (ctx.flags.json) {
    print(ctx.stdout, JSON.stringify({ since: since?.toISOString() ?? null, changes }));
    return 0;
  }
  print(ctx.stdout, CHANGE_COLUMNS.join(','));
  for (const c of changes) print(ctx.stdout, csvLine(CHANGE_COLUMNS.map((k) => c[k])));
  return 0;
}

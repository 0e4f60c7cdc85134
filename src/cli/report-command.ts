import { existsSync } from 'node:fs';
import { buildReport, type Report } from '../analytics/report.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { resolveDbTarget } from '../storage/db-target.ts';
import { openConversationStore } from '../storage/open-conversation-store.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { rerankArm } from '../rerank/ab-split.ts';
import { flagString, print, type Command } from './command.ts';
import { openReportOrders } from './report-orders.ts';
import { reportTable } from './report-table.ts';
import { openEmbedder } from './services.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const reportCommand: Command = {
  name: 'report',
  usage: 'aisle report [--since DATE] [options]',
  summary: 'conversation analytics from the turn log and events: containment, handoffs, thumbs, unanswered questions grouped by meaning, no-result searches, click-through, add-to-cart, assisted conversion',
  options: {
    since: { type: 'string', value: 'DATE', description: 'count from this day (YYYY-MM-DD, UTC), time (ISO 8601) or N days ago (30d); default: everything logged' },
    json: { type: 'boolean', description: 'print one JSON object' },
  },
  opens: ['model'],
  async run(ctx) {
    if (ctx.args.length) throw new AppError('BAD_INPUT', `aisle report takes no arguments (got "${ctx.args.join(' ')}"); use --since DATE.`);
    const since = parseSince(flagString(ctx, 'since'));
    const report = await reportFor(ctx.config, since);
    print(ctx.stdout, ctx.flags.json ? JSON.stringify(report) : reportTable(report));
    return 0;
  },
};

/** "2026-11-01", "2026-11-01T09:00:00Z" or "30d"; BAD_INPUT with the accepted forms otherwise. */
export function parseSince(value: string | undefined, now = new Date()): Date | undefined {
  if (value === undefined) return undefined;
  const days = /^(\d{1,4})d$/i.exec(value.trim());
  if (days) return new Date(now.getTime() - Number(days[1]) * DAY_MS);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(`${value.trim()}T00:00:00Z`) : new Date(value.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(date.getTime())) {
    throw new AppError('BAD_INPUT', `--since "${value}" is not a date: give YYYY-MM-DD (UTC), an ISO 8601 time or a number of days such as 30d.`);
  }
  if (date > now) throw new AppError('BAD_INPUT', `--since ${date.toISOString()} is in the future: nothing would be counted.`);
  return date;
}

/**
 * The report over the configured stores. A SQLite home without a conversation store has nothing logged (and none is
 * made); a PostgreSQL schema without one is ARTIFACT_MISSING, so a misspelt ?schema= is not reported as empty.
 */
async function reportFor(config: Config, from: Date | undefined): Promise<Report> {
  const target = resolveDbTarget(config.db, config.home, 'conversations.db', { createHome: false });
  if (target.kind === 'sqlite' && !existsSync(target.path)) return buildReport({ turns: NONE, events: NONE }, from ? { from } : {});
  const closers: (() => Promise<void>)[] = [];
  try {
    const store = await openConversationStore(config.db, config.home, { create: false });
    closers.push(() => store.close());
    const events = await openEventLog(config.db, config.home);
    closers.push(() => events.close());
    const orders = await openReportOrders(config);
    if (orders) closers.push(orders.close);
    const embedder = await openEmbedder(config);
    if (embedder) closers.push(() => embedder.close());
    // The groups are compared while personalisation is on (AISLE_RERANK); the split is the one serving uses.
    const arm = config.rerank === 'on' ? { arm: (user: string) => rerankArm(user, config.rerankControlShare) } : {};
    return await buildReport({ turns: store, events, ...arm, ...(embedder ? { embedder } : {}), ...(orders ? { orders: orders.source } : {}) }, from ? { from } : {});
  } finally {
    for (const close of closers.reverse()) await close();
  }
}

/** An empty log, for a home where nothing was ever logged. */
const NONE = { scanTurns: async () => ({ turns: [] }), scan: async () => ({ events: [] }) };

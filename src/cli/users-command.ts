import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import type { ConversationStore, ForgetReport } from '../storage/conversation-store.ts';
import { AppError } from '../errors.ts';
import { resolveDbTarget } from '../storage/db-target.ts';
import { openConversationStore } from '../storage/open-conversation-store.ts';
import { openWidgetLog } from '../storage/open-widget-log.ts';
import type { WidgetLog } from '../storage/widget-log.ts';
import { print, type Command, type CommandContext } from './command.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const USAGE = 'aisle users forget USER_ID [options]\n       aisle users purge [options]';

export const usersCommand: Command = {
  name: 'users',
  usage: USAGE,
  summary: "privacy: forget a shopper (profile, conversations, logged turns), or purge turn logs past AISLE_TURN_LOG_RETENTION_DAYS",
  options: {
    json: { type: 'boolean', description: 'print one JSON object with the counts' },
  },
  async run(ctx) {
    const [action, user, ...extra] = ctx.args;
    if (action === 'forget' && user?.trim() && extra.length === 0) return forget(ctx, user);
    if (action === 'purge' && user === undefined) return purge(ctx);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.replace(/\n\s+/g, ' | ')}. The user id is the one channels report (e.g. the Teams user id).`);
  },
};

/** Deletes everything stored about `user`; a home without a conversation store has nothing to delete, and none is made. */
async function forget(ctx: CommandContext, user: string): Promise<number> {
  const report = await withStore(ctx.config, async (store, widget) => {
    const forgotten = await store.forgetUser(user);
    return { ...forgotten, turns: forgotten.turns + await widget.forgetUser(user) }; // the widget's messages count as logged turns
  }) ?? { profiles: 0, conversations: 0, turns: 0 };
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ user, deleted: report }));
  else print(ctx.stdout, `Forgot ${user}: deleted ${describe(report)}.`);
  return 0;
}

async function purge(ctx: CommandContext): Promise<number> {
  const days = ctx.config.turnLogRetentionDays;
  if (days === 0) throw new AppError('BAD_INPUT', 'AISLE_TURN_LOG_RETENTION_DAYS is 0 (keep forever): set a number of days to purge older turns.');
  const before = new Date(Date.now() - days * DAY_MS);
  const turns = await withStore(ctx.config, async (store, widget) => (await store.purgeTurns(before)) + await widget.purgeBefore(before)) ?? 0;
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ before: before.toISOString(), deleted: { turns } }));
  else print(ctx.stdout, `Deleted ${plural(turns, 'logged turn')} from before ${before.toISOString()} (${days}-day retention).`);
  return 0;
}

/**
 * Runs `fn` on the configured conversation store; undefined when it is a SQLite file that does not exist.
 * A PostgreSQL schema without the store is ARTIFACT_MISSING: a misspelt ?schema= must not be created and reported clean.
 */
async function withStore<T>(config: Config, fn: (store: ConversationStore, widget: WidgetLog) => Promise<T>): Promise<T | undefined> {
  const target = resolveDbTarget(config.db, config.home, 'conversations.db', { createHome: false });
  if (target.kind === 'sqlite' && !existsSync(target.path)) return undefined;
  const store = await openConversationStore(config.db, config.home, { lockTimeoutMs: config.lockTimeoutMs, create: false });
  let widget: WidgetLog | undefined;
  try {
    widget = await openWidgetLog(config.db, config.home); // after the store: a missing PostgreSQL store was refused above
    return await fn(store, widget);
  } finally {
    await widget?.close();
    await store.close();
  }
}

function describe(report: ForgetReport): string {
  return [plural(report.profiles, 'profile'), plural(report.conversations, 'conversation'), plural(report.turns, 'logged turn')].join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

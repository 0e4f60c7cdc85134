import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import type { ConversationStore, ForgetReport } from '../storage/conversation-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import { AppError } from '../errors.ts';
import { resolveDbTarget } from '../storage/db-target.ts';
import { openConversationStore } from '../storage/open-conversation-store.ts';
import { openHandoffStore } from '../handoff/open-handoff-store.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { openWidgetLog } from '../storage/open-widget-log.ts';
import { openOrderStore, ORDERS_FILE } from '../storage/open-order-store.ts';
import type { WidgetLog } from '../storage/widget-log.ts';
import { print, type Command, type CommandContext } from './command.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const USAGE = 'aisle users forget USER_ID [options]\n       aisle users purge [options]';

export const usersCommand: Command = {
  name: 'users',
  usage: USAGE,
  summary: 'privacy: forget a shopper (profile, conversations, logged turns, behaviour events; unlinks them from order audit rows), or purge turn logs and events past their retention',
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

type Forgotten = ForgetReport & { events: number };

/** Deletes everything stored about `user`; a home without a conversation store has nothing to delete, and none is made. */
async function forget(ctx: CommandContext, user: string): Promise<number> {
  const report: Forgotten = await withStore(ctx.config, async ({ store, widget, events }) => {
    const forgotten = await store.forgetUser(user);
    // The widget's messages, and the handoffs with their messages and tickets, count as logged turns.
    const handoffs = await openHandoffStore(ctx.config.db, ctx.config.home);
    const handedOver = await handoffs.queue.forgetUser(user).finally(() => handoffs.close());
    return { ...forgotten, turns: forgotten.turns + await widget.forgetUser(user) + handedOver, events: await events.forgetUser(user) };
  }) ?? { profiles: 0, conversations: 0, turns: 0, events: 0 };
  const unlinked = await unlinkOrderActions(ctx.config, user);
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ user, deleted: report, unlinked: { orderAuditRows: unlinked } }));
  else {
    print(ctx.stdout, `Forgot ${user}: deleted ${describe(report)}; unlinked ${plural(unlinked, 'order audit row')} (orders are business records and stay).`);
    // Said so the operator need not wonder whether a model must be retrained or deleted too.
    print(ctx.stdout, 'The personalised reranker holds no per-shopper state (its learned ids are products\'); their events no longer reach the next `aisle train reranker`.');
  }
  return 0;
}

/**
 * Orders stay (the store keeps them for tax law), and so does what was done to each; the audit rows lose who did
 * it, in which conversation and from which address. A home without an order store has nothing to unlink.
 */
async function unlinkOrderActions(config: Config, user: string): Promise<number> {
  const target = resolveDbTarget(config.db, config.home, ORDERS_FILE, { createHome: false });
  if (target.kind === 'sqlite' && !existsSync(target.path)) return 0;
  const orders = await openOrderStore(config.db, config.home);
  try {
    return await orders.forgetActor(user);
  } finally {
    await orders.close();
  }
}

/** Each log by its own retention setting; one set to 0 (keep forever) is left alone, both at 0 is a mistake worth saying. */
async function purge(ctx: CommandContext): Promise<number> {
  const { turnLogRetentionDays: turnDays, eventRetentionDays: eventDays } = ctx.config;
  if (turnDays === 0 && eventDays === 0) {
    throw new AppError('BAD_INPUT', 'AISLE_TURN_LOG_RETENTION_DAYS and AISLE_EVENT_RETENTION_DAYS are 0 (keep forever): set a number of days to purge older entries.');
  }
  const cutoff = (days: number) => (days === 0 ? undefined : new Date(Date.now() - days * DAY_MS));
  const [turnsBefore, eventsBefore] = [cutoff(turnDays), cutoff(eventDays)];
  const deleted = await withStore(ctx.config, async ({ store, widget, events }) => ({
    turns: turnsBefore ? (await store.purgeTurns(turnsBefore)) + await widget.purgeBefore(turnsBefore) + await purgeHandoffs(ctx.config, turnsBefore) : 0,
    events: eventsBefore ? await events.purgeBefore(eventsBefore) : 0,
  })) ?? { turns: 0, events: 0 };
  const iso = (d?: Date) => d?.toISOString() ?? null;
  if (ctx.flags.json) print(ctx.stdout, JSON.stringify({ before: iso(turnsBefore), eventsBefore: iso(eventsBefore), deleted }));
  else {
    const line = (n: number, noun: string, before: Date | undefined, days: number) =>
      (before ? `${plural(n, noun)} from before ${before.toISOString()} (${days}-day retention)` : `no ${noun}s (kept forever)`);
    print(ctx.stdout, `Deleted ${line(deleted.turns, 'logged turn', turnsBefore, turnDays)}; ${line(deleted.events, 'event', eventsBefore, eventDays)}.`);
  }
  return 0;
}

/**
 * Runs `fn` on the configured conversation store; undefined when it is a SQLite file that does not exist.
 * A PostgreSQL schema without the store is ARTIFACT_MISSING: a misspelt ?schema= must not be created and reported clean.
 */
async function withStore<T>(config: Config, fn: (stores: { store: ConversationStore; widget: WidgetLog; events: EventLog }) => Promise<T>): Promise<T | undefined> {
  const target = resolveDbTarget(config.db, config.home, 'conversations.db', { createHome: false });
  if (target.kind === 'sqlite' && !existsSync(target.path)) return undefined;
  const store = await openConversationStore(config.db, config.home, { lockTimeoutMs: config.lockTimeoutMs, create: false });
  let widget: WidgetLog | undefined;
  let events: EventLog | undefined;
  try {
    // After the store: a missing PostgreSQL store was refused above, so these create nothing in a misspelt schema.
    widget = await openWidgetLog(config.db, config.home);
    events = await openEventLog(config.db, config.home);
    return await fn({ store, widget, events });
  } finally {
    await events?.close();
    await widget?.close();
    await store.close();
  }
}

function describe(report: Forgotten): string {
  return [plural(report.profiles, 'profile'), plural(report.conversations, 'conversation'), plural(report.turns, 'logged turn'), plural(report.events, 'event')].join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Ended handoffs with their messages, and closed tickets, go with the turn log they continue. */
async function purgeHandoffs(config: Config, before: Date): Promise<number> {
  const handoffs = await openHandoffStore(config.db, config.home);
  return handoffs.queue.purgeBefore(before).finally(() => handoffs.close());
}

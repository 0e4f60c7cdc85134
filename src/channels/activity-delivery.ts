import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Reply } from '../conversation/reply.ts';
import { AppError } from '../errors.ts';
import { renderActivities } from './activity-renderer.ts';
import type { PublicLinks } from './public-links.ts';

/** Errors posting to the Bot Connector: logged once as a warning, and no apology is posted after them (it would fail too). */
const undeliverable = new WeakSet<Error>();

/** Whether `err` came from posting to the Bot Connector (see deliver), not from the turn itself. */
export function isUndeliverable(err: Error): boolean {
  return undeliverable.has(err);
}

/** Runs a send; a failure is marked undeliverable and named by host, so the log says where it could not go. */
export async function deliver<T>(context: TurnContext, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (cause) {
    let host = 'the Bot Connector';
    try {
      host = new URL(context.activity.serviceUrl ?? '').host;
    } catch { /* keep the generic name */ }
    const err = new AppError('UNAVAILABLE', `Cannot post to ${host}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    undeliverable.add(err);
    throw err;
  }
}

/** Renders `replies` for the activity's channel (its limits) and locale, links made absolute by `links`, and posts them, in order, in one call. */
export async function sendReplies(context: TurnContext, replies: readonly Reply[], links?: PublicLinks): Promise<void> {
  const { locale, channelId } = context.activity;
  const activities = renderActivities(replies, { locale, channelId, links });
  if (activities.length) await deliver(context, () => context.sendActivities(activities.map((a) => Activity.fromObject(a))));
}

import type { Activity } from '@microsoft/agents-activity';
import { TEAMS_CHANNEL } from './activity-limits.ts';
import { DOOR_IDS } from './id-namespaces.ts';

/** The parts of an activity that say who sent it. */
type Sender = Pick<Activity, 'channelId' | 'from' | 'conversation' | 'channelData'>;

/**
 * The Aisle user id of an activity's sender. On Teams it is `teams:TENANT:AAD_OBJECT_ID`: the Entra object id is
 * the same in a 1:1 chat, a group chat and a channel (and across bots), so one shopper keeps one profile; without
 * it (a guest Teams gives none), the Teams user id, which is stable for this bot. Only Teams sets `channelId`
 * 'msteams' on a signed activity, and `from.id` may not take the `teams:` prefix (checkActivity), so no other
 * channel can name a Teams profile. Other channels keep their own `from.id`.
 */
export function shopperId(activity: Sender): string {
  const from = activity.from;
  if (activity.channelId !== TEAMS_CHANNEL) return from?.id ?? '';
  const tenant = activity.conversation?.tenantId ?? tenantOf(activity.channelData) ?? 'no-tenant';
  const aad = from?.aadObjectId?.trim();
  return DOOR_IDS.teams(tenant.toLowerCase(), aad ? aad.toLowerCase() : from?.id ?? '');
}

/** Teams also puts the tenant in `channelData.tenant.id`. */
function tenantOf(channelData: unknown): string | undefined {
  const id = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * Whether to greet on a `membersAdded` update. On Teams only in a 1:1 chat, when the shopper installs the app
 * (Teams announces the bot, not the person): in a team every new member would otherwise get a greeting in the
 * channel. Elsewhere when a person, not the bot, arrived.
 */
export function greetingTarget(activity: Sender & Pick<Activity, 'membersAdded' | 'recipient'>): string | undefined {
  const { membersAdded = [], recipient } = activity;
  if (activity.channelId === TEAMS_CHANNEL) {
    return activity.conversation?.conversationType === 'personal' && membersAdded.length > 0 ? shopperId(activity) : undefined;
  }
  return membersAdded.find((member) => member.id && member.id !== recipient?.id)?.id;
}

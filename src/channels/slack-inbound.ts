import type { TurnAction } from '../conversation/reply.ts';
import { DOOR_IDS } from './id-namespaces.ts';
import { turnOfSlackAction } from './slack-renderer.ts';

/** Where a Slack turn happened and where its replies go: always a thread. */
export interface SlackPlace {
  team: string;
  channel: string;
  /** The Slack user who wrote or pressed. */
  user: string;
  /** The thread's root: replies are posted with this `thread_ts`. */
  threadTs: string;
  /** A direct message with the app (channel ids starting D), rather than a mention in a channel. */
  direct: boolean;
}

/** One Slack turn, ready for the engine. */
export interface SlackTurn {
  place: SlackPlace;
  input: { text: string } | { action: TurnAction };
}

/** The Aisle ids of a place: the shopper's profile is `slack:TEAM:USER` everywhere. */
export function aisleIds(place: SlackPlace): { conversation: string; user: string } {
  const user = DOOR_IDS.slack(place.team, place.user);
  // A DM is one running conversation with the shopper; in a channel each thread is its own, per person in it.
  const conversation = place.direct ? DOOR_IDS.slack(place.team, place.channel) : DOOR_IDS.slack(place.team, place.channel, place.threadTs, place.user);
  return { conversation, user };
}

/**
 * Where a message outside a turn goes (an agent's, sent from the console): the channel of an `aisleIds` conversation,
 * and its thread for a channel conversation (a DM's is top-level, as no one thread is the conversation).
 */
export function slackTarget(conversation: string): { channel: string; threadTs?: string } | undefined {
  const [door, , channel, threadTs] = conversation.split(':');
  if (door !== 'slack' || !channel) return undefined;
  return threadTs ? { channel, threadTs } : { channel };
}

/** The fields of a message or app_mention event Aisle reads (Slack's `event` object). */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  team?: string;
}

/**
 * A shopper's own words in a DM (`message`, channel_type im) or a mention (`app_mention`); undefined for
 * everything else: edits, deletions, bots (Aisle itself included), joins and empty messages.
 */
export function turnOfMessage(event: SlackMessageEvent, teamId: string | undefined): SlackTurn | undefined {
  if (event.subtype || event.bot_id || !event.user || !event.channel || !event.ts) return undefined;
  if (event.type === 'message' && event.channel_type !== 'im') return undefined;
  if (event.type !== 'message' && event.type !== 'app_mention') return undefined;
  const text = plainText(event.text ?? '');
  const team = teamId ?? event.team;
  if (!text || !team) return undefined;
  const direct = event.channel_type === 'im' || event.channel.startsWith('D');
  return { place: { team, channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts, direct }, input: { text } };
}

/** The fields of a block_actions payload Aisle reads. */
export interface SlackActionsBody {
  type: string;
  team?: { id: string } | null;
  user: { id: string; team_id?: string };
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
  container?: { message_ts?: string; thread_ts?: string };
  actions: { action_id: string; value?: string }[];
}

/** The turn an Aisle button stands for, in the thread of the message that carries it; undefined for any other press. */
export function turnOfAction(body: SlackActionsBody): SlackTurn | undefined {
  const pressed = body.actions[0];
  const turn = pressed && turnOfSlackAction(pressed.action_id, pressed.value);
  const channel = body.channel?.id;
  const team = body.team?.id ?? body.user.team_id;
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts ?? body.message?.ts ?? body.container?.message_ts;
  if (!turn || !channel || !team || !threadTs) return undefined;
  return { place: { team, channel, user: body.user.id, threadTs, direct: channel.startsWith('D') }, input: turn };
}

/**
 * What the shopper typed, as plain words: mentions dropped (the `@Aisle` that addressed the app), links
 * as their label or address, and Slack's `&amp;`, `&lt;`, `&gt;` turned back into characters.
 */
export function plainText(slackText: string): string {
  return slackText
    .replace(/<[@!#][^>]*>/g, ' ')
    .replace(/<((?:https?|mailto):[^|>]*)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What identifies one delivery Slack may repeat: the event id (retries reuse it), or a button press's trigger. */
export function deliveryId(body: { event_id?: string; trigger_id?: string; type?: string }): string | undefined {
  if (body.event_id) return `event:${body.event_id}`;
  if (body.type === 'block_actions' && body.trigger_id) return `action:${body.trigger_id}`;
  return undefined;
}

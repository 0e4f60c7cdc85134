import { Activity, type ChannelAccount, type ConversationReference } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Handoff, Reply } from '../conversation/reply.ts';
import type { TurnLogEntry } from '../storage/conversation-store.ts';
import { deliver } from './activity-delivery.ts';
import { activityBytes, limitsFor } from './activity-limits.ts';

/** The Bot Framework handoff protocol's initiation event (HandoffEventNames.InitiateHandoff). */
export const HANDOFF_INITIATE = 'handoff.initiate';
/** The attachment type an agent hub reads the conversation so far from. */
export const TRANSCRIPT_CONTENT_TYPE = 'application/vnd.microsoft.activity.transcript';
/** Turns read for the transcript; older ones also go when the event would pass the channel's size limit. */
const MAX_TRANSCRIPT_TURNS = 50;
/** What the adapter adds (addressing, ids, serviceUrl), kept free under the size limit, as for messages. */
const ENVELOPE_BYTES = 2048;

/** Which Bot Service channels get the event, and where the transcript comes from. */
export interface HandoffEventSettings {
  /** Channel ids (`activity.channelId`) that pass the event to an agent hub; `*`: every channel. */
  channels: readonly string[];
  /** The conversation's logged turns, oldest first (ConversationStore.turns). */
  turns: (conversation: string, limit: number) => Promise<TurnLogEntry[]>;
}

/** One line of the transcript: a message as the channel saw it. */
export interface TranscriptMessage {
  type: 'message';
  timestamp: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: { id: string };
  text: string;
}

/** The event activity's own fields; the adapter adds conversation, from, recipient and serviceUrl. */
export interface HandoffInitiationJson {
  type: 'event';
  name: typeof HANDOFF_INITIATE;
  /** The agent hub's context: Aisle's handoff id, why, the summary and what was on screen. */
  value: { aisleHandoffId?: string; reason: Handoff['reason']; summary: string; context?: Handoff['context'] };
  attachments: [{ contentType: typeof TRANSCRIPT_CONTENT_TYPE; content: TranscriptMessage[] }];
  relatesTo: ConversationReference;
}

/** Whether `channelId` is one the operator named (AISLE_BOT_HANDOFF_CHANNELS). */
export function handoffEventsOn(settings: HandoffEventSettings | undefined, channelId: string | undefined): boolean {
  return !!settings && !!channelId && (settings.channels.includes('*') || settings.channels.includes(channelId));
}

/**
 * After the replies: when one carries a handoff and the channel is enabled, posts the `handoff.initiate` event with
 * the conversation's turns as the transcript, so an agent hub behind the Bot Service can take the conversation too.
 */
export async function sendHandoffInitiation(context: TurnContext, replies: readonly Reply[], settings: HandoffEventSettings | undefined): Promise<void> {
  const handoff = replies.find((r) => r.handoff)?.handoff;
  const { activity } = context;
  if (!handoff || !handoffEventsOn(settings, activity.channelId)) return;
  const conversation = activity.conversation?.id ?? '';
  const turns = await settings!.turns(conversation, MAX_TRANSCRIPT_TURNS);
  const shopper = account(activity.from, 'user');
  const bot = account(activity.recipient, 'bot');
  const event = handoffInitiation(handoff, transcriptOf(turns, conversation, shopper, bot), activity.getConversationReference(), activity.channelId);
  await deliver(context, () => context.sendActivity(Activity.fromObject(event)));
}

/** The event for `handoff`; the transcript loses its oldest messages until the event fits the channel's size limit. */
export function handoffInitiation(handoff: Handoff, transcript: TranscriptMessage[], relatesTo: ConversationReference, channelId?: string): HandoffInitiationJson {
  const { id, reason, summary, context } = handoff;
  const build = (messages: TranscriptMessage[]): HandoffInitiationJson => ({
    type: 'event', name: HANDOFF_INITIATE,
    value: { ...(id ? { aisleHandoffId: id } : {}), reason, summary, ...(context ? { context } : {}) },
    attachments: [{ contentType: TRANSCRIPT_CONTENT_TYPE, content: messages }],
    relatesTo,
  });
  const maxBytes = limitsFor(channelId).maxBytes - ENVELOPE_BYTES;
  let messages = transcript;
  while (messages.length && activityBytes(build(messages)) > maxBytes) messages = messages.slice(1);
  return build(messages);
}

/** Each turn as the shopper's message (a button press has none) then the bot's, both at the turn's time. */
export function transcriptOf(turns: readonly TurnLogEntry[], conversation: string, shopper: ChannelAccount, bot: ChannelAccount): TranscriptMessage[] {
  const line = (from: ChannelAccount, recipient: ChannelAccount, timestamp: string, text: string): TranscriptMessage =>
    ({ type: 'message', timestamp, from, recipient, conversation: { id: conversation }, text });
  return turns.flatMap((t) => [
    ...(t.text ? [line(shopper, bot, t.at, t.text)] : []),
    ...(t.reply ? [line(bot, shopper, t.at, t.reply)] : []),
  ]);
}

/** The id and name of a party, with the role a transcript reader tells them apart by. */
function account(party: ChannelAccount | undefined, role: 'user' | 'bot'): ChannelAccount {
  return { id: party?.id ?? '', ...(party?.name ? { name: party.name } : {}), role };
}

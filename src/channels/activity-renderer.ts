import type { Attachment, CardAction } from '@microsoft/agents-activity';
import type { Handoff, Reply, ReplyAction } from '../conversation/reply.ts';
import { comparisonCard, productCard } from './adaptive-cards.ts';
import { replyText } from './reply-text.ts';

/** What Aisle puts in `channelData.aisle` for a storefront channel to act on. */
export interface AisleChannelData {
  /** Things the storefront carries out (add to cart); the bot has only asked for them. */
  actions?: ReplyAction[];
  /** Pass the conversation to a person; the summary is for the agent who picks it up. */
  handoff?: Handoff;
}

/**
 * The message fields a Reply fills. Addressing (conversation, from, recipient, replyToId, serviceUrl)
 * is left to the adapter, which copies it from the incoming activity.
 */
export interface MessageActivityJson {
  type: 'message';
  text: string;
  attachments?: Attachment[];
  attachmentLayout?: 'carousel' | 'list';
  suggestedActions?: { to: string[]; actions: CardAction[] };
  channelData?: { aisle: AisleChannelData };
}

export interface RenderOptions {
  /** BCP 47 locale of the shopper (the activity's `locale`), for prices; defaults to en-US. */
  locale?: string;
}

/** One message activity per reply, in order: cards for products and comparisons, chips for suggestions. */
export function renderActivities(replies: readonly Reply[], options: RenderOptions = {}): MessageActivityJson[] {
  return replies.map((reply) => renderActivity(reply, options.locale));
}

function renderActivity(reply: Reply, locale: string | undefined): MessageActivityJson {
  const activity: MessageActivityJson = { type: 'message', text: replyText(reply) };
  const products = reply.products ?? [];
  const attachments = [
    ...(reply.comparison ? [comparisonCard(reply.comparison)] : []),
    ...products.map((p) => productCard(p, locale)),
  ];
  if (attachments.length) {
    activity.attachments = attachments;
    // A carousel of products swipes; a comparison card is wide and reads better on its own line.
    activity.attachmentLayout = reply.comparison ? 'list' : 'carousel';
  }
  if (reply.suggestions?.length) {
    // `to: []` shows the chips to everyone in the conversation; the SDK's schema requires the field.
    activity.suggestedActions = { to: [], actions: reply.suggestions.map(imBack) };
  }
  const aisle: AisleChannelData = {
    ...(reply.actions?.length ? { actions: reply.actions } : {}),
    ...(reply.handoff ? { handoff: reply.handoff } : {}),
  };
  if (aisle.actions || aisle.handoff) activity.channelData = { aisle };
  return activity;
}

/** Pressing a chip sends its words as the shopper's next message. */
function imBack(suggestion: string): CardAction {
  return { type: 'imBack', title: suggestion, value: suggestion };
}

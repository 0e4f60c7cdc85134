import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from '../logger.ts';
import type { ReplyAddresses } from '../handoff/reply-addresses.ts';
import type { ShopperPusher } from '../handoff/shopper-delivery.ts';
import { sendReplies } from './activity-delivery.ts';
import type { PublicLinks } from './public-links.ts';

/** The front doors of Aisle's own that are no Bot Service channel: their messages go by other pushers (or the next turn). */
const OWN_DOORS = new Set(['widget', 'slack', 'cli', 'unknown']);

/** Keeps where a Bot Service conversation can be written to, on a turn that asked for or talked to a person. */
export async function saveReplyAddress(addresses: ReplyAddresses, context: TurnContext, user: string): Promise<void> {
  const conversation = context.activity.conversation?.id;
  if (conversation) await addresses.save(conversation, user, context.activity.getConversationReference());
}

/**
 * Agent messages to Teams, Web Chat and the other Bot Service channels as they are sent: a proactive message
 * (continueConversation) to the conversation reference saved on the shopper's last turn with the handoff, posted to
 * the Bot Connector's /v3/conversations/{id}/activities like any reply. Without a saved reference, or when the post
 * fails, it returns false: the message stays undelivered and goes out with the shopper's next turn.
 */
export function createActivityPusher(adapter: CloudAdapter, appId: string | undefined, addresses: ReplyAddresses, log: Logger, links?: PublicLinks): ShopperPusher {
  // Without an app id (development, the Emulator) the SDK posts anonymously, as it does for replies.
  const identity = appId ? appId : { aud: '' };
  return {
    handles: (channel) => !OWN_DOORS.has(channel),
    async push(handoff, text) {
      const saved = await addresses.get(handoff.conversation);
      if (!saved) return false;
      try {
        await adapter.continueConversation(identity, saved.address as ConversationReference, (context) => sendReplies(context, [{ text }], links));
        return true;
      } catch (err) {
        log.warn({ err, conversation: handoff.conversation }, 'agent message not posted to the Bot Connector; it goes with the next turn');
        return false;
      }
    },
  };
}

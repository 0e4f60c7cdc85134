import { TOPICS, type RelayBus } from '../handoff/relay-bus.ts';
import type { ShopperPusher } from '../handoff/shopper-delivery.ts';
import type { WidgetLog } from '../storage/widget-log.ts';
import { DOOR_IDS } from './id-namespaces.ts';

const PREFIX = DOOR_IDS.widgetConversation('');

/**
 * The widget pushes agent and system messages live: each is logged as an Aisle entry (so a reload replays it)
 * with the agent's name in `from`, then published to the conversation's topic, which every process's sockets for
 * that conversation listen to (widget-service.ts).
 */
export function createWidgetPusher(log: WidgetLog, bus: RelayBus): ShopperPusher {
  return {
    handles: (channel) => channel === 'widget',
    async push(handoff, text, from) {
      if (!handoff.conversation.startsWith(PREFIX)) return false;
      const entries = await log.logReplies(handoff.conversation.slice(PREFIX.length), handoff.user, [{ text, ...(from ? { from } : {}) }]);
      await bus.publish(TOPICS.conversation(handoff.conversation), { frame: { type: 'entries', entries } });
      return true;
    },
  };
}

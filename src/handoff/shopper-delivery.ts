import type { HandoffMessage, HandoffQueue, HandoffRecord, MessageRole } from './handoff-queue.ts';
import { TOPICS, type RelayBus } from './relay-bus.ts';

/** What a shopper's channel draws while a person has the conversation (the widget's banner). */
export type HandoffState =
  | { state: 'waiting'; position?: number }
  | { state: 'agent'; agent: string }
  | { state: 'assistant' };

/**
 * A channel that can push to its shoppers as the agent writes: the widget over its WebSocket, Slack and the Bot
 * Service channels (Teams, Web Chat) through their APIs.
 */
export interface ShopperPusher {
  /** Whether this pusher writes to `channel` (a turn's channel: 'widget', 'slack', 'msteams', …). */
  handles(channel: string): boolean;
  /**
   * Shows `text` in the conversation (`from`: the agent's name); resolves true once it is on its way, false when it
   * cannot reach this conversation (the message then waits for the shopper's next turn).
   */
  push(handoff: HandoffRecord, text: string, from?: string): Promise<boolean>;
}

/** How agent and system messages reach the shopper: stored first, then pushed where the channel can. */
export interface ShopperDelivery {
  /** Stores the message; pushed at once where the channel can, else (or when the push fails) handed over on the shopper's next turn. */
  send(handoff: HandoffRecord, role: Extract<MessageRole, 'agent' | 'system'>, text: string, from?: { email: string; name: string }): Promise<HandoffMessage>;
  /** Tells the shopper's channel the handoff's state (a channel without a banner ignores it). */
  state(handoff: HandoffRecord, state: HandoffState): Promise<void>;
  /** Tells every waiting shopper their place in line, and the agents that the queue changed. */
  queueChanged(): Promise<void>;
  /** Tells the agents' consoles that the handoff has something new (a shopper's message, a note). */
  changed(handoff: string): Promise<void>;
  /** Adds a pushing channel (the widget, Slack, the Bot Service's, once the server opened them). */
  addPusher(pusher: ShopperPusher): void;
}

export function createShopperDelivery(queue: HandoffQueue, bus: RelayBus): ShopperDelivery {
  const pushers: ShopperPusher[] = [];
  const pusherFor = (channel: string) => pushers.find((p) => p.handles(channel));
  const delivery: ShopperDelivery = {
    async send(handoff, role, text, from) {
      const pusher = pusherFor(handoff.channel);
      const pushed = pusher ? await pusher.push(handoff, text, from?.name) : false;
      const message = await queue.post({ handoff: handoff.id, role, author: from?.email ?? null, text, delivered: pushed });
      await bus.publish(TOPICS.queue, { handoff: handoff.id });
      return message;
    },
    async state(handoff, state) {
      await bus.publish(TOPICS.conversation(handoff.conversation), { frame: { type: 'handoff', ...state } });
    },
    async queueChanged() {
      const waiting = await queue.list(['waiting']);
      await Promise.all(waiting.map((h, i) => delivery.state(h, { state: 'waiting', position: i + 1 })));
      await bus.publish(TOPICS.queue, { queue: waiting.length });
    },
    changed: (handoff) => bus.publish(TOPICS.queue, { handoff }),
    addPusher: (pusher) => void pushers.push(pusher),
  };
  return delivery;
}

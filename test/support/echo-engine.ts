import type { ProductCard, Reply } from '../../src/conversation/reply.ts';
import type { ConversationEngine, TurnInput, TurnResult } from '../../src/conversation/turn.ts';

/** Two sofas the channel tests expect on their cards. */
export const ECHO_SOFAS: ProductCard[] = [
  {
    id: 'sofa-harbor', title: 'Harbor Linen Sofa', price: 899, currency: 'USD', brand: 'Acme Home', rating: 4.5, reviewCount: 128,
    imageUrl: 'https://shop.example/img/harbor.jpg', url: 'https://shop.example/p/sofa-harbor', availability: 'in_stock',
  },
  { id: 'sofa-dune', title: 'Dune Velvet Sofa', price: 1249.5, currency: 'USD', availability: 'backorder' },
];

export const ECHO_SUGGESTIONS = ['Only in stock', 'Under $1000'];

/**
 * A channel-test stand-in for the conversation engine: it echoes what it was given, shows two sofas
 * for "sofas", and records every turn so tests can check what the channel passed in. Not the real engine.
 */
export function createEchoEngine(options: { failOn?: string } = {}): ConversationEngine & { turns: TurnInput[] } {
  const turns: TurnInput[] = [];
  return {
    turns,
    async handle(turn: TurnInput): Promise<TurnResult> {
      turns.push(turn);
      if (options.failOn !== undefined && turn.text === options.failOn) throw new Error(`echo engine told to fail on "${turn.text}"`);
      return { conversation: turn.conversation, replies: [echoReply(turn)], intent: 'not_sure', confidence: 0, slots: {}, handoff: false };
    },
    async close(): Promise<void> {},
  };
}

function echoReply(turn: TurnInput): Reply {
  if (turn.action) return { text: `echo action: ${JSON.stringify(turn.action)}` };
  if (turn.text === 'sofas') return { text: 'echo: sofas', products: ECHO_SOFAS, suggestions: ECHO_SUGGESTIONS };
  return { text: `echo: ${turn.text ?? ''}` };
}

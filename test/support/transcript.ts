import type { TurnAction } from '../../src/conversation/reply.ts';
import type { TurnResult } from '../../src/conversation/turn.ts';
import type { openTestChat } from './chat-home.ts';

type Chat = Awaited<ReturnType<typeof openTestChat>>;

/** One conversation with the real engine: `say` a message or `press` a card button. */
export function conversationWith(chat: Chat, user = 'shopper-1') {
  const conversation = chat.newConversation();
  return {
    conversation,
    say: (text: string): Promise<TurnResult> => chat.engine.handle({ conversation, user, text, channel: 'test' }),
    press: (action: TurnAction): Promise<TurnResult> => chat.engine.handle({ conversation, user, action, channel: 'test' }),
  };
}

export const productsOf = (r: TurnResult) => r.replies.flatMap((x) => x.products ?? []);
export const textOf = (r: TurnResult) => r.replies.map((x) => x.text).join('\n');

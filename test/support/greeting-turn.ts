import type { ConversationStore } from '../../src/storage/conversation-store.ts';

/** Commits one "hi" → "Hello" turn in conversation c1: the smallest real write a conversation store takes. */
export function commitGreeting(store: ConversationStore, state: unknown = {}): Promise<void> {
  return store.runTurn({ conversation: 'c1', user: 'u1', channel: 'cli' }, async (current) => ({
    commit: { state, profile: current.profile,
      log: { text: 'hi', action: null, intent: 'greeting', confidence: 1, slots: {}, shown: [], reply: 'Hello' } },
    result: undefined,
  }));
}

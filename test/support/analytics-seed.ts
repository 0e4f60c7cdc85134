import { mainDialog } from '../../dialogs/main-dialog.ts';
import { createDialogServices } from '../../src/conversation/dialog-services.ts';
import { createConversationEngine } from '../../src/conversation/engine.ts';
import type { ConversationEngine, TurnInput } from '../../src/conversation/turn.ts';
import type { ConversationStore } from '../../src/storage/conversation-store.ts';
import type { EventLog } from '../../src/storage/event-log.ts';
import { openHelpDesk } from '../../src/support/open-help-desk.ts';
import { createUnderstanding } from '../../src/understanding/understand.ts';
import type { openTestChat } from './chat-home.ts';

type Chat = Awaited<ReturnType<typeof openTestChat>>;

/** The chat stack's understanding, dialog and help desk over other stores (PostgreSQL): the engine `aisle serve --db postgres://…` runs. */
export function engineOver(chat: Chat, store: ConversationStore, events: EventLog): ConversationEngine {
  const { productTerms, currency, vocabulary, categories } = chat.stack.language;
  const understand = createUnderstanding(chat.stack.classifier, { vocabulary, names: chat.stack.names!, productTerms, currency, categories });
  const services = createDialogServices(chat.stack.search, productTerms, openHelpDesk(chat.home, chat.stack.embedder));
  return createConversationEngine({ store, understand, dialog: mainDialog, services, events });
}

/** What `seedShoppers` did, for the report's expected figures. */
export interface Seeded {
  /** Products the sofa search showed, and those the alternatives search showed. */
  sofas: string[];
  alternatives: string[];
}

/**
 * Seven shoppers through the real engine: one searches, opens and carts a sofa; one asks for a person and writes on;
 * one rejects a help answer and one thanks it; two ask about gift wrapping (not in the help centre); one searches
 * for something the store does not have.
 */
export async function seedShoppers(engine: ConversationEngine, prefix: string): Promise<Seeded> {
  const turn = async (conversation: string, user: string, input: Partial<TurnInput>) =>
    engine.handle({ conversation: `${prefix}-${conversation}`, user, channel: 'widget', ...input });
  const shown = (r: Awaited<ReturnType<typeof turn>>) => r.replies.flatMap((x) => x.products ?? []).map((p) => p.id);
  const sofas = shown(await turn('shop', 'shop:alice', { text: 'show me sofas under $900' }));
  await turn('shop', 'shop:alice', { action: { type: 'details', productId: sofas[0]! } });
  await turn('shop', 'shop:alice', { action: { type: 'add_to_cart', productId: sofas[0]! } });
  await turn('human', 'anon:bob', { text: 'talk to a human' });
  await turn('human', 'anon:bob', { text: 'are you still there?' }); // for the person now: never "unanswered"
  const returns = await turn('returns', 'anon:carol', { text: 'what is your return policy?' });
  await turn('returns', 'anon:carol', { action: { type: 'feedback', answer: returns.replies[0]!.feedback!.answer, helpful: false } });
  const shipping = await turn('shipping', 'anon:dan', { text: 'how long does shipping take?' });
  await turn('shipping', 'anon:dan', { action: { type: 'feedback', answer: shipping.replies[0]!.feedback!.answer, helpful: true } });
  await turn('gift-1', 'anon:erin', { text: 'do you do gift wrapping?' });
  await turn('gift-2', 'anon:fay', { text: 'is gift wrapping available?' });
  const alternatives = shown(await turn('velvet', 'anon:gus', { text: 'velvet sofas under $5' }));
  return { sofas, alternatives };
}

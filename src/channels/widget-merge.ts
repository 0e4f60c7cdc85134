import type { HandoffQueue } from '../handoff/handoff-queue.ts';
import type { Logger } from '../logger.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import type { WidgetLog } from '../storage/widget-log.ts';

/** The stores an anonymous shopper's history lives in. */
export interface MergeStores {
  conversations: Pick<ConversationStore, 'profile' | 'mergeUser'>;
  widget: Pick<WidgetLog, 'mergeUser'>;
  events?: Pick<EventLog, 'mergeUser'>;
  /** The handoff queue: a handed-over shopper's handoffs, messages and tickets must be forgotten with them. */
  handoffs?: Pick<HandoffQueue, 'mergeUser'>;
}

/**
 * Sign-in: the anonymous shopper's events, handoffs and tickets, widget conversations and profile (with its conversations and turns)
 * become the signed-in shopper's, each store in one transaction. The profile goes last: it is what says there
 * is history to merge, so a merge cut short is finished by the next hello, and after a whole one the anonymous
 * id maps to nothing and a hello costs one read. Each store's merge moves nothing when run again. The anonymous
 * id is a random one only that browser holds: like a conversation id, holding it is what entitles to its history.
 */
export async function mergeAnonymousShopper(stores: MergeStores, anonymous: string, signedIn: string, log: Logger): Promise<boolean> {
  if (!(await stores.conversations.profile(anonymous))) return false;
  const events = (await stores.events?.mergeUser(anonymous, signedIn)) ?? 0;
  const handoffs = (await stores.handoffs?.mergeUser(anonymous, signedIn)) ?? 0;
  const widgetConversations = await stores.widget.mergeUser(anonymous, signedIn);
  const moved = await stores.conversations.mergeUser(anonymous, signedIn);
  log.info({ events, handoffs, widgetConversations, ...moved }, 'anonymous shopper merged into the signed-in one');
  return true;
}

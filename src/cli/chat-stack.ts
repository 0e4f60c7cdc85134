import { mainDialog } from '../../dialogs/main-dialog.ts';
import type { Config } from '../config.ts';
import { createDialogServices } from '../conversation/dialog-services.ts';
import { createConversationEngine } from '../conversation/engine.ts';
import type { ConversationEngine } from '../conversation/turn.ts';
import { resolveModelDir } from '../embed/model-dir.ts';
import { openTransformersEmbedder } from '../embed/transformers-embedder.ts';
import { createCachedEmbedder } from '../embed/cached-embedder.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { openConversationStore } from '../storage/open-conversation-store.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { openIntentClassifier } from '../understanding/intent-classifier.ts';
import { resolveIntentModelDir } from '../understanding/intent-model-dir.ts';
import { createUnderstanding } from '../understanding/understand.ts';
import { openHelpDesk } from '../support/open-help-desk.ts';
import { createOrderDesk } from '../orders/order-desk.ts';
import { openOrderStore } from '../storage/open-order-store.ts';
import { openRerankStack } from './rerank-stack.ts';
import { openSearchStack, type StackOptions } from './services.ts';
import { openHandoffStore } from '../handoff/open-handoff-store.ts';
import { createMemoryBus, type RelayBus } from '../handoff/relay-bus.ts';
import { createShopperDelivery } from '../handoff/shopper-delivery.ts';
import { AGENT_ONLINE_MS, createShopperDesk } from '../handoff/shopper-desk.ts';

/**
 * Everything a conversation needs, opened and checked at start-up: the search stack, the intent
 * model (with the encoder it was trained on), and the conversation store. `close` releases all.
 */
export async function openChatStack(config: Config, log?: Logger, options: StackOptions = {}) {
  const stack = await openSearchStack(config, { ...options, productNames: true });
  const closers: (() => Promise<void>)[] = [stack.close];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    // Search may run lexical-only (--model none); understanding always needs the encoder.
    let encoder = stack.embedder;
    if (!encoder) {
      const dir = resolveModelDir('default', config.modelsDir);
      if (!dir) throw new AppError('ARTIFACT_MISSING', `Understanding needs the shipped encoder, but ${config.modelsDir}/DEFAULT is missing: restore models/ from the repository.`);
      encoder = createCachedEmbedder(await openTransformersEmbedder({ modelDir: dir, device: config.device, batchSize: config.batchSize }));
      closers.push(encoder.close.bind(encoder));
    }
    const classifier = openIntentClassifier(resolveIntentModelDir(config.intentModel, config.modelsDir), encoder);
    const { productTerms, currency, vocabulary, categories } = stack.language;
    const understand = createUnderstanding(classifier, { vocabulary, names: stack.names!, productTerms, currency, categories });
    // Every front door's turns go through this engine, so each records its shoppers' behaviour in this log.
    const events = await openEventLog(config.db, config.home);
    closers.push(() => events.close());
    const store = await openConversationStore(config.db, config.home, { lockTimeoutMs: config.lockTimeoutMs });
    // Order topics go to the order desk first (look-ups after verification), then the home's help centre (aisle kb ingest).
    const orders = await openOrderStore(config.db, config.home);
    closers.push(() => orders.close());
    // Every front door searches through the personalised search: the dialogs (chat, widget, Slack, Teams) and /api/search.
    const personal = await openRerankStack(config, { search: stack.search, products: stack.products, vectors: stack.vectors, ...(stack.embedder ? { vectorModel: stack.embedder.id } : {}), events, log });
    closers.push(personal.close);
    const services = createDialogServices(personal.search, productTerms, openHelpDesk(config.home, stack.embedder), createOrderDesk(orders), config.humanOnlyTopics);
    // Handoffs live beside the conversations; with Redis, live delivery reaches the other replicas too.
    const handoffs = await openHandoffStore(config.db, config.home);
    closers.push(handoffs.close);
    const bus: RelayBus = config.redis ? await (await import('../storage/redis-bus.ts')).openRedisBus(config.redis) : createMemoryBus();
    closers.push(bus.close);
    const delivery = createShopperDelivery(handoffs.queue, bus);
    // Online: a console used within AGENT_ONLINE_MS (it polls while open). A store with no agent accounts has no console
    // to watch: its handoffs queue (and channels that can pass them on, such as Teams, still get them).
    const staffed = async () => (await handoffs.agents.online(new Date(Date.now() - AGENT_ONLINE_MS))) > 0 || (await handoffs.agents.list()).length === 0;
    const desk = createShopperDesk({ queue: handoffs.queue, delivery, hours: config.supportHours, staffed });
    const engine: ConversationEngine = createConversationEngine({ store, understand, dialog: mainDialog, services, log, events, handoffs: desk });
    closers.push(engine.close); // closed before the event log: turns still running finish first
    return { ...stack, search: personal.search, engine, classifier, conversations: store, events, handoffs, bus, delivery, close };
  } catch (err) {
    await close();
    throw err;
  }
}

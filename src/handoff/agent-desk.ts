import { AppError } from '../errors.ts';
import type { ConversationStore, TurnLogEntry } from '../storage/conversation-store.ts';
import type { EventLog } from '../storage/event-log.ts';
import type { Agent, AgentDirectory } from './agent-directory.ts';
import type { HandoffMessage, HandoffQueue, HandoffRecord } from './handoff-queue.ts';
import { WORDS } from './handoff-words.ts';
import type { ShopperDelivery } from './shopper-delivery.ts';

/** Everything an agent sees when opening a conversation. */
export interface HandoffView {
  handoff: HandoffRecord;
  messages: HandoffMessage[];
  /** The conversation with the bot, oldest first (the newest TRANSCRIPT_TURNS). */
  transcript: Pick<TurnLogEntry, 'seq' | 'at' | 'text' | 'reply' | 'intent'>[];
  /** What the shopper searched for in this conversation, newest first. */
  searches: string[];
  /** Products the shopper opened, newest first. */
  viewed: { id: string; title: string }[];
  /** Products on the shopper's screen when they asked, in order. */
  onScreen: { id: string; title: string }[];
  cart: HandoffRecord['context']['cart'];
}

/** What the console does for an agent; every change is checked against who holds the handoff. */
export interface AgentDesk {
  /** Open handoffs (waiting, assigned, active), oldest first. */
  queue(): Promise<HandoffRecord[]>;
  view(id: string, after?: number): Promise<HandoffView>;
  /** Takes a waiting handoff; BUSY when another agent was first. */
  claim(id: string, agent: Agent): Promise<HandoffRecord>;
  reply(id: string, agent: Agent, text: string): Promise<HandoffMessage>;
  note(id: string, agent: Agent, text: string): Promise<HandoffMessage>;
  /** Passes the handoff to another agent (its holder, or an admin). */
  transfer(id: string, agent: Agent, to: string): Promise<HandoffRecord>;
  /** Ends the handoff; the bot takes the conversation back. */
  resolve(id: string, agent: Agent): Promise<HandoffRecord>;
}

export interface AgentDeskDeps {
  queue: HandoffQueue;
  agents: AgentDirectory;
  delivery: ShopperDelivery;
  conversations: Pick<ConversationStore, 'turns'>;
  events?: Pick<EventLog, 'read'>;
  /** A product's title, for the viewed list (undefined: not in the catalog any more). */
  title(id: string): string | undefined;
}

const TRANSCRIPT_TURNS = 50;
const HELD = ['assigned', 'active'] as const;

export function createAgentDesk(deps: AgentDeskDeps): AgentDesk {
  const { queue, delivery } = deps;
  const found = async (id: string) => (await queue.get(id)) ?? notFound();
  /** The handoff, held by `agent` (admins may act on any). */
  const held = async (id: string, agent: Agent) => {
    const handoff = await found(id);
    if (!HELD.includes(handoff.status as (typeof HELD)[number])) throw new AppError('BAD_INPUT', `This conversation is ${handoff.status}: claim it first.`);
    if (handoff.agent !== agent.email && agent.role !== 'admin') throw new AppError('FORBIDDEN', `This conversation is ${handoff.agent}'s: ask them or an admin to transfer it.`);
    return handoff;
  };
  return {
    queue: () => queue.list(['waiting', 'assigned', 'active']),
    view: (id, after) => view(deps, id, after),
    async claim(id, agent) {
      await found(id);
      const claimed = await queue.transition(id, { from: ['waiting'], to: 'assigned', agent: agent.email });
      if (!claimed) throw new AppError('BUSY', 'Another agent has taken this conversation, or the shopper left the line.');
      await delivery.send(claimed, 'system', WORDS.joined(agent.name));
      await delivery.state(claimed, { state: 'agent', agent: agent.name });
      await delivery.queueChanged();
      return claimed;
    },
    async reply(id, agent, text) {
      const message = checkText(text);
      await held(id, agent);
      // Conditional on the holder: a reply racing a resolve or a transfer is refused, never sent after it.
      const handoff = await queue.transition(id, { from: [...HELD], to: 'active', owner: ownerOf(agent) });
      if (!handoff) throw new AppError('BUSY', 'This conversation was resolved or transferred meanwhile; your reply was not sent.');
      return delivery.send(handoff, 'agent', message, { email: agent.email, name: agent.name });
    },
    async note(id, agent, text) {
      const handoff = await found(id);
      if (handoff.agent !== agent.email && agent.role !== 'admin') throw new AppError('FORBIDDEN', 'Only the agent holding this conversation, or an admin, adds notes to it.');
      const note = await queue.post({ handoff: id, role: 'note', author: agent.email, text: checkText(text), delivered: true });
      await delivery.changed(id);
      return note;
    },
    async transfer(id, agent, to) {
      const target = (await deps.agents.find(to)) ?? notFound(`No agent ${to}: pick one from the list.`);
      const moved = await queue.transition(id, { from: [...HELD], to: 'assigned', agent: target.email, owner: ownerOf(agent) });
      if (!moved) throw new AppError('FORBIDDEN', 'Only the agent holding this conversation, or an admin, can transfer it.');
      await queue.post({ handoff: id, role: 'note', author: agent.email, text: `Transferred to ${target.name} (${target.email}).`, delivered: true });
      await delivery.send(moved, 'system', WORDS.joined(target.name));
      await delivery.state(moved, { state: 'agent', agent: target.name });
      return moved;
    },
    async resolve(id, agent) {
      await held(id, agent);
      const ended = await queue.transition(id, { from: [...HELD], to: 'resolved', owner: ownerOf(agent) });
      if (!ended) throw new AppError('BUSY', 'This conversation changed meanwhile; reload it.');
      await delivery.send(ended, 'system', WORDS.resolved(agent.name));
      await delivery.state(ended, { state: 'assistant' });
      await delivery.queueChanged();
      return ended;
    },
  };
}

async function view(deps: AgentDeskDeps, id: string, after = 0): Promise<HandoffView> {
  const handoff = (await deps.queue.get(id)) ?? notFound();
  const [messages, turns, events] = await Promise.all([
    deps.queue.messages(id, after),
    deps.conversations.turns(handoff.conversation, TRANSCRIPT_TURNS),
    deps.events?.read({ conversation: handoff.conversation, kinds: ['impression', 'detail_view'], limit: 500 }) ?? [],
  ]);
  const searches = [...new Set(events.flatMap((e) => (e.kind === 'impression' && e.query ? [e.query] : [])))];
  const opened = [...new Set([...events.filter((e) => e.kind === 'detail_view').map((e) => e.product), ...(handoff.context.focus ? [handoff.context.focus] : [])])];
  return {
    handoff, messages, searches,
    transcript: turns.map((t) => ({ seq: t.seq, at: t.at, text: t.text, reply: t.reply, intent: t.intent })),
    viewed: opened.map((p) => ({ id: p, title: deps.title(p) ?? p })),
    onScreen: handoff.context.shown.map((p) => ({ id: p, title: deps.title(p) ?? p })),
    cart: handoff.context.cart,
  };
}

/** The holder a change must find: the agent themself, or anyone for an admin (admins may act on any handoff). */
function ownerOf(agent: Agent): string | undefined {
  return agent.role === 'admin' ? undefined : agent.email;
}

function checkText(text: string): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!trimmed || trimmed.length > 4000) throw new AppError('BAD_INPUT', 'A message is 1 to 4000 characters.');
  return trimmed;
}

function notFound(message = 'No such handoff: it may have been forgotten at the shopper\'s request.'): never {
  throw new AppError('NOT_FOUND', message);
}

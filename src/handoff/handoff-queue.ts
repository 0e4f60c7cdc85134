import type { Handoff } from '../conversation/reply.ts';

/** waiting → assigned (an agent claimed it) → active (the agent wrote) → resolved | abandoned (the shopper cancelled). */
export const HANDOFF_STATUSES = ['waiting', 'assigned', 'active', 'resolved', 'abandoned'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** Statuses in which a person owns (or is about to own) the conversation: the bot stays silent. */
export const OPEN_STATUSES: readonly HandoffStatus[] = ['waiting', 'assigned', 'active'];

/** What the dialog knew when it asked for a person, for the agent (see Handoff.context). */
export type HandoffContext = NonNullable<Handoff['context']>;

/** One conversation passed to a person. */
export interface HandoffRecord {
  id: string;
  /** The engine's conversation id (`widget:…`, a Teams conversation, …). */
  conversation: string;
  /** The shopper's user id. */
  user: string;
  channel: string;
  status: HandoffStatus;
  reason: Handoff['reason'];
  /** One paragraph: what the shopper wanted and what was shown. */
  summary: string;
  /** One line for the queue list. */
  headline: string;
  context: HandoffContext;
  /** The agent's e-mail once claimed. */
  agent: string | null;
  createdAt: string;
  claimedAt: string | null;
  endedAt: string | null;
}

export type MessageRole = 'shopper' | 'agent' | 'note' | 'system';

/** A message of a handoff: the shopper's (relayed), the agent's, an internal note (agents only), or what Aisle said. */
export interface HandoffMessage {
  /** Increasing across all handoffs: a console asks for those after the last id it saw. */
  id: number;
  handoff: string;
  role: MessageRole;
  /** The agent's e-mail for agent messages and notes. */
  author: string | null;
  text: string;
  /** Shopper-bound messages (agent, system): whether the channel has them yet (pushed, or read on the next turn). */
  delivered: boolean;
  at: string;
}

/** A message left out of hours, to answer by e-mail. `draft` while the shopper is still writing it. */
export interface Ticket {
  id: string;
  conversation: string;
  user: string;
  channel: string;
  reason: Handoff['reason'];
  summary: string;
  message: string | null;
  email: string | null;
  status: 'draft' | 'open' | 'closed';
  createdAt: string;
  /** Last change: a draft untouched for DRAFT_TTL_MS is dropped rather than continued. */
  updatedAt: string;
}

export type NewHandoff = Pick<HandoffRecord, 'conversation' | 'user' | 'channel' | 'reason' | 'summary' | 'headline' | 'context'>;

/**
 * The queue of handoffs, their messages and the out-of-hours tickets. At most one open handoff per conversation;
 * every change of status is one conditional statement, so two agents can never both claim one handoff,
 * on one process or several.
 */
export interface HandoffQueue {
  /** The conversation's open handoff, or a new waiting one; `created` says which. */
  open(input: NewHandoff): Promise<{ handoff: HandoffRecord; created: boolean }>;
  /** The conversation's open handoff (waiting, assigned or active). */
  current(conversation: string): Promise<HandoffRecord | undefined>;
  get(id: string): Promise<HandoffRecord | undefined>;
  /** Handoffs in these statuses, oldest first. */
  list(statuses: readonly HandoffStatus[], limit?: number): Promise<HandoffRecord[]>;
  /** 1-based place among the waiting handoffs; undefined when this one is not waiting. */
  position(id: string): Promise<number | undefined>;
  /**
   * Moves a handoff from one of `from` to `to`, setting `agent` when given; `owner`: only if that agent holds it.
   * Returns the updated handoff, or undefined when it was not in such a state (someone else got there first).
   */
  transition(id: string, change: { from: readonly HandoffStatus[]; to: HandoffStatus; agent?: string; owner?: string }): Promise<HandoffRecord | undefined>;
  post(message: Pick<HandoffMessage, 'handoff' | 'role' | 'author' | 'text' | 'delivered'>): Promise<HandoffMessage>;
  /**
   * A shopper's message, appended only while the handoff is still open (one conditional statement, ordered against a
   * concurrent resolve); undefined when it ended first: the message then belongs to the bot, never to the closed handoff.
   */
  relayShopper(handoff: string, text: string): Promise<HandoffMessage | undefined>;
  /** The handoff's messages with id > `after`, oldest first. */
  messages(handoff: string, after?: number): Promise<HandoffMessage[]>;
  /** Shopper-bound messages of the conversation's handoffs its channel does not have yet, oldest first. */
  undelivered(conversation: string): Promise<HandoffMessage[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
  /** The conversation's draft ticket, or a new one. */
  draftTicket(input: Pick<Ticket, 'conversation' | 'user' | 'channel' | 'reason' | 'summary'>): Promise<Ticket>;
  /** The conversation's draft ticket, if any. */
  draft(conversation: string): Promise<Ticket | undefined>;
  updateTicket(id: string, change: Partial<Pick<Ticket, 'message' | 'email' | 'status'>>): Promise<void>;
  /** Tickets in `status`, oldest first. */
  tickets(status: Ticket['status']): Promise<Ticket[]>;
  /** Privacy (`aisle users forget`): deletes the user's handoffs, their messages and tickets; returns how many rows. */
  forgetUser(user: string): Promise<number>;
  /** Sign-in: the anonymous shopper's handoffs and tickets (messages go with their handoff) become `to`'s; returns how many rows. */
  mergeUser(from: string, to: string): Promise<number>;
  /**
   * Retention (AISLE_TURN_LOG_RETENTION_DAYS): deletes handoffs that ended before `before` with their messages, and
   * closed or draft tickets last changed before it (open ones wait for their answer); returns how many rows.
   */
  purgeBefore(before: Date): Promise<number>;
  close(): Promise<void>;
}

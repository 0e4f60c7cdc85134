/**
 * The widget channel's message log: every shopper message and every Aisle reply of a widget conversation,
 * numbered 1, 2, 3… per conversation, so a widget that reconnects or reloads asks for what came after the
 * last number it saw and gets each missed entry once. A shopper message carries the client's own id, logged
 * once: a message sent again (its acknowledgement was lost) is recognised, not answered twice. Numbers are
 * never reused: each conversation keeps its highest number and its owner after its entries are purged or
 * forgotten, so a widget holding seq 57 still gets 58 next, and nobody else can take the conversation over.
 */
export interface WidgetEntry {
  /** Position in the conversation, from 1, without gaps. */
  seq: number;
  role: 'shopper' | 'aisle';
  /** The widget's id for a shopper message; absent on replies. */
  clientId?: string;
  /** What the widget draws: `{ text }` or `{ action }` for the shopper, a WidgetReply for Aisle. */
  body: unknown;
  /** ISO time. */
  at: string;
}

export interface WidgetLog {
  /** Logs a shopper message unless `clientId` is already logged in the conversation; `fresh` says which. */
  logMessage(conversation: string, user: string, clientId: string, body: unknown): Promise<{ entry: WidgetEntry; fresh: boolean }>;
  /** Appends Aisle's replies, in order, after everything logged so far. */
  logReplies(conversation: string, user: string, bodies: readonly unknown[]): Promise<WidgetEntry[]>;
  /** Entries with seq > `after`, oldest first; when more than `limit`, the newest `limit` of them. */
  after(conversation: string, after: number, limit: number): Promise<WidgetEntry[]>;
  /**
   * Privacy (`aisle users forget`): deletes every entry of the shopper's conversations and unlinks those
   * conversations from them (owner null: nobody can resume one); returns how many entries.
   */
  forgetUser(user: string): Promise<number>;
  /** Retention (AISLE_TURN_LOG_RETENTION_DAYS): deletes entries logged before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
  /** Who started the conversation: undefined when it was never logged, null when its shopper was forgotten. */
  owner(conversation: string): Promise<string | null | undefined>;
  /** Sign-in: `from`'s conversations and entries become `to`'s, in one transaction; returns how many conversations moved. */
  mergeUser(from: string, to: string): Promise<number>;
  close(): Promise<void>;
}

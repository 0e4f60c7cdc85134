/**
 * What one message activity may hold on a channel. Teams' figures are from its platform docs: a carousel shows at
 * most ten cards, a card at most six buttons (Teams' Adaptive Card host config, maxActions), at most three suggested
 * actions are shown, and a bot message over the size limit is refused with 413 MessageSizeTooBig. That limit is
 * counted on the payload as UTF-16 and has been documented as 28 KB (Teams connectors), 40 KB and, lately,
 * 100 KB with 80 KB advised: Aisle keeps to the smallest, 28 KB.
 */
export interface ActivityLimits {
  /** Cards in one message (carousel or list). */
  maxCards: number;
  /** Buttons on one card. */
  maxActions: number;
  /** Suggested actions (quick-reply chips). */
  maxSuggestions: number;
  /** The serialized activity as UTF-16 bytes (two per JavaScript string unit). */
  maxBytes: number;
  /** Characters of the message text. */
  maxTextChars: number;
}

export const TEAMS_LIMITS: ActivityLimits = Object.freeze({
  maxCards: 10, maxActions: 6, maxSuggestions: 3, maxBytes: 28 * 1024, maxTextChars: 4000,
});

/** Other channels (Web Chat, Direct Line, the Emulator): the same card counts, which every Bot Service client draws, and Teams' current size limit. */
export const DEFAULT_ACTIVITY_LIMITS: ActivityLimits = Object.freeze({
  maxCards: 10, maxActions: 6, maxSuggestions: 10, maxBytes: 100 * 1024, maxTextChars: 10_000,
});

export const TEAMS_CHANNEL = 'msteams';

export function limitsFor(channelId: string | undefined): ActivityLimits {
  return channelId === TEAMS_CHANNEL ? TEAMS_LIMITS : DEFAULT_ACTIVITY_LIMITS;
}

/** The size `limits.maxBytes` is measured in: the JSON as UTF-16. */
export function activityBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

/**
 * The ids each front door gives its shoppers and conversations. An Activity's caller chooses its own ids (a
 * Direct Line client sets `from.id`), so an Activity id in one of these namespaces would reach another door's
 * profile or conversation: /api/messages refuses them. Teams' own ids (`29:…`, `a:…`, `19:…`) never start so.
 */
export const DOOR_IDS = {
  /** A widget shopper without a sign-in token: `anon:ID`. */
  anonymous: (id: string) => `anon:${id}`,
  /** A widget shopper the store signed in: `shop:SUB`. */
  signedIn: (sub: string) => `shop:${sub}`,
  /** A widget conversation in the engine: `widget:ID`. */
  widgetConversation: (id: string) => `widget:${id}`,
  /** Slack: `slack:TEAM:…` for users and conversations alike. */
  slack: (...parts: string[]) => `slack:${parts.join(':')}`,
  /** A Teams user, the same in every chat and channel: `teams:TENANT:AAD_OBJECT_ID` (or the Teams user id when Teams gives no object id). */
  teams: (tenant: string, user: string) => `teams:${tenant}:${user}`,
};

const OTHER_DOORS = ['anon:', 'shop:', 'widget:', 'slack:', 'teams:'] as const;
export const OTHER_DOORS_TEXT = OTHER_DOORS.join(', ');

export function inAnotherDoorsNamespace(id: string): boolean {
  const lower = id.toLowerCase();
  return OTHER_DOORS.some((prefix) => lower.startsWith(prefix));
}

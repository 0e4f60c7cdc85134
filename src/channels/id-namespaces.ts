/**
 * Ids the widget and Slack doors give their shoppers and conversations ("anon:…", "shop:…",
 * "slack:TEAM:USER"). An Activity's caller chooses its own ids (a Direct Line client sets `from.id`),
 * so an Activity id in one of these namespaces would reach another door's profile or conversation.
 */
const OTHER_DOORS = ['anon:', 'shop:', 'slack:'] as const;

export function inAnotherDoorsNamespace(id: string): boolean {
  const lower = id.toLowerCase();
  return OTHER_DOORS.some((prefix) => lower.startsWith(prefix));
}

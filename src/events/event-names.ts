import type { EventKind } from '../storage/event-log.ts';

/**
 * Event names other systems log, mapped onto Aisle's kinds (README "Behaviour events"). Explicit, not
 * guessed: a name not listed here is refused with the list, so no wishlist or refund is read as a purchase.
 * Names are compared lowercased, with spaces and dashes read as underscores ("Add to cart" = add_to_cart).
 */
export const EVENT_NAME_KINDS: Readonly<Record<string, EventKind>> = {
  impression: 'impression', impressions: 'impression', shown: 'impression', exposure: 'impression', view_item_list: 'impression',
  click: 'click', clicks: 'click', clicked: 'click', select_item: 'click',
  // A "view" in public logs (RetailRocket, GA4's view_item) is a product page opened: a detail view.
  detail_view: 'detail_view', view: 'detail_view', views: 'detail_view', viewed: 'detail_view', detail: 'detail_view',
  page_view: 'detail_view', pageview: 'detail_view', product_view: 'detail_view', view_item: 'detail_view',
  add_to_cart: 'add_to_cart', cart: 'add_to_cart', addtocart: 'add_to_cart', add_to_basket: 'add_to_cart', basket: 'add_to_cart',
  purchase: 'purchase', purchased: 'purchase', buy: 'purchase', bought: 'purchase', order: 'purchase', transaction: 'purchase',
};

/** The kind `name` stands for, or undefined when it is none of EVENT_NAME_KINDS. */
export function eventKindOf(name: string): EventKind | undefined {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return Object.hasOwn(EVENT_NAME_KINDS, key) ? EVENT_NAME_KINDS[key] : undefined;
}

/** The accepted names, grouped by kind, for an error message. */
export function knownEventNames(): string {
  const byKind = new Map<EventKind, string[]>();
  for (const [name, kind] of Object.entries(EVENT_NAME_KINDS)) byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  return [...byKind].map(([kind, names]) => `${kind} (${names.filter((n) => n !== kind).slice(0, 4).join(', ')})`).join(', ');
}

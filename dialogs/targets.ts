import type { DialogServices } from '../src/conversation/dialog.ts';
import { facetKey, type Filters } from '../src/search/filters.ts';
import { resolveOrdinals } from '../src/understanding/ordinals.ts';
import type { Slots } from '../src/understanding/slots.ts';
import { describedTargets } from './described-targets.ts';
import type { MainState } from './state.ts';

/** Slots plus the products on screen a description picked out ("the cheapest one"), computed by the dialog. */
export type TargetSlots = Slots & { described?: string[] };

/**
 * The products a message points at, best evidence first: by position on screen ("the second
 * one"), by a description of them ("the cheapest", "the blue one"), named by title, the product
 * in focus ("it"), or the only one on screen.
 */
export function resolveTargets(state: MainState, slots: TargetSlots): string[] {
  // "does the second one come in velvet?": a position said outright beats a title word that matches.
  if (slots.ordinals) return resolveOrdinals(slots.ordinals, state.shown);
  // Empty when nothing on screen fits ("the purple one"): asking beats falling back to "it".
  if (slots.described) return slots.described;
  if (slots.productIds?.length) return slots.productIds;
  if (state.focus) return [state.focus];
  return state.shown.length === 1 ? [...state.shown] : [];
}

/** True when the message picks products out itself, rather than meaning "it" or "these". */
export function pointsAt(slots: TargetSlots): boolean {
  return !!slots.ordinals || !!slots.described || !!slots.productIds?.length;
}

/**
 * The slots with `described` added when the message describes products on screen. A colour that
 * described one ("is the blue one in stock?") is a reference, not a value asked about, so it
 * leaves the filters.
 */
export function withDescribedTargets(state: MainState, text: string, slots: Slots, services: Pick<DialogServices, 'product'>): TargetSlots {
  const onScreen = state.shown.flatMap((id) => services.product(id) ?? []);
  const described = onScreen.length ? describedTargets(text, onScreen, slots.filters?.colors) : undefined;
  if (!described) return slots;
  const filters = slots.filters && withoutColours(slots.filters, described.colours);
  return { ...slots, described: described.ids, ...(filters ? { filters } : {}) };
}

function withoutColours(filters: Filters, keys: string[]): Filters {
  const { colors, ...rest } = filters;
  const kept = colors?.filter((c) => !keys.includes(facetKey(c)));
  return kept?.length ? { ...rest, colors: kept } : rest;
}

/** "1–5" or "1 or 2", for asking which of the products on screen is meant. */
export function positionsText(state: MainState): string {
  return state.shown.length <= 2 ? state.shown.map((_, i) => i + 1).join(' or ') : `1–${state.shown.length}`;
}

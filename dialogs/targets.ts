import { resolveOrdinals } from '../src/understanding/ordinals.ts';
import type { Slots } from '../src/understanding/slots.ts';
import type { MainState } from './state.ts';

/**
 * The products a message points at, best evidence first: by position on screen ("the second
 * one"), named by title, the product in focus ("it"), or the only one on screen.
 */
export function resolveTargets(state: MainState, slots: Slots): string[] {
  // "does the second one come in velvet?": a position said outright beats a title word that matches.
  if (slots.ordinals) return resolveOrdinals(slots.ordinals, state.shown);
  if (slots.productIds?.length) return slots.productIds;
  if (state.focus) return [state.focus];
  return state.shown.length === 1 ? [...state.shown] : [];
}

/** "1–5" or "1 or 2", for asking which of the products on screen is meant. */
export function positionsText(state: MainState): string {
  return state.shown.length <= 2 ? state.shown.map((_, i) => i + 1).join(' or ') : `1–${state.shown.length}`;
}

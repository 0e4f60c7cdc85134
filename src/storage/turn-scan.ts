/** What both conversation stores share about `scanTurns`: the cursor and the page size. */
import { AppError } from '../errors.ts';
import { DEFAULT_TURN_PAGE, MAX_TURN_PAGE, type TurnLogEntry } from './conversation-store.ts';

/** Where a page ended: the last turn's time, conversation and seq (the scan's order). */
export type TurnCursor = [at: string, conversation: string, seq: number];

/** Before every turn: the first page starts here. */
export const SCAN_START: TurnCursor = ['', '', 0];

export function pageSize(size?: number): number {
  return Math.max(1, Math.min(MAX_TURN_PAGE, Math.floor(size ?? DEFAULT_TURN_PAGE)));
}

/** The cursor `next` handed out; anything else is refused. */
export function readCursor(after?: string): TurnCursor {
  if (after === undefined) return SCAN_START;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string' && Number.isInteger(value[2])) {
      return value as TurnCursor;
    }
  } catch { /* refused below */ }
  throw new AppError('BAD_INPUT', `"${after.slice(0, 40)}" is not a turn-log cursor: pass back the "next" of the previous page, or none to start.`);
}

/** The `next` of a page: none when the page was not full (nothing follows). */
export function nextCursor(turns: readonly TurnLogEntry[], size: number): string | undefined {
  const last = turns.at(-1);
  if (!last || turns.length < size) return undefined;
  return Buffer.from(JSON.stringify([last.at, last.conversation, last.seq])).toString('base64url');
}

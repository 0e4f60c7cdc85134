import { AppError } from '../errors.ts';

/** Days the admin page covers unless the admin picks dates. */
export const DEFAULT_ADMIN_DAYS = 30;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period the admin page's figures and unanswered groups cover: whole UTC days, `toDay` included. */
export interface AdminRange {
  from: Date;
  /** Exclusive: the start of the day after `toDay` (or now, for today). */
  to: Date;
  /** YYYY-MM-DD, as the page's date fields show them. */
  fromDay: string;
  toDay: string;
}

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (either may be left out): by default the last DEFAULT_ADMIN_DAYS days to today.
 * A malformed date, or `from` after `to`, is BAD_INPUT with what to send.
 */
export function parseAdminRange(query: { from?: unknown; to?: unknown }, now = new Date()): AdminRange {
  const today = now.toISOString().slice(0, 10);
  const toDay = dayOf(query.to, 'to') ?? today;
  const fromDay = dayOf(query.from, 'from') ?? new Date(Date.parse(toDay) - (DEFAULT_ADMIN_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  if (fromDay > toDay) throw new AppError('BAD_INPUT', `"from" (${fromDay}) is after "to" (${toDay}): pick a start on or before the end.`);
  const end = new Date(Date.parse(toDay) + DAY_MS);
  return { from: new Date(Date.parse(fromDay)), to: end > now ? now : end, fromDay, toDay };
}

function dayOf(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  const ms = DAY.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new AppError('BAD_INPUT', `"${name}" must be a date as YYYY-MM-DD (got "${text.slice(0, 40)}").`);
  }
  return text;
}

/** Timestamps as store logs write them: ISO 8601 (zone optional, UTC when absent) or Unix seconds / milliseconds. */

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** Parsed time, or why not (said so a shop owner can fix the file). */
export type ParsedTime = { ok: true; at: Date } | { ok: false; reason: string };

/**
 * Reads `value`: 9–10 digits are Unix seconds, 12–13 digits Unix milliseconds (public logs use both);
 * text is ISO 8601, read as UTC when it names no zone. Times before 1990 or after 2200 are refused as mistakes.
 */
export function parseTimestamp(value: string | number): ParsedTime {
  const text = String(value).trim();
  let ms: number;
  if (/^\d{9,10}(\.\d+)?$/.test(text)) ms = Math.round(Number(text) * 1000);
  else if (/^\d{12,13}$/.test(text)) ms = Number(text);
  else if (ISO.test(text)) ms = realDay(text) ? Date.parse(isoWithZone(text)) : NaN;
  else return { ok: false, reason: `"${text.slice(0, 40)}" is not a time: write ISO 8601 (2026-03-01T14:05:00Z) or Unix seconds or milliseconds` };
  if (!Number.isFinite(ms)) return { ok: false, reason: `"${text.slice(0, 40)}" is not a real date: check the month, day and hour` };
  if (ms < EARLIEST || ms >= LATEST) return { ok: false, reason: `${new Date(ms).toISOString()} is outside 1990–2199: check the unit (seconds or milliseconds) or the year` };
  return { ok: true, at: new Date(ms) };
}

/** Date.parse rolls 2026-02-30 over to March; a log with that day has a mistake worth seeing. */
function realDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** Date.parse reads a date-time without a zone as local time; a log's times are UTC unless they say otherwise. */
function isoWithZone(text: string): string {
  const t = text.replace(' ', 'T');
  if (t.length > 10 && /Z$/i.test(t)) return t;
  const zone = /([+-])(\d{2}):?(\d{2})?$/.exec(t.slice(10));
  if (t.length > 10 && zone) return `${t.slice(0, t.length - zone[0].length)}${zone[1]}${zone[2]}:${zone[3] ?? '00'}`;
  return t.length === 10 ? `${t}T00:00:00Z` : `${t}Z`;
}

/** When people answer: opening spans per weekday, read in one time zone. */
export interface BusinessHours {
  /** IANA zone the spans are in (AISLE_SUPPORT_TZ). */
  timeZone: string;
  /** Per weekday (0 = Sunday), the spans open, in minutes after midnight, `to` exclusive. */
  spans: { day: number; from: number; to: number }[];
  /** The setting as written, for telling shoppers ("Mon-Fri 09:00-17:00"). */
  text: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const PART = /^([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/i;

/**
 * Reads "Mon-Fri 09:00-17:00, Sat 10:00-14:00" (days Mon…Sun, 24-hour times, 24:00 allowed as an end) in `timeZone`.
 * Throws an Error saying which part is wrong and how to write it.
 */
export function parseBusinessHours(text: string, timeZone: string): BusinessHours {
  checkTimeZone(timeZone);
  const spans = text.split(',').map((s) => s.trim()).filter(Boolean).flatMap((part) => readPart(part));
  if (spans.length === 0) throw new Error('is empty: write days and hours such as "Mon-Fri 09:00-17:00, Sat 10:00-14:00"');
  return { timeZone, spans, text: text.trim() };
}

function readPart(part: string): BusinessHours['spans'] {
  const m = PART.exec(part);
  const example = 'write it like "Mon-Fri 09:00-17:00"';
  if (!m) throw new Error(`"${part}" is not "DAY[-DAY] HH:MM-HH:MM": ${example}`);
  const first = DAYS.indexOf(m[1]!.toLowerCase());
  const last = m[2] ? DAYS.indexOf(m[2].toLowerCase()) : first;
  if (first < 0 || last < 0) throw new Error(`"${part}" names a day that is not one of Mon, Tue, Wed, Thu, Fri, Sat, Sun`);
  const from = minutes(m[3]!, m[4]!);
  const to = minutes(m[5]!, m[6]!);
  if (from === undefined || to === undefined) throw new Error(`"${part}" has a time outside 00:00-24:00`);
  if (to <= from) throw new Error(`"${part}" ends before it starts: ${example}`);
  const days: number[] = [];
  for (let d = first; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === last) break;
  }
  return days.map((day) => ({ day, from, to }));
}

function minutes(h: string, m: string): number | undefined {
  const value = Number(h) * 60 + Number(m);
  return Number(m) < 60 && value <= 24 * 60 ? value : undefined;
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`time zone "${timeZone}" is not an IANA zone name such as Europe/London or America/New_York`);
  }
}

/** Whether people answer at `at`; no hours configured means always. */
export function isOpen(hours: BusinessHours | undefined, at: Date): boolean {
  if (!hours) return true;
  const { day, minute } = localTime(at, hours.timeZone);
  return hours.spans.some((s) => s.day === day && minute >= s.from && minute < s.to);
}

/** Weekday (0 = Sunday) and minutes after midnight at `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: DAYS.indexOf(get('weekday').toLowerCase()), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

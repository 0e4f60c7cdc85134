import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { MAX_SCAN_PAGE, type BehaviourEvent, type EventLog, type EventRange } from '../storage/event-log.ts';
import type { EventFileFormat } from './event-file.ts';
import { EVENT_FILE_COLUMNS } from './event-row.ts';

/**
 * Writes the events in `range` to `out` in the format `aisle events import` reads (columns EVENT_FILE_COLUMNS;
 * the session is the conversation), in the order they were logged, a page at a time. Resolves to the count.
 */
export async function exportEvents(log: EventLog, range: EventRange, format: EventFileFormat, out: Writable): Promise<number> {
  const line = format === 'csv' ? csvLine : jsonLine;
  if (format === 'csv') await write(out, `${EVENT_FILE_COLUMNS.join(',')}\n`);
  let count = 0;
  let after: string | undefined;
  do {
    const page = await log.scan(range, { after, size: MAX_SCAN_PAGE });
    if (page.events.length) await write(out, page.events.map(line).join(''));
    count += page.events.length;
    after = page.next;
  } while (after);
  return count;
}

/** One event's values in EVENT_FILE_COLUMNS order ('' where absent). */
function valuesOf(e: BehaviourEvent): (string | number)[] {
  return [e.user, e.product, e.kind, e.at, e.query ?? '', e.position ?? '', e.conversation ?? ''];
}

function csvLine(e: BehaviourEvent): string {
  return `${valuesOf(e).map(csvField).join(',')}\n`;
}

function jsonLine(e: BehaviourEvent): string {
  const values = valuesOf(e);
  const entries = EVENT_FILE_COLUMNS.map((c, i) => [c, values[i]] as const).filter(([, v]) => v !== '');
  return `${JSON.stringify(Object.fromEntries(entries))}\n`;
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

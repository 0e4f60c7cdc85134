import { AppError, isAppError } from '../errors.ts';
import type { EventLog, NewEvent } from '../storage/event-log.ts';
import type { EventRecord } from './event-file.ts';
import { eventFromFields, type EventRowError } from './event-row.ts';

/** Channel of every imported event: reports and training can tell a store's history from live traffic. */
export const IMPORT_CHANNEL = 'import';
/** Events per write: one transaction each, so a failure loses at most the batch in hand, never one already written. */
export const IMPORT_BATCH = 5000;
/** Refused rows kept for the report (all are counted). */
export const KEPT_ERRORS = 1000;

export interface ImportReport {
  /** Rows read into events and written. */
  accepted: number;
  rejected: number;
  /** The first KEPT_ERRORS refused rows, in file order. */
  errors: EventRowError[];
}

/**
 * Writes the valid records to `log` in batches of `batch`, as they stream in; refused rows are reported, not
 * written. A write that fails stops the import with what was stored so far and the line to resume after.
 */
export async function importEvents(log: EventLog, records: AsyncIterable<EventRecord>, o: { channel?: string; batch?: number } = {}): Promise<ImportReport> {
  const report: ImportReport = { accepted: 0, rejected: 0, errors: [] };
  const size = o.batch ?? IMPORT_BATCH;
  let batch: NewEvent[] = [];
  let lastLine = 0;
  let storedThrough = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await writeBatch(log, batch, report.accepted, storedThrough);
    report.accepted += batch.length;
    storedThrough = lastLine;
    batch = [];
  };
  for await (const record of records) {
    lastLine = record.line;
    const row = 'error' in record ? { ok: false as const, error: record.error } : eventFromFields(record.fields, record.line, o.channel ?? IMPORT_CHANNEL);
    if (row.ok) batch.push(row.event);
    else {
      report.rejected += 1;
      if (report.errors.length < KEPT_ERRORS) report.errors.push(row.error);
    }
    if (batch.length >= size) await flush();
  }
  await flush();
  return report;
}

async function writeBatch(log: EventLog, batch: readonly NewEvent[], stored: number, storedThrough: number): Promise<void> {
  try {
    await log.append(batch);
  } catch (err) {
    const kept = stored === 0 ? 'Nothing was stored' : `The ${stored} events up to line ${storedThrough} are stored`;
    const why = isAppError(err) ? err.message : (err as Error).message;
    throw new AppError(isAppError(err) ? err.code : 'UNAVAILABLE', `${why} ${kept}: fix the cause, then import the rows after line ${storedThrough} only.`, { cause: err });
  }
}

import type { Readable } from 'node:stream';
import { readDelimited } from '../catalog/csv.ts';
import { readLines } from '../cli/read-lines.ts';
import { AppError } from '../errors.ts';
import { columnOf, REQUIRED_COLUMNS, type EventFields, type EventFileColumn, type EventRowError } from './event-row.ts';

export const EVENT_FILE_FORMATS = ['csv', 'jsonl'] as const;
export type EventFileFormat = (typeof EVENT_FILE_FORMATS)[number];

/** One record of an event file, or why it could not be read; `line` is where it starts (1-based). */
export type EventRecord = { line: number; fields: EventFields } | { line: number; error: EventRowError };

/** A quoted value may span lines; one spanning more than this is an unclosed quote, not a long value. */
const MAX_RECORD_LINES = 50;

/** The format `requested`, else the one the file's extension says (.jsonl/.ndjson/.json → jsonl, else csv). */
export function eventFileFormat(file: string, requested?: string): EventFileFormat {
  if (requested !== undefined) {
    if ((EVENT_FILE_FORMATS as readonly string[]).includes(requested)) return requested as EventFileFormat;
    throw new AppError('BAD_INPUT', `--format must be csv or jsonl, not "${requested}".`);
  }
  return /\.(jsonl|ndjson|json)$/i.test(file) ? 'jsonl' : 'csv';
}

/** The records of an event file, read as they stream in (memory stays flat for any size). */
export function readEventRecords(input: Readable, format: EventFileFormat): AsyncGenerator<EventRecord> {
  return format === 'jsonl' ? readJsonl(input) : readCsv(input);
}

async function* readJsonl(input: Readable): AsyncGenerator<EventRecord> {
  let line = 0;
  for await (const text of readLines(input)) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, error: { line, reason: 'not JSON: each line must be one object such as {"user_id":"u1","product_id":"p1","event":"click","timestamp":"2026-03-01T14:05:00Z"}' } };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, error: { line, reason: 'not a JSON object: write one {…} with user_id, product_id, event and timestamp per line' } };
      continue;
    }
    const fields: EventFields = {};
    for (const [key, v] of Object.entries(value)) {
      const column = columnOf(key);
      if (column && fields[column] === undefined) fields[column] = v;
    }
    yield { line, fields };
  }
}

async function* readCsv(input: Readable): AsyncGenerator<EventRecord> {
  let header: { columns: (EventFileColumn | undefined)[]; delimiter: string } | undefined;
  const pending: string[] = [];
  let start = 1;
  const take = function* (atEnd: boolean): Generator<EventRecord> {
    while (pending.length) {
      const text = completeRecord(pending);
      if (text === undefined && pending.length < MAX_RECORD_LINES && !atEnd) return;
      const used = text === undefined ? 1 : text.split('\n').length;
      const first = start;
      pending.splice(0, used);
      start += used;
      // An opening quote never closed costs its own line only: the lines after it are read again as records.
      if (text === undefined) yield { line: first, error: { line: first, reason: 'unterminated quoted field: its opening " is never closed' } };
      else if (text.trim() === '') continue;
      else if (!header) header = readHeader(text.replace(/^\uFEFF/, ''));
      else yield recordOf(text, first, header.columns, header.delimiter);
    }
  };
  for await (const raw of readLines(input)) {
    pending.push(raw);
    yield* take(false);
  }
  yield* take(true);
  if (!header) throw new AppError('BAD_INPUT', 'The file is empty: the first line must name the columns (user_id,product_id,event,timestamp[,query,position,session]).');
}

/** The shortest run of the first lines with balanced quotes (one record), or undefined while a quote is open. */
function completeRecord(lines: readonly string[]): string | undefined {
  let quotes = 0;
  for (let i = 0; i < lines.length; i++) {
    quotes += quoteCount(lines[i]!);
    if (quotes % 2 === 0) return lines.slice(0, i + 1).join('\n');
  }
  return undefined;
}

function readHeader(text: string): { columns: (EventFileColumn | undefined)[]; delimiter: string } {
  const delimiter = !text.includes(',') && text.includes('\t') ? '\t' : !text.includes(',') && text.includes(';') ? ';' : ',';
  const read = readDelimited(text, delimiter)[0];
  const names = read?.ok ? read.fields : [];
  const columns = names.map(columnOf);
  const seen = new Set<EventFileColumn>();
  columns.forEach((c, i) => {
    if (!c) return;
    if (seen.has(c)) throw new AppError('BAD_INPUT', `Columns "${names[columns.indexOf(c)]}" and "${names[i]}" both read as ${c}: rename or remove one.`);
    seen.add(c);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length) {
    throw new AppError('BAD_INPUT', `The header line (${names.slice(0, 8).join(', ')}) has no ${missing.join(', ')} column: the first line must name user_id, product_id, event and timestamp (README "Behaviour events" lists the other names read).`);
  }
  return { columns, delimiter };
}

function recordOf(text: string, line: number, columns: readonly (EventFileColumn | undefined)[], delimiter: string): EventRecord {
  const read = readDelimited(text, delimiter)[0];
  if (!read) return { line, error: { line, reason: 'no values' } };
  if (!read.ok) return { line, error: { line, reason: read.reason } };
  if (read.fields.length !== columns.length) {
    const hint = read.fields.length > columns.length ? `: a value holding "${delimiter}" must be in double quotes`
      : ': give every column a value, an empty one where there is none (u1,P1,click,2026-03-01T10:00:00Z,,)';
    return { line, error: { line, reason: `${read.fields.length} values where the header has ${columns.length} columns${hint}` } };
  }
  const fields: EventFields = {};
  columns.forEach((c, i) => { if (c) fields[c] = read.fields[i]; });
  return { line, fields };
}

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}

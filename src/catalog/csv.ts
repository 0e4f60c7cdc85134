/** RFC 4180 reader: quoted fields, doubled quotes, embedded newlines, CRLF, BOM. Pure. */

/** One record of a delimited file, or why it could not be read; `line` is where it starts (1-based). */
export type DelimitedRecord =
  | { ok: true; line: number; fields: string[] }
  | { ok: false; line: number; reason: string };

type Read<T> = ({ ok: true; end: number } & T) | { ok: false; reason: string };

/**
 * Splits text into records. Blank lines are skipped; a malformed record is reported with its line,
 * then reading resumes on the line after the one it started on.
 */
export function readDelimited(text: string, delimiter: string): DelimitedRecord[] {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: DelimitedRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    const read = readRecord(src, pos, delimiter);
    if (read.ok) {
      if (!read.fields.every((f) => f.trim() === '')) records.push({ ok: true, line, fields: read.fields });
      line += countNewlines(src, pos, read.end);
      pos = read.end;
      continue;
    }
    records.push({ ok: false, line, reason: read.reason });
    // Resynchronise on the next physical line so one stray quote costs one row, not the rest of the file.
    const next = src.indexOf('\n', pos);
    pos = next === -1 ? src.length : next + 1;
    line += 1;
  }
  return records;
}

function readRecord(src: string, start: number, delimiter: string): Read<{ fields: string[] }> {
  const fields: string[] = [];
  let pos = start;
  for (;;) {
    const field = src[pos] === '"' ? readQuoted(src, pos, delimiter) : readBare(src, pos, delimiter);
    if (!field.ok) return field;
    fields.push(field.value);
    pos = field.end;
    if (pos >= src.length) return { ok: true, fields, end: pos };
    if (src[pos] === '\n') return { ok: true, fields, end: pos + 1 };
    pos += delimiter.length;
  }
}

function readBare(src: string, start: number, delimiter: string): Read<{ value: string }> {
  let end = start;
  while (end < src.length && src[end] !== '\n' && !src.startsWith(delimiter, end)) end += 1;
  return { ok: true, value: src.slice(start, end), end };
}

function readQuoted(src: string, start: number, delimiter: string): Read<{ value: string }> {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const close = src.indexOf('"', pos);
    if (close === -1) return { ok: false, reason: 'unterminated quoted field: its opening " is never closed' };
    value += src.slice(pos, close);
    if (src[close + 1] !== '"') return afterClosingQuote(src, close + 1, delimiter, value);
    value += '"';
    pos = close + 2;
  }
}

function afterClosingQuote(src: string, start: number, delimiter: string, value: string): Read<{ value: string }> {
  let end = start;
  while (src[end] === ' ') end += 1;
  if (end >= src.length || src[end] === '\n' || src.startsWith(delimiter, end)) return { ok: true, value, end };
  // A quote that closes on a later line with text after it almost always means an earlier quote was left open.
  const reason = value.includes('\n')
    ? 'unterminated quoted field: its opening " is not closed on this line'
    : 'text after a closing quote: a " inside a quoted field must be doubled ("")';
  return { ok: false, reason };
}

function countNewlines(src: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (src[i] === '\n') count += 1;
  return count;
}

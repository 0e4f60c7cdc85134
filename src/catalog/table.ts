/** A delimited file read against its header row: each record becomes column → value. Pure. */
import { readDelimited } from './csv.ts';

/** One data row keyed by column name, or why it was rejected; `line` is where it starts (1-based). */
export type TableRow =
  | { ok: true; line: number; cells: Record<string, string> }
  | { ok: false; line: number; reason: string };

/** Column names (trimmed, unique) and the data rows under them. */
export interface Table {
  columns: string[];
  rows: TableRow[];
}

/**
 * Reads the first record as the header. Short rows are padded with empty cells (spreadsheets drop
 * trailing ones); a row with extra non-empty fields is rejected, since its values have shifted.
 */
export function readTable(text: string, delimiter: string): Table {
  const [header, ...records] = readDelimited(text, delimiter);
  if (!header) return { columns: [], rows: [] };
  if (!header.ok) return { columns: [], rows: [{ ok: false, line: header.line, reason: `header row: ${header.reason}` }] };
  const columns = uniqueColumns(header.fields);
  const rows = records.map((record): TableRow => {
    if (!record.ok) return record;
    const extra = record.fields.slice(columns.length).filter((f) => f.trim() !== '');
    if (extra.length > 0) {
      const reason = `row has ${record.fields.length} fields but the header has ${columns.length}; is a "${printable(delimiter)}" inside a value unquoted?`;
      return { ok: false, line: record.line, reason };
    }
    const cells = Object.fromEntries(columns.map((column, i) => [column, record.fields[i] ?? '']));
    return { ok: true, line: record.line, cells };
  });
  return { columns, rows };
}

function uniqueColumns(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() === '' ? `column ${i + 1}` : raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}

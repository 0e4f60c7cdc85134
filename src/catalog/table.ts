/** A delimited file read against its header row: each record becomes column → value. Pure. */
import { readDelimited } from './csv.ts';
import { rowTextProblem } from './row-guards.ts';

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
 * Reads the first record as the header. A row with fewer fields than the header (cut short) or
 * with extra non-empty ones (values shifted) is rejected; extra empty fields (a trailing delimiter) are dropped.
 */
export function readTable(text: string, delimiter: string): Table {
  const [header, ...records] = readDelimited(text, delimiter);
  if (!header) return { columns: [], rows: [] };
  if (!header.ok) return { columns: [], rows: [{ ok: false, line: header.line, reason: `header row: ${header.reason}` }] };
  const headerProblem = rowTextProblem(header.fields.join(delimiter));
  if (headerProblem !== undefined) return { columns: [], rows: [{ ok: false, line: header.line, reason: `header row: ${headerProblem}` }] };
  const columns = uniqueColumns(header.fields);
  const rows = records.map((record): TableRow => {
    if (!record.ok) return record;
    const problem = rowTextProblem(record.fields.join(delimiter)) ?? fieldCountProblem(record.fields, columns.length, delimiter);
    if (problem !== undefined) return { ok: false, line: record.line, reason: problem };
    const cells = Object.fromEntries(columns.map((column, i) => [column, record.fields[i] ?? '']));
    return { ok: true, line: record.line, cells };
  });
  return { columns, rows };
}

/** Too few fields and too many are one mistake, reported alike; only the likely cause differs. */
function fieldCountProblem(fields: readonly string[], columns: number, delimiter: string): string | undefined {
  const short = fields.length < columns;
  const extra = fields.slice(columns).some((f) => f.trim() !== '');
  if (!short && !extra) return undefined;
  const cause = short ? 'was the row cut short, or a value left out?' : `is a "${printable(delimiter)}" inside a value unquoted?`;
  return `row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${columns}; ${cause}`;
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

/** Duplicate ids within one source file. Pure. */
import type { ParsedRow } from '../domain.ts';

/** Rows in line order; a product whose id an earlier line already used is rejected, naming that line. */
export function rejectDuplicateIds(rows: readonly ParsedRow[]): ParsedRow[] {
  const firstLine = new Map<string, number>();
  return [...rows].sort((a, b) => a.line - b.line).map((row): ParsedRow => {
    if (!row.ok) return row;
    const first = firstLine.get(row.product.id);
    if (first === undefined) {
      firstLine.set(row.product.id, row.line);
      return row;
    }
    return { ok: false, line: row.line, reason: `duplicate id ${row.product.id} (first seen on line ${first})` };
  });
}

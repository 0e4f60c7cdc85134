/** Duplicate ids within one source file. Pure. */
import type { ParsedRow } from '../domain.ts';

/**
 * Rows in line order; a product whose id an earlier line already used is rejected, naming that line.
 * Ids are kept as written, but two that differ only in letter case ("SOFA-1", "sofa-1") count as
 * duplicates: in one file they are almost always one product typed twice, and a shopper cannot tell them apart.
 */
export function rejectDuplicateIds(rows: readonly ParsedRow[]): ParsedRow[] {
  const first = new Map<string, { id: string; line: number }>();
  return [...rows].sort((a, b) => a.line - b.line).map((row): ParsedRow => {
    if (!row.ok) return row;
    const { id } = row.product;
    const seen = first.get(id.toLowerCase());
    if (seen === undefined) {
      first.set(id.toLowerCase(), { id, line: row.line });
      return row;
    }
    const reason = seen.id === id
      ? `duplicate id "${id}" (first seen on line ${seen.line})`
      : `duplicate id "${id}": differs only in letter case from "${seen.id}" on line ${seen.line}`;
    return { ok: false, line: row.line, reason };
  });
}

/** Rejections grouped by kind of reason, so a file with 10,000 bad rows reads as a few lines. Pure. */
import type { RowError } from '../domain.ts';

/** Rows sharing one kind of reason: how many, the first few lines, and the first row's reason as the example. */
export interface ReasonCount {
  reason: string;
  count: number;
  /** The first few line numbers, ascending. */
  lines: number[];
}

/**
 * Groups by the reason with its row-specific parts (quoted values other than column names, numbers)
 * blanked, so 'price "abc" is not a number' and 'price "n/a" is not a number' are one group.
 * Groups come largest first, ties by first line.
 */
export function summariseReasons(errors: readonly RowError[], linesShown = 5): ReasonCount[] {
  const groups = new Map<string, ReasonCount>();
  for (const { line, reason } of [...errors].sort((a, b) => a.line - b.line)) {
    const key = reasonKind(reason);
    const group = groups.get(key) ?? { reason, count: 0, lines: [] };
    groups.set(key, group);
    group.count += 1;
    if (group.lines.length < linesShown) group.lines.push(line);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
}

function reasonKind(reason: string): string {
  return reason.replace(/(column )?"[^"]*"/g, (quoted, column?: string) => (column ? quoted : '"…"')).replace(/\d[\d,.]*/g, '#');
}

/** One line for a group: "line 7: …" for a single row, else the count, the first lines and the first reason. */
export function describeReasonCount({ reason, count, lines }: ReasonCount): string {
  if (count === 1) return `line ${lines[0]}: ${reason}`;
  const more = count > lines.length ? ` and ${(count - lines.length).toLocaleString('en')} more` : '';
  return `${count.toLocaleString('en')} rows (lines ${lines.join(', ')}${more}), e.g. line ${lines[0]}: ${reason}`;
}

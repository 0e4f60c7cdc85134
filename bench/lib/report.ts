import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandLine, describeMachine, machineInfo } from './machine.ts';

/** bench/results, beside this folder. */
export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

export type Row = Record<string, string | number>;

/** A markdown table; numbers get `digits` decimals unless their whole column is integers. */
export function markdownTable(rows: readonly Row[], digits = 2): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0]!);
  // A column prints as whole numbers only when every value in it is one (so recall 1 reads 1.000).
  const whole = new Set(columns.filter((c) => rows.every((r) => typeof r[c] !== 'number' || Number.isInteger(r[c]))));
  const cell = (c: string, v: string | number | undefined) =>
    typeof v === 'number' ? (whole.has(c) ? v.toLocaleString('en-US') : v.toFixed(digits)) : (v ?? '');
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${columns.map((c) => cell(c, r[c])).join(' | ')} |`),
  ].join('\n');
}

export interface Section {
  title: string;
  rows: readonly Row[];
  digits?: number;
  notes?: string[];
}

/** Prints the sections as markdown and writes everything to bench/results/<name>.json. */
export function publish(name: string, sections: readonly Section[], data: object): string {
  const machine = machineInfo();
  const command = commandLine();
  const lines = [`## ${name}`, '', `Machine: ${describeMachine(machine)}`, `Command: \`${command}\``, ''];
  for (const s of sections) {
    lines.push(`### ${s.title}`, '', markdownTable(s.rows, s.digits), '');
    for (const note of s.notes ?? []) lines.push(`- ${note}`);
    if (s.notes?.length) lines.push('');
  }
  process.stdout.write(lines.join('\n') + '\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const tables = Object.fromEntries(sections.map((s) => [s.title, s.rows]));
  writeFileSync(file, JSON.stringify({ name, at: new Date().toISOString(), command, machine, tables, ...data }, null, 2) + '\n');
  process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}\n`);
  return file;
}

/** Progress lines go to stderr so stdout stays a clean markdown report. */
export function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

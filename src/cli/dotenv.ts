import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Settings read from a `.env` file, and what could not be read, as configuration problems. */
export interface Dotenv {
  values: Record<string, string>;
  problems: string[];
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };

/** Reads `<dir>/.env` if there is one. Only the CLI's composition root calls this. */
export function readDotenv(dir: string): Dotenv {
  const file = path.join(dir, '.env');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [] };
    return { values: {}, problems: [`${file}: cannot be read (${(err as Error).message})`] };
  }
  return parseDotenv(text, file);
}

/**
 * Parses `NAME=value` lines: `#` comments, an optional `export `, values bare (trimmed, ` #` starts a
 * comment), in 'single quotes' (literal) or "double quotes" (\n, \t, \" and \\ escapes). One line per value.
 */
export function parseDotenv(text: string, file = '.env'): Dotenv {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = ASSIGNMENT.exec(line);
    const value = match ? readValue(match[2]!) : undefined;
    if (!match || value === undefined) problems.push(`${file} line ${i + 1}: expected NAME=value, found "${line.slice(0, 60)}"`);
    else values[match[1]!] = value;
  });
  return { values, problems };
}

/** The value of one assignment, or undefined when its quotes do not close or text follows them. */
function readValue(rest: string): string | undefined {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'") return rest.replace(/\s+#.*$/, '').trim();
  let value = '';
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === quote) return /^\s*(#.*)?$/.test(rest.slice(i + 1)) ? value : undefined;
    if (quote === '"' && c === '\\' && i + 1 < rest.length) value += ESCAPES[rest[++i]!] ?? `\\${rest[i]}`;
    else value += c;
  }
  return undefined;
}

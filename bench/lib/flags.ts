import { parseArgs } from 'node:util';

type Spec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

/** Flags with a default are always set; others may be undefined. */
type Values<S extends Spec> = {
  [K in keyof S]: (S[K]['type'] extends 'boolean' ? boolean : string) | (S[K] extends { default: unknown } ? never : undefined);
};

/** Parses `--name value` flags (strict: an unknown flag is an error, with the list of known ones). */
export function readFlags<S extends Spec>(spec: S, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values as unknown as Values<S>;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nFlags: ${Object.keys(spec).map((k) => `--${k}`).join(' ')}\n`);
    process.exit(2);
  }
}

/** "32,64,96" -> [32, 64, 96]; refuses anything that is not a positive whole number. */
export function intList(value: string, name: string): number[] {
  const list = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write(`--${name} must be positive whole numbers separated by commas, got "${value}"\n`);
    process.exit(2);
  }
  return list;
}

export function int(value: string, name: string): number {
  return intList(value, name)[0]!;
}

import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.ts';

export type FlagValue = string | boolean | undefined;

/** Everything a command may touch: parsed config, its arguments and the process's streams. */
export interface CommandContext {
  config: Config;
  args: string[];
  flags: Record<string, FlagValue>;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command accepts; each maps onto a Config field (see src/config.ts). */
export const globalOptions: Record<string, OptionSpec> = {
  home: { type: 'string', description: 'data directory (AISLE_HOME, default ./.aisle)' },
  db: { type: 'string', description: 'catalog database: postgres://… or sqlite:PATH (AISLE_DB, default SQLite in the home)' },
  model: { type: 'string', description: 'embedding model: a directory, a name under models/, "default" or "none" (AISLE_MODEL)' },
  'models-dir': { type: 'string', description: 'where model directories live (AISLE_MODELS_DIR, default ./models)' },
  device: { type: 'string', description: 'cpu or cuda (AISLE_DEVICE)' },
  'batch-size': { type: 'string', description: 'texts per embedding batch (AISLE_BATCH_SIZE, default 32)' },
  'intent-model': { type: 'string', description: 'intent model directory or name under models/ (AISLE_INTENT_MODEL, default aisle-intents-v2)' },
};

export function flagString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function print(stream: Writable, line = ''): void {
  stream.write(line + '\n');
}

import type { Readable, Writable } from 'node:stream';
import type { Config, ConfiguredArtifact } from '../config.ts';

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
  /** What a string option's value looks like in help, e.g. `N` in `--k N`. */
  value?: string;
  description: string;
}

export interface Command {
  name: string;
  /** Synopsis lines; options are listed by help from `options`, so they are not repeated here. */
  usage: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Configured artifacts the command opens: checked with the configuration, so a missing one is a usage error. */
  opens?: readonly ConfiguredArtifact[];
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Options every command accepts; each maps onto a Config field (see src/config.ts). */
export const globalOptions: Record<string, OptionSpec> = {
  home: { type: 'string', value: 'DIR', description: 'data directory (AISLE_HOME, default ./.aisle)' },
  db: { type: 'string', value: 'URL', description: 'catalog database: postgres://… or sqlite:PATH (AISLE_DB, default SQLite in the home)' },
  model: { type: 'string', value: 'MODEL', description: 'embedding model: a directory, a name under models/, "default" or "none" (AISLE_MODEL)' },
  'models-dir': { type: 'string', value: 'DIR', description: 'where model directories live (AISLE_MODELS_DIR, default ./models)' },
  device: { type: 'string', value: 'cpu|cuda', description: 'where the models run (AISLE_DEVICE, default cpu)' },
  'batch-size': { type: 'string', value: 'N', description: 'texts per embedding batch (AISLE_BATCH_SIZE, default 32)' },
  'intent-model': { type: 'string', value: 'MODEL', description: 'intent model directory or name under models/ (AISLE_INTENT_MODEL, default aisle-intents-v2)' },
};

/** Accepted by every command (and at the top level); not a setting, so kept apart from globalOptions. */
export const helpOption: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h', description: 'show this help' } };

export function flagString(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function print(stream: Writable, line = ''): void {
  stream.write(line + '\n');
}

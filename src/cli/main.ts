import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError, isAppError } from '../errors.ts';
import { globalOptions, print, type Command, type FlagValue } from './command.ts';
import { chatCommand } from './chat-command.ts';
import { demoCommand } from './demo-command.ts';
import { indexCommand } from './index-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { modelsCommand } from './models-command.ts';
import { searchCommand } from './search-command.ts';
import { serveCommand } from './serve-command.ts';
import { startCommand } from './start-command.ts';

const COMMANDS: Command[] = [ingestCommand, demoCommand, indexCommand, searchCommand, chatCommand, serveCommand, startCommand, modelsCommand];
export interface CliStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The CLI's composition root: parses argv and the environment once, runs one command, maps errors to exit codes. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliStreams = process): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    print(io.stdout, helpText(COMMANDS.find((c) => c.name === rest[0])));
    return 0;
  }
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new AppError('BAD_INPUT', `Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`aisle help\`.`);
    const { args, flags } = parseCommandLine(command, rest);
    if (flags.help) {
      print(io.stdout, helpText(command));
      return 0;
    }
    const config = loadConfig(env, camelCased(flags), PROJECT_ROOT, process.cwd());
    return await command.run({ config, args, flags, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
  } catch (err) {
    const detail = env.AISLE_DEBUG ? (err as Error).stack : `${(err as Error).message} (unexpected: rerun with AISLE_DEBUG=1 for details and report it)`;
    print(io.stderr, `aisle: ${isAppError(err) ? err.message : detail}`);
    return isAppError(err) && (err.code === 'BAD_INPUT' || err.code === 'CONFIG_INVALID') ? 2 : 1;
  }
}

function parseCommandLine(command: Command, argv: string[]) {
  const options = { ...globalOptions, ...command.options, help: { type: 'boolean' as const, description: '' } };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { args: positionals, flags: values as Record<string, FlagValue> };
  } catch (cause) {
    throw new AppError('BAD_INPUT', `${(cause as Error).message.split('\n')[0]}. Run \`aisle help ${command.name}\`.`, { cause });
  }
}

function camelCased(flags: Record<string, FlagValue>): Record<string, FlagValue> {
  return Object.fromEntries(Object.entries(flags).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]));
}

function helpText(command?: Command): string {
  const opts = (o: Command['options']) => Object.entries(o).map(([k, v]) => `  --${k.padEnd(12)} ${v.description}`).join('\n');
  if (command) return `${command.summary}\n\nUsage:\n  ${command.usage}\n\nOptions:\n${opts(command.options)}\n\nGlobal options:\n${opts(globalOptions)}`;
  return `Aisle: conversational shopping assistant\n\nCommands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}\n\nGlobal options:\n${opts(globalOptions)}\n\nRun \`aisle help COMMAND\` for a command's options.`;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { AppError, isAppError } from '../errors.ts';
import { globalOptions, print, type Command, type FlagValue } from './command.ts';
import { chatCommand } from './chat-command.ts';
import { demoCommand } from './demo-command.ts';
import { closestMatch } from './did-you-mean.ts';
import { readDotenv } from './dotenv.ts';
import { commandHelp, overviewHelp } from './help-text.ts';
import { indexCommand } from './index-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { modelsCommand } from './models-command.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { searchCommand } from './search-command.ts';
import { serveCommand } from './serve-command.ts';
import { startCommand } from './start-command.ts';
import { usersCommand } from './users-command.ts';

export const COMMANDS: readonly Command[] = [ingestCommand, demoCommand, indexCommand, searchCommand, chatCommand, serveCommand, startCommand, modelsCommand, usersCommand];
export interface CliStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The CLI's composition root: parses argv, the environment and `<cwd>/.env` once, runs one command,
 * maps errors to exit codes (2 for bad usage or configuration, 1 for any other failure).
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliStreams = process, cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  let debug = Boolean(env.AISLE_DEBUG);
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      print(io.stdout, rest[0] ? commandHelp(findCommand(rest[0])) : overviewHelp(COMMANDS));
      return 0;
    }
    if (name === '--version' || name === '-v') {
      print(io.stdout, `aisle ${packageVersion()}`);
      return 0;
    }
    const command = findCommand(name);
    const { args, flags } = parseCommandLine(command, rest);
    if (flags.help) {
      print(io.stdout, commandHelp(command));
      return 0;
    }
    // Precedence: flags, then the real environment, then .env (a deployment's settings beat a checkout's file).
    const dotenv = readDotenv(cwd);
    const settings = { ...dotenv.values, ...env };
    debug = Boolean(settings.AISLE_DEBUG);
    const config = loadConfig(settings, camelCased(flags), PROJECT_ROOT, cwd, { artifacts: command.opens, problems: dotenv.problems });
    return await command.run({ config, args, flags, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr });
  } catch (err) {
    const detail = debug ? (err as Error).stack : `${(err as Error).message} (unexpected: rerun with AISLE_DEBUG=1 for details and report it)`;
    print(io.stderr, `aisle: ${isAppError(err) ? err.message : detail}`);
    return isAppError(err) && (err.code === 'BAD_INPUT' || err.code === 'CONFIG_INVALID') ? 2 : 1;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const commands = `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`aisle help\`.`;
  if (!name.startsWith('-')) {
    const guess = closestMatch(name, [...COMMANDS.map((c) => c.name), 'help']);
    throw new AppError('BAD_INPUT', `Unknown command "${name}".${guess ? ` Did you mean ${guess}?` : ''} ${commands}`);
  }
  if (name.slice(2) in globalOptions) throw new AppError('BAD_INPUT', `${name} goes after the command: aisle COMMAND ${name} …. ${commands}`);
  const guess = closestMatch(name.replace(/^-+/, ''), ['help', 'version']);
  throw new AppError('BAD_INPUT', `Unknown option ${name}.${guess ? ` Did you mean --${guess}?` : ''} ${commands}`);
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function camelCased(flags: Record<string, FlagValue>): Record<string, FlagValue> {
  return Object.fromEntries(Object.entries(flags).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]));
}

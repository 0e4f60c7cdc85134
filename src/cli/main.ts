import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { loadConfig } from '../config.ts';
import { AppError, isAppError } from '../errors.ts';
import { globalOptions, print, type Command, type FlagValue } from './command.ts';
import { closestMatch } from './did-you-mean.ts';
import { readDotenv } from './dotenv.ts';
import { commandHelp, overviewHelp } from './help-text.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { PROJECT_ROOT } from './project-root.ts';

/**
 * Each command's module, imported only when that command runs: a search never loads the server
 * (Express, the Agents SDK) or the demo generator, so start-up pays for one command's imports.
 */
const COMMAND_MODULES = {
  ingest: async () => (await import('./ingest-command.ts')).ingestCommand,
  demo: async () => (await import('./demo-command.ts')).demoCommand,
  index: async () => (await import('./index-command.ts')).indexCommand,
  search: async () => (await import('./search-command.ts')).searchCommand,
  chat: async () => (await import('./chat-command.ts')).chatCommand,
  serve: async () => (await import('./serve-command.ts')).serveCommand,
  start: async () => (await import('./start-command.ts')).startCommand,
  models: async () => (await import('./models-command.ts')).modelsCommand,
  users: async () => (await import('./users-command.ts')).usersCommand,
  agents: async () => (await import('./agents-command.ts')).agentsCommand,
  kb: async () => (await import('./kb-command.ts')).kbCommand,
  orders: async () => (await import('./orders-command.ts')).ordersCommand,
  report: async () => (await import('./report-command.ts')).reportCommand,
  eval: async () => (await import('./eval-command.ts')).evalCommand,
  train: async () => (await import('./train-command.ts')).trainCommand,
  reranker: async () => (await import('./reranker-command.ts')).rerankerCommand,
  events: async () => (await import('./events-command.ts')).eventsCommand,
} satisfies Record<string, () => Promise<Command>>;

/** Command names in the order `aisle help` lists them. */
export const COMMAND_NAMES = Object.keys(COMMAND_MODULES) as (keyof typeof COMMAND_MODULES)[];

/** Every command (imports them all: for the overview help and tests, not for running one). */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map((name) => COMMAND_MODULES[name]()));
}
export interface CliStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/**
 * The CLI's composition root: parses argv, the environment and `<cwd>/.env` once, runs one command,
 * maps errors to exit codes (2 for bad usage or configuration, 1 for any other failure).
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: CliStreams = process, cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  let debug = Boolean(env.AISLE_DEBUG);
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      print(io.stdout, rest[0] ? commandHelp(await findCommand(rest[0])) : overviewHelp(await loadCommands()));
      return 0;
    }
    if (name === '--version' || name === '-v') {
      print(io.stdout, `aisle ${packageVersion()}`);
      return 0;
    }
    const command = await findCommand(name);
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

function findCommand(name: string): Promise<Command> {
  if (Object.hasOwn(COMMAND_MODULES, name)) return COMMAND_MODULES[name as keyof typeof COMMAND_MODULES]();
  const commands = `Commands: ${COMMAND_NAMES.join(', ')}. Run \`aisle help\`.`;
  if (!name.startsWith('-')) {
    const guess = closestMatch(name, [...COMMAND_NAMES, 'help']);
    throw new AppError('BAD_INPUT', `Unknown command "${name}".${guess ? ` Did you mean ${guess}?` : ''} ${commands}`);
  }
  if (Object.hasOwn(globalOptions, name.slice(2))) throw new AppError('BAD_INPUT', `${name} goes after the command: aisle COMMAND ${name} …. ${commands}`);
  const guess = closestMatch(name.replace(/^-+/, ''), ['help', 'version']);
  throw new AppError('BAD_INPUT', `Unknown option ${name}.${guess ? ` Did you mean --${guess}?` : ''} ${commands}`);
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function camelCased(flags: Record<string, FlagValue>): Record<string, FlagValue> {
  return Object.fromEntries(Object.entries(flags).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]));
}

import { parseArgs } from 'node:util';
import { AppError } from '../errors.ts';
import { globalOptions, helpOption, type Command, type FlagValue, type OptionSpec } from './command.ts';
import { closestMatch } from './did-you-mean.ts';

type OptionToken = { kind: 'option'; name: string; rawName: string; value?: string; inlineValue?: boolean };

/**
 * Splits a command's arguments into positionals and flags. Node's strict parser words its errors for
 * programmers (and leaves a quote open), so options are checked here instead: an unknown one is
 * answered with the closest known name, a missing or unwanted value with the option's own form.
 */
export function parseCommandLine(command: Command, argv: string[]): { args: string[]; flags: Record<string, FlagValue> } {
  const options = commandOptions(command);
  const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option') checkOption(token, options, command.name);
  }
  return { args: positionals, flags: values as Record<string, FlagValue> };
}

/** Every option `command` accepts: its own, the global ones and --help. */
export function commandOptions(command: Command): Record<string, OptionSpec> {
  return { ...command.options, ...globalOptions, ...helpOption };
}

function checkOption(token: OptionToken, options: Record<string, OptionSpec>, commandName: string): void {
  const spec = options[token.name];
  const help = `Run \`aisle help ${commandName}\`.`;
  if (!spec) {
    const guess = token.rawName.startsWith('--') ? closestMatch(token.name, Object.keys(options)) : undefined;
    throw new AppError('BAD_INPUT', `Unknown option ${token.rawName} for \`aisle ${commandName}\`.${guess ? ` Did you mean --${guess}?` : ''} ${help}`);
  }
  if (spec.type === 'boolean' && token.inlineValue) {
    throw new AppError('BAD_INPUT', `--${token.name} takes no value: write --${token.name} alone. ${help}`);
  }
  if (spec.type === 'string' && token.value === undefined) {
    throw new AppError('BAD_INPUT', `--${token.name} needs a value: --${token.name} ${spec.value ?? 'VALUE'}. ${help}`);
  }
  // A string option followed by another option most likely lost its value: `--mode --json`.
  if (spec.type === 'string' && !token.inlineValue && token.value!.startsWith('-')) {
    throw new AppError('BAD_INPUT', `--${token.name} needs a value, not "${token.value}" (write --${token.name}=${token.value} if that is the value). ${help}`);
  }
}

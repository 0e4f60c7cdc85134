import { globalOptions, helpOption, type Command, type OptionSpec } from './command.ts';

/** One command's help, generated from its options table so the two cannot drift apart. */
export function commandHelp(command: Command): string {
  return [
    `${command.summary}`,
    '',
    'Usage:',
    ...command.usage.split('\n').map((line) => `  ${line.trim()}`),
    ...(Object.keys(command.options).length ? ['', 'Options:', ...optionLines(command.options)] : []),
    '',
    'Global options:',
    ...optionLines({ ...globalOptions, ...helpOption }),
  ].join('\n');
}

/** The top-level help: every command with its summary. */
export function overviewHelp(commands: readonly Command[]): string {
  return [
    'Aisle: conversational shopping assistant',
    '',
    'Usage:',
    '  aisle COMMAND [ARGS] [options]',
    '  aisle help COMMAND      (or aisle COMMAND --help)',
    '  aisle --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
    '',
    'Global options:',
    ...optionLines({ ...globalOptions, ...helpOption }),
    '',
    'Settings are read from flags, then the environment, then ./.env. Exit codes: 0 success, 1 failure, 2 bad usage or configuration.',
  ].join('\n');
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const forms = Object.entries(options).map(([name, spec]) => {
    const long = `--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    return { form: spec.short ? `-${spec.short}, ${long}` : `    ${long}`, description: spec.description };
  });
  const width = Math.max(...forms.map((f) => f.form.length)) + 2;
  return forms.map((f) => `  ${f.form.padEnd(width)}${f.description}`);
}

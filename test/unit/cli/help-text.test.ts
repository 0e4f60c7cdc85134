import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/cli/main.ts';
import { commandHelp } from '../../../src/cli/help-text.ts';
import { commandOptions } from '../../../src/cli/parse-command-line.ts';

const COMMANDS = await loadCommands();

describe('command help', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('`aisle help %s` lists every option the command accepts', (_, command) => {
    const help = commandHelp(command);
    for (const name of Object.keys(commandOptions(command))) expect(help).toMatch(new RegExp(`--${name}\\b`));
    expect(help).toContain('-h, --help');
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('`aisle %s` usage names only options it accepts', (_, command) => {
    const accepted = Object.keys(commandOptions(command));
    for (const [, name] of command.usage.matchAll(/--([a-z-]+)/g)) expect(accepted).toContain(name);
  });

  // `aisle help demo` once showed a usage line without --force: a hand-written option list drifts.
  it.each(COMMANDS.map((c) => [c.name, c] as const))('`aisle %s` usage leaves the option list to the generated table', (_, command) => {
    for (const line of command.usage.split('\n')) expect(line).toContain('[options]');
  });
});

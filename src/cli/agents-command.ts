import type { Readable, Writable } from 'node:stream';
import { AppError } from '../errors.ts';
import type { AgentRole } from '../handoff/agent-directory.ts';
import { openHandoffStore } from '../handoff/open-handoff-store.ts';
import { hashPassword, MIN_PASSWORD_CHARS } from '../handoff/passwords.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { readLines } from './read-lines.ts';

const USAGE = 'aisle agents add EMAIL [options]   (the password from stdin, or asked for)\n' +
  '       aisle agents list [options]\n       aisle agents remove EMAIL [options]';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const agentsCommand: Command = {
  name: 'agents',
  usage: USAGE,
  summary: 'accounts for the agent console at /agent: add (password from stdin or a prompt, stored as scrypt), list, remove',
  options: {
    role: { type: 'string', value: 'agent|admin', description: 'what the account may do: agent takes conversations, admin also transfers anyone\'s (default agent)' },
    name: { type: 'string', value: 'NAME', description: 'the name shoppers see when the agent joins (default: the e-mail\'s local part)' },
    replace: { type: 'boolean', description: 'reset an existing account\'s password, name and role (signs its sessions out)' },
  },
  async run(ctx) {
    const [action, email, ...extra] = ctx.args;
    if (action === 'add' && email && extra.length === 0) return add(ctx, email);
    if (action === 'list' && !email) return list(ctx);
    if (action === 'remove' && email && extra.length === 0) return remove(ctx, email);
    throw new AppError('BAD_INPUT', `Usage: ${USAGE.replace(/\n\s+/g, ' | ')}`);
  },
};

async function add(ctx: CommandContext, email: string): Promise<number> {
  if (!EMAIL.test(email)) throw new AppError('BAD_INPUT', `"${email}" is not an e-mail address: agents sign in with one.`);
  const role = (flagString(ctx, 'role') ?? 'agent') as AgentRole;
  if (role !== 'agent' && role !== 'admin') throw new AppError('BAD_INPUT', `--role must be agent or admin, not "${role}".`);
  const name = flagString(ctx, 'name')?.trim() || email.split('@')[0]!;
  const password = await readPassword(ctx.stdin, ctx.stderr);
  if (password.length < MIN_PASSWORD_CHARS) throw new AppError('BAD_INPUT', `The password must be at least ${MIN_PASSWORD_CHARS} characters; nothing was saved.`);
  const store = await openHandoffStore(ctx.config.db, ctx.config.home);
  try {
    const agent = await store.agents.add({ email, name, role, passwordHash: await hashPassword(password) }, { replace: ctx.flags.replace === true });
    print(ctx.stdout, `${ctx.flags.replace ? 'Updated' : 'Added'} ${agent.role} ${agent.email} ("${agent.name}"). They sign in at /agent.`);
    return 0;
  } finally {
    await store.close();
  }
}

async function list(ctx: CommandContext): Promise<number> {
  const store = await openHandoffStore(ctx.config.db, ctx.config.home);
  try {
    const agents = await store.agents.list();
    if (agents.length === 0) print(ctx.stdout, 'No agents yet: aisle agents add EMAIL --role admin');
    for (const a of agents) print(ctx.stdout, `${a.email}\t${a.role}\t${a.name}`);
    return 0;
  } finally {
    await store.close();
  }
}

async function remove(ctx: CommandContext, email: string): Promise<number> {
  const store = await openHandoffStore(ctx.config.db, ctx.config.home);
  try {
    if (!(await store.agents.remove(email))) throw new AppError('NOT_FOUND', `No agent ${email}: see aisle agents list.`);
    print(ctx.stdout, `Removed ${email} and signed them out.`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The first line of stdin; on a terminal, asked for without echoing it. */
async function readPassword(stdin: Readable, stderr: Writable): Promise<string> {
  const tty = stdin as Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => void };
  if (!tty.isTTY || !tty.setRawMode) {
    for await (const line of readLines(stdin)) return line;
    return '';
  }
  stderr.write('Password: ');
  tty.setRawMode(true);
  try {
    let typed = '';
    for await (const chunk of stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return typed;
        if (ch === '\u0003') throw new AppError('BAD_INPUT', 'Cancelled; nothing was saved.');
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    }
    return typed;
  } finally {
    tty.setRawMode(false);
    stderr.write('\n');
  }
}

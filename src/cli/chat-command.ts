import { apology } from '../conversation/apology.ts';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { ConversationEngine } from '../conversation/turn.ts';
import { turnActionSchema } from '../conversation/turn-action-schema.ts';
import { AppError, isAppError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { openChatStack } from './chat-stack.ts';
import { renderForTerminal, turnJson } from '../channels/terminal-renderer.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { readLines } from './read-lines.ts';

const JSONL_LINE = z.object({
  conversation: z.string(),
  user: z.string(),
  text: z.string().optional(),
  action: turnActionSchema.optional(),
});

export const chatCommand: Command = {
  name: 'chat',
  usage: 'aisle chat [options]\n       aisle chat --jsonl [options] < turns.jsonl',
  summary: 'talk to the assistant in the terminal; --jsonl reads and writes one JSON object per line',
  options: {
    jsonl: { type: 'boolean', description: 'scripting mode: {"conversation","user","text"} per input line, one result line each' },
    conversation: { type: 'string', value: 'ID', description: 'conversation id to start or continue (default: a new one)' },
    user: { type: 'string', value: 'ID', description: 'shopper id (default: cli-user)' },
  },
  opens: ['model', 'intentModel'],
  async run(ctx) {
    // Warnings and failures only by default: the terminal is the shopper's screen.
    const stack = await openChatStack(ctx.config, createLogger({ level: ctx.config.logLevel ?? 'warn', destination: ctx.stderr }));
    try {
      return ctx.flags.jsonl ? await jsonl(ctx, stack.engine) : await interactive(ctx, stack.engine);
    } finally {
      await stack.close();
    }
  },
};

/** One output line per input line, in input order; a bad line gets an error object, never a crash. */
async function jsonl(ctx: CommandContext, engine: ConversationEngine): Promise<number> {
  let lineNo = 0;
  for await (const line of readLines(ctx.stdin)) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      const input = JSONL_LINE.safeParse(parseJson(line, lineNo));
      if (!input.success) throw new AppError('BAD_INPUT', `line ${lineNo}: ${input.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')}`);
      print(ctx.stdout, turnJson(await engine.handle({ ...input.data, channel: 'cli' })));
    } catch (err) {
      if (!isAppError(err) || err.code !== 'BAD_INPUT') print(ctx.stderr, `aisle: ${(err as Error).message}`);
      const code = isAppError(err) ? err.code : 'INTERNAL';
      print(ctx.stdout, JSON.stringify({ line: lineNo, error: { code, message: (err as Error).message } }));
    }
  }
  return 0;
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new AppError('BAD_INPUT', `line ${lineNo} is not JSON; expected {"conversation":"c1","user":"u1","text":"…"}`);
  }
}

async function interactive(ctx: CommandContext, engine: ConversationEngine): Promise<number> {
  const conversation = flagString(ctx, 'conversation') ?? `cli-${Date.now().toString(36)}`;
  const user = flagString(ctx, 'user') ?? 'cli-user';
  print(ctx.stdout, `Aisle chat (conversation ${conversation}). Type a message; Ctrl-D or /quit to leave.`);
  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout, terminal: ctx.stdin === process.stdin && process.stdin.isTTY === true });
  rl.setPrompt('you> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text) {
      try {
        const result = await engine.handle({ conversation, user, text, channel: 'cli' });
        for (const reply of result.replies) print(ctx.stdout, `aisle> ${renderForTerminal(reply)}`);
      } catch (err) {
        // The shopper gets the same apology as on every channel; what went wrong goes to stderr, its stack only when debugging.
        print(ctx.stdout, `aisle> ${renderForTerminal(apology())}`);
        const debugging = ctx.config.logLevel === 'debug' || ctx.config.logLevel === 'trace';
        print(ctx.stderr, `aisle: ${isAppError(err) ? err.message : `unexpected error: ${(err as Error).message}`}${debugging ? `\n${(err as Error).stack}` : ''}`);
      }
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}

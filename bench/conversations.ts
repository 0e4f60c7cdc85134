// Replays hand-written multi-turn conversations through `aisle chat --jsonl` and prints each as a
// markdown transcript: the shopper's turn, what a correct bot turn does, and what the bot did. The
// verdicts are a person's; this only puts expectation and reply side by side.
//
//   node --import tsx bench/conversations.ts --home H [--set bench/dev/conversations-dev.jsonl] [--only conv-03,conv-17] [--out FILE]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/cli.ts';
import { readFlags } from './lib/flags.ts';

interface Turn { user: string; expect: string }
interface Conversation { id: string; turns: Turn[] }
interface BotProduct { id: string; title: string; price?: number; rating?: number }
interface BotReply { text?: string; products?: BotProduct[]; suggestions?: string[] }
interface BotLine { conversation?: string; replies?: BotReply[]; intent?: string; slots?: unknown; handoff?: boolean; error?: { message: string } }

const flags = readFlags({
  home: { type: 'string' },
  set: { type: 'string', default: 'bench/dev/conversations-dev.jsonl' },
  only: { type: 'string' },
  out: { type: 'string' },
});
if (!flags.home) {
  process.stderr.write('--home DIR is required (an indexed demo store)\n');
  process.exit(2);
}

const only = flags.only ? new Set(flags.only.split(',')) : null;
const set = readFileSync(path.resolve(ROOT, flags.set), 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Conversation).filter((c) => !only || only.has(c.id));

/** One chat process for the whole set; a run stamp keeps conversations and carts from earlier runs apart. */
function replay(conversations: readonly Conversation[], home: string): BotLine[][] {
  const stamp = Date.now().toString(36);
  const input = conversations.flatMap((c) => c.turns.map((t) =>
    JSON.stringify({ conversation: `${c.id}-${stamp}`, user: `${c.id}-${stamp}`, text: t.user }))).join('\n');
  const child = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'aisle.js'), 'chat', '--jsonl', '--home', home],
    { cwd: ROOT, input: `${input}\n`, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`aisle chat exited ${child.status}:\n${child.stderr}`);
  const lines = child.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as BotLine);
  let next = 0;
  return conversations.map((c) => c.turns.map(() => lines[next++]!));
}

function product(p: BotProduct, i: number): string {
  const price = p.price === undefined ? '' : ` $${p.price}`;
  const rating = p.rating === undefined ? '' : ` ★${p.rating}`;
  return `    ${i + 1}. ${p.title}${price}${rating} [${p.id}]`;
}

function botTurn(line: BotLine): string[] {
  if (line.error) return [`  bot: ERROR ${line.error.message}`];
  const out = [`  bot (${line.intent ?? '?'}${line.handoff ? ', HANDOFF' : ''}) slots=${JSON.stringify(line.slots ?? {})}`];
  for (const reply of line.replies ?? []) {
    if (reply.text) out.push(`  > ${reply.text.replace(/\n/g, '\n  > ')}`);
    reply.products?.forEach((p, i) => out.push(product(p, i)));
  }
  return out;
}

function transcript(c: Conversation, lines: readonly BotLine[]): string {
  const out = [`## ${c.id}`];
  c.turns.forEach((t, i) => {
    out.push(`${i + 1}. user: ${t.user}`, `  expect: ${t.expect}`, ...botTurn(lines[i]!), '');
  });
  return out.join('\n');
}

const results = replay(set, flags.home);
const report = set.map((c, i) => transcript(c, results[i]!)).join('\n');
if (flags.out) writeFileSync(flags.out, report);
process.stdout.write(`${report}\n`);
process.stderr.write(`${set.length} conversations, ${set.reduce((n, c) => n + c.turns.length, 0)} bot turns\n`);

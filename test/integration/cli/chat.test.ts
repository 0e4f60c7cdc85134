import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCard, Reply } from '../../../src/conversation/reply.ts';
import { copyChatHome } from '../../support/chat-home.ts';
import { runCli } from '../../support/run-cli.ts';

/** One `aisle chat --jsonl` output line for a turn. */
interface TurnLine {
  conversation: string;
  replies: Reply[];
  intent: string;
  confidence: number;
  slots: Record<string, unknown>;
  handoff: boolean;
}

/** A turn line, or `{ line, error }` for an input line that could not be read. */
type Line = TurnLine & { line?: number; error?: unknown };

const line = (conversation: string, user: string, text: string) => JSON.stringify({ conversation, user, text });
const productsOf = (l: TurnLine): ProductCard[] => l.replies.flatMap((r) => r.products ?? []);
const textOf = (l: TurnLine) => l.replies.map((r) => r.text).join('\n');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe('aisle chat', () => {
  let home: string;
  /** The demo catalog as generated: what every card must agree with. */
  let catalog: Map<string, { title: string; price?: number }>;
  const chat = (args: string[], stdin: string) => runCli(['chat', ...args, '--home', home], {}, stdin);
  const jsonl = async (input: string[]) => {
    const r = await chat(['--jsonl'], input.join('\n') + '\n');
    return { ...r, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line) };
  };

  beforeAll(() => {
    home = copyChatHome();
    const rows = readFileSync(path.join(home, 'demo', 'catalog.jsonl'), 'utf8').trim().split('\n');
    catalog = new Map(rows.map((r) => JSON.parse(r)).map((p) => [p.id, p]));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('--jsonl answers two interleaved conversations line by line, each keeping its own context', async () => {
    const sofa = 'a blue linen sofa under $900';
    // What c1 will have on screen after "cheaper" decides its last line: "compare" needs two products.
    const probe = await jsonl([line('probe', 'probe-user', sofa), line('probe', 'probe-user', 'cheaper')]);
    expect(probe.code, probe.stderr).toBe(0);
    const probeShown = [probe.lines[1]!, probe.lines[0]!].map(productsOf).find((ps) => ps.length > 0)!.map((p) => p.id);
    const last = probeShown.length >= 2 ? 'compare the first two' : 'show more';

    const r = await jsonl([
      line('c1', 'u1', sofa),
      line('c2', 'u2', 'hi'),
      '',
      'this is not json',
      line('c1', 'u1', 'cheaper'),
      JSON.stringify({ conversation: 'c2', text: 'no user here' }),
      line('c2', 'u2', 'where is my order 10432?'),
      line('c1', 'u1', last),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/turn failed/);
    // One line per non-blank input line, in input order; the blank line still counts for line numbers.
    expect(r.lines.map((l) => l.error ? `error@${l.line}` : l.conversation)).toEqual(['c1', 'c2', 'error@4', 'c1', 'error@6', 'c2', 'c1']);
    const [search, hi, notJson, cheaper, noUser, order, final] = r.lines as [Line, Line, Line, Line, Line, Line, Line];

    for (const turn of [search, hi, cheaper, order, final]) {
      expect(Object.keys(turn).sort()).toEqual(['confidence', 'conversation', 'handoff', 'intent', 'replies', 'slots']);
      expect(turn.confidence).toBeGreaterThanOrEqual(0);
      expect(turn.confidence).toBeLessThanOrEqual(1);
      expect(turn.handoff).toBe(false);
      for (const p of productsOf(turn)) {
        expect({ id: p.id, title: p.title, price: p.price }).toEqual({ id: p.id, title: catalog.get(p.id)?.title, price: catalog.get(p.id)?.price });
      }
    }
    expect(notJson).toEqual({ line: 4, error: { code: 'BAD_INPUT', message: expect.stringContaining('line 4 is not JSON') } });
    expect(noUser).toEqual({ line: 6, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^line 6: user/) } });

    expect(search.intent).toBe('product_search');
    expect(search.slots).toMatchObject({ filters: { priceMax: 900 } });
    expect(productsOf(search).length).toBeGreaterThan(0);
    expect(productsOf(search).every((p) => p.price! <= 900)).toBe(true);

    expect(hi.intent).toBe('greeting');
    expect(productsOf(hi)).toEqual([]);

    // "cheaper" refines c1's sofa search, not c2's greeting in between.
    expect(cheaper.intent).toBe('refine_results');
    // The search is quoted as the words it ranks by; the budget reads back among the filters.
    expect(textOf(cheaper)).toContain('"a blue linen sofa"');
    const cap = median(productsOf(search).map((p) => p.price!));
    expect(productsOf(cheaper).every((p) => p.price! <= cap)).toBe(true);
    const shown = (productsOf(cheaper).length ? productsOf(cheaper) : productsOf(search)).map((p) => p.id);
    expect(shown).toEqual(probeShown);

    expect(order.intent).toBe('order_status');
    expect(order.slots).toMatchObject({ orderNumbers: ['10432'] });
    expect(textOf(order)).toContain('order 10432');

    if (last === 'compare the first two') {
      expect(final.intent).toBe('compare_products');
      expect(final.replies.find((x) => x.comparison)?.comparison?.products.map((p) => p.id)).toEqual(shown.slice(0, 2));
    } else {
      expect(final.intent).toBe('show_more');
      expect(productsOf(final).filter((p) => shown.includes(p.id))).toEqual([]);
    }
  });

  it('talks in the terminal: a prompt, the reply, numbered product lines, and /quit leaves', async () => {
    const r = await chat([], 'lamps\n/quit\nthanks, that is all\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('you> ');
    expect(r.stdout).toMatch(/aisle> Here is what I found for "lamps"/);
    const items = [...r.stdout.matchAll(/^ {2}(\d+)\. (.+?) — \$([\d,]+\.\d{2}).*\[(\w+)\]$/gm)];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((m) => Number(m[1]))).toEqual(items.map((_, i) => i + 1));
    for (const [, , title, price, id] of items) {
      expect({ title, price: Number(price!.replace(/,/g, '')) }).toEqual({ title: catalog.get(id!)?.title, price: catalog.get(id!)?.price });
    }
    expect(r.stdout).not.toMatch(/Thanks for stopping by/); // said after /quit: never read
  });

  it('--jsonl ends a line only at \\n: a raw carriage return inside a line gives one line out, not two', async () => {
    // JSON allows \r between tokens, and Windows tools write \r\n; readline used to end a line at a lone \r too.
    // A raw \r inside a string is not JSON: that line gets its one error line.
    const input = ['{"conversation":"cr","user":"u1",\r"text":"hi"}', '{"conversation":"cr","user":"u1","text":"a\rb"}', line('cr', 'u1', 'desk lamps')];
    const r = await chat(['--jsonl'], input.join('\r\n') + '\r\n');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => (l.error ? `error@${l.line}` : l.conversation))).toEqual(['cr', 'error@2', 'cr']);
  });

  it('--help lists --jsonl', async () => {
    const r = await runCli(['chat', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('aisle chat --jsonl [options]');
    expect(r.stdout).toMatch(/^ +--jsonl\s+scripting mode/m);
  });
});

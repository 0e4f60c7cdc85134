import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUtterances } from '../../../training/intents/utterances.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-utterances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function jsonl(lines: string[]): string {
  const file = path.join(dir, `u${files++}.jsonl`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('readUtterances', () => {
  it('reads each labelled line, context optional, blank lines skipped', () => {
    const file = jsonl([
      '{"text":"a blue sofa","intent":"product_search"}',
      '',
      '{"text":"cheaper","intent":"refine_results","context":{"previous":"a blue sofa","results":true}}',
      '   ',
    ]);
    expect(readUtterances(file)).toEqual([
      { text: 'a blue sofa', intent: 'product_search', context: {} },
      { text: 'cheaper', intent: 'refine_results', context: { previous: 'a blue sofa', results: true } },
    ]);
  });

  it('refuses a file with a broken line, naming its line number', () => {
    const file = jsonl(['{"text":"hi","intent":"greeting"}', '{"text":"bye","intent":', '{"text":"thanks","intent":"thanks_goodbye"}']);
    expect(() => readUtterances(file)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/1 bad line[\s\S]*line 2:/) }));
  });

  it('refuses an intent the classifier does not know', () => {
    const file = jsonl(['{"text":"hi","intent":"greeting"}', '{"text":"sell me a boat","intent":"buy_boat"}']);
    expect(() => readUtterances(file)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/line 2: intent: unknown intent/) }));
  });

  it('reports every bad line, not only the first', () => {
    const file = jsonl([
      '{"text":"","intent":"greeting"}',
      '{"text":"hi","intent":"greeting","extra":1}',
      '{"text":"ok","intent":"greeting","context":{"mood":"happy"}}',
      '{"text":"fine","intent":"greeting"}',
    ]);
    let message = '';
    try { readUtterances(file); } catch (err) { message = (err as Error).message; }
    expect(message).toContain('3 bad line(s)');
    expect(message.match(/^line \d+:/gm)).toEqual(['line 1:', 'line 2:', 'line 3:']);
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/cli/read-lines.ts';

async function linesOf(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('ends lines at \\n and \\r\\n only: a lone \\r stays inside its line', async () => {
    expect(await linesOf(['{"text":"a\rb"}\n', 'second\r\n', 'last'])).toEqual(['{"text":"a\rb"}', 'second', 'last']);
  });

  it('joins lines and multi-byte characters split across chunks', async () => {
    const euro = Buffer.from('€');
    expect(await linesOf([Buffer.from('pri'), Buffer.concat([Buffer.from('ce '), euro.subarray(0, 1)]), euro.subarray(1), Buffer.from('5\r'), Buffer.from('\nnext\n')]))
      .toEqual(['price €5', 'next']);
  });

  it('keeps blank lines, so callers can number their input', async () => {
    expect(await linesOf(['a\n\nb\n'])).toEqual(['a', '', 'b']);
  });
});

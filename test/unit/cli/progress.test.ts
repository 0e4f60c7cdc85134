import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, duration } from '../../../src/cli/progress.ts';

/** A progress line writer on a fake clock; `tty` picks the redrawn bar over log lines. */
function run(steps: Array<[seconds: number, done: number]>, total: number, tty = false): string {
  const stream = Object.assign(new PassThrough(), { isTTY: tty });
  let clock = 0;
  const progress = createProgress('embedding', stream, () => clock * 1000);
  for (const [seconds, done] of steps) {
    clock = seconds;
    progress.update(done, total);
  }
  return String(stream.read() ?? '');
}

describe('progress lines', () => {
  it('say the count, the rate and about how long is left', () => {
    expect(run([[32, 8000]], 20_000)).toBe('embedding 8,000/20,000 (250/s, about 48 s left)\n');
    expect(run([[10, 1000]], 20_000)).toBe('embedding 1,000/20,000 (100/s, about 3 min left)\n');
  });

  it('on a log, write the first batch, then one line per tenth, and end with the total time', () => {
    const steps = Array.from({ length: 40 }, (_, i): [number, number] => [(i + 1) * 2, (i + 1) * 500]);
    const lines = run(steps, 20_000).trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 2)).toEqual(['embedding 500/20,000 (250/s, about 78 s left)', 'embedding 2,000/20,000 (250/s, about 72 s left)']);
    expect(lines.at(-1)).toBe('embedding 20,000/20,000 (250/s, done in 80 s)');
  });

  it('on a terminal, redraw one bar in place and end the line when done', () => {
    const out = run([[4, 1000], [8, 2000]], 2000, true);
    expect(out).toBe(
      `\rembedding 1,000/2,000 (250/s, about 4 s left) [${'#'.repeat(15)}${'.'.repeat(15)}]   ` +
      `\rembedding 2,000/2,000 (250/s, done in 8 s) [${'#'.repeat(30)}]   \n`);
  });

  it('rounds long waits to minutes, then hours', () => {
    expect([duration(0.2), duration(89), duration(95), duration(89 * 60), duration(125 * 60)]).toEqual(['1 s', '89 s', '2 min', '89 min', '2 h 5 min']);
  });
});

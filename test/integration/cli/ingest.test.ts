import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../../support/run-cli.ts';

/** `aisle ingest` on damaged files: what is stored, what is said, and the report left behind. */
describe('aisle ingest on damaged files', () => {
  const home = tempHome();
  const cli = (...args: string[]) => runCli([...args, '--home', home]);
  const reportFor = (file: string) => {
    const name = readdirSync(path.join(home, 'reports')).find((f) => f.startsWith('ingest-') && f.endsWith(`-${file}.json`));
    return name === undefined ? undefined : JSON.parse(readFileSync(path.join(home, 'reports', name), 'utf8'));
  };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('writes the report and sums up the reasons even when every row fails', async () => {
    const file = path.join(home, 'all-bad.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `P${i},Lamp ${i},${i % 3 === 0 ? '' : 'abc'}`).map((r, i) => (i % 3 === 0 ? r.replace(/^P\d+/, '') : r));
    writeFileSync(file, ['id,title,price', ...rows].join('\n'));
    const r = await cli('ingest', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('No product in the file could be read (30 rows rejected');
    expect(r.stdout).toContain('0 products accepted, 30 rows rejected');
    expect(r.stdout).toContain('Nothing was stored.');
    expect(r.stdout).toContain('20 rows (lines 3, 4, 6, 7, 9 and 15 more), e.g. line 3: price "abc" is not a number (column "price")');
    expect(r.stdout).toContain('10 rows (lines 2, 5, 8, 11, 14 and 5 more), e.g. line 2: missing id: column "id" is empty');
    const report = reportFor('all-bad.csv');
    expect(report).toMatchObject({ kind: 'refused', accepted: 0, reasons: [{ count: 20 }, { count: 10 }] });
    expect(report.rejected).toHaveLength(30);
  });

  it('stores the good rows of a file with a deep row, bytes that are not UTF-8 and an over-long description', async () => {
    const file = path.join(home, 'mixed.jsonl');
    writeFileSync(file, Buffer.concat([
      Buffer.from('{"id":"A","title":"Brass lamp","price":40}\n'),
      Buffer.from(`{"id":"D","title":"Deep","x":${'['.repeat(5000)}${']'.repeat(5000)}}\n`),
      Buffer.from('{"id":"C","title":"Caf'), Buffer.from([0xe9]), Buffer.from(' mug","price":9}\n'),
      Buffer.from(`{"id":"L","title":"Long story","description":"${'word '.repeat(5000)}"}\n`),
    ]));
    const r = await cli('ingest', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 products accepted, 2 rows rejected, 1 cut to the size limits');
    expect(r.stdout).toMatch(/line 2: values nested more than 32 levels deep/);
    expect(r.stdout).toMatch(/line 3: invalid UTF-8/);
    expect(reportFor('mixed.jsonl')).toMatchObject({
      kind: 'stored', trimmed: [{ line: 4, reason: 'description cut from 24,999 to 20,000 characters' }],
    });
  });
});

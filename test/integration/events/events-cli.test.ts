import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';
import type { BehaviourEvent } from '../../../src/storage/event-log.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';

/** `aisle events import | export | simulate` on a small lexical demo store (SQLite). */
describe('aisle events', () => {
  const home = tempHome();
  const common = ['--home', home, '--model', 'none'];
  const cli = (...args: string[]) => runCli([...args, ...common]);
  const file = (name: string, text?: string) => {
    const p = path.join(home, name);
    if (text !== undefined) writeFileSync(p, text);
    return p;
  };

  async function allEvents(): Promise<BehaviourEvent[]> {
    const log = openSqliteEventLog(path.join(home, 'conversations.db'));
    try {
      const events: BehaviourEvent[] = [];
      let after: string | undefined;
      do {
        const page = await log.scan({}, { after, size: 20_000 });
        events.push(...page.events);
        after = page.next;
      } while (after);
      return events;
    } finally {
      await log.close();
    }
  }

  beforeAll(async () => {
    const demo = await cli('demo', '--products', '300', '--shoppers', '0');
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('imports a file, listing refused rows by line and column; a file with no good row stores nothing, exit 2', async () => {
    const good = await cli('events', 'import', file('history.csv', 'user_id,product_id,event,timestamp\nu1,P000001,view,2026-03-01T10:00:00Z\nu1,P000001,gift,2026-03-01T10:00:00Z\nu2,NOT-IN-CATALOG,buy,2026-03-02\n'));
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^Imported .*history\.csv: 2 events \(channel "import"\), 1 rows refused/);
    expect(good.stdout).toContain('line 3, event: "gift" is not an event Aisle reads');
    const bad = await cli('events', 'import', file('bad.jsonl', '{"user_id":"u3"}\nnope\n'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 1, product_id: empty');
    expect(bad.stderr).toMatch(/bad\.jsonl: no event could be read \(2 rows refused\); nothing was stored/);
    expect((await allEvents()).map((e) => [e.user, e.product, e.kind])).toEqual([['u1', 'P000001', 'detail_view'], ['u2', 'NOT-IN-CATALOG', 'purchase']]);
  });

  it('exports what it imported, to stdout or --out, and the file imports again unchanged', async () => {
    const csv = await cli('events', 'export', '--from', '2026-03-02');
    expect(csv.stdout).toBe('user_id,product_id,event,timestamp,query,position,session\nu2,NOT-IN-CATALOG,purchase,2026-03-02T00:00:00.000Z,,,\n');
    const out = file('export.jsonl');
    expect((await cli('events', 'export', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).event)).toEqual(['detail_view', 'purchase']);
    const other = tempHome();
    try {
      expect((await runCli(['events', 'import', out, '--home', other])).code).toBe(0);
      expect((await runCli(['events', 'export', '--home', other, '--format', 'jsonl'])).stdout).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('simulates shoppers into the log and a public-style file, deterministically, replacing earlier simulated shoppers', async () => {
    const out = file('public.csv');
    const args = ['events', 'simulate', '--shoppers', '40', '--days', '12', '--seed', '5', '--end', '2026-04-01', '--out', out, '--json'];
    const first = await cli(...args);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ shoppers: 40, seed: 5, from: '2026-03-20T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', replaced: 0 });
    const simulated = (await allEvents()).filter((e) => e.channel === 'simulator');
    expect(simulated).toHaveLength(summary.events);
    expect(simulated.filter((e) => e.kind === 'impression').every((e) => e.query && e.position! >= 1 && e.position! <= 24)).toBe(true);
    const publicLog = readFileSync(out, 'utf8');
    expect(publicLog.split('\n')[0]).toBe('user_id,product_id,event,timestamp');
    expect(publicLog.split('\n').length).toBeGreaterThan(20);
    const again = JSON.parse((await cli(...args)).stdout);
    expect(again).toMatchObject({ events: summary.events, replaced: summary.events });
    expect((await allEvents()).filter((e) => e.channel === 'simulator')).toEqual(simulated.map((e) => expect.objectContaining({ ...e })));
    expect(readFileSync(out, 'utf8')).toBe(publicLog);
    expect((await allEvents()).filter((e) => e.channel === 'import')).toHaveLength(2);
  });

  it('gives the demo store a simulated history by default (products / 25 shoppers, at least 10)', async () => {
    const other = tempHome();
    try {
      const demo = await runCli(['demo', '--products', '200', '--days', '5', '--home', other, '--model', 'none', '--json']);
      expect(demo.code, demo.stderr).toBe(0);
      const history = JSON.parse(demo.stdout).history;
      expect(history).toMatchObject({ shoppers: 10, days: 5 });
      expect(history.events).toBeGreaterThan(20);
      const exported = (await runCli(['events', 'export', '--home', other])).stdout.trim().split('\n');
      expect(exported).toHaveLength(history.events + 1);
      expect(exported.slice(1).every((line) => line.startsWith('sim:'))).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('imports 200,000 events in well under a minute', async () => {
    const kinds = ['impression', 'click', 'view', 'cart', 'purchase'];
    const rows = Array.from({ length: 200_000 }, (_, i) => `u${i % 20_000},P${(i * 7) % 5000},${kinds[i % 5]},${new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()}`);
    const big = file('big.csv', `user_id,product_id,event,timestamp\n${rows.join('\n')}\n`);
    const started = performance.now();
    const r = await cli('events', 'import', big, '--json');
    const seconds = (performance.now() - started) / 1000;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: 200_000, rejected: 0 });
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});

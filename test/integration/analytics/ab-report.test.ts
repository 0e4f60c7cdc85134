import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbComparison } from '../../../src/analytics/ab-comparison.ts';
import { differenceInterval, wilson } from '../../../src/analytics/intervals.ts';
import { buildReport, type Report } from '../../../src/analytics/report.ts';
import { rerankArm } from '../../../src/rerank/ab-split.ts';
import type { EventLog, NewEvent } from '../../../src/storage/event-log.ts';
import { openSqliteEventLog } from '../../../src/storage/sqlite-event-log.ts';
import { runCli } from '../../support/run-cli.ts';

const SHARE = 0.5;
const T0 = Date.parse('2026-10-01T09:00:00Z');
const NO_TURNS = { scanTurns: async () => ({ turns: [] }) };

/** `n` users of one arm under SHARE. */
function usersOf(arm: 'personalised' | 'control', n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) if (rerankArm(`shop:${i}`, SHARE) === arm) out.push(`shop:${i}`);
  return out;
}

/** One conversation per user: two products shown; the first `clicks` users click one, `carts` add it, `buys` buy it. */
function armEvents(users: string[], clicks: number, carts: number, buys: number, minute: number): NewEvent[] {
  return users.flatMap((user, i) => {
    const conversation = `c-${user}`;
    const at = (m: number) => new Date(T0 + (minute + i * 10 + m) * 60_000).toISOString();
    const e: NewEvent[] = [
      { user, conversation, product: 'p1', kind: 'impression', query: 'lamp', position: 1, channel: 'widget', at: at(0) },
      { user, conversation, product: 'p2', kind: 'impression', query: 'lamp', position: 2, channel: 'widget', at: at(0) },
    ];
    if (i < clicks) e.push({ user, conversation, product: 'p2', kind: 'click', channel: 'widget', at: at(1) });
    if (i < carts) e.push({ user, conversation, product: 'p2', kind: 'add_to_cart', channel: 'widget', at: at(2) });
    if (i < buys) e.push({ user, conversation, product: 'p2', kind: 'purchase', channel: 'widget', at: at(3) });
    return e;
  });
}

describe('aisle report: personalised against control', () => {
  let home: string;
  let log: EventLog;
  const personalised = usersOf('personalised', 40);
  const control = usersOf('control', 40);

  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'aisle-ab-'));
    log = openSqliteEventLog(path.join(home, 'conversations.db'));
    await log.append([
      ...armEvents(personalised, 30, 20, 10, 0),
      ...armEvents(control, 10, 5, 2, 1),
      // A click on a product the conversation never showed, and a click outside any conversation: neither counts.
      { user: control[30]!, conversation: `c-${control[30]}`, product: 'p9', kind: 'click', channel: 'widget', at: new Date(T0 + 3_000 * 60_000).toISOString() },
      { user: control[31]!, product: 'p2', kind: 'click', channel: 'widget', at: new Date(T0 + 3_000 * 60_000).toISOString() },
    ]);
  });
  afterAll(async () => {
    await log?.close();
    rmSync(home, { recursive: true, force: true });
  });

  function expectComparison(ab: AbComparison | undefined): void {
    expect(ab?.conversations).toEqual({ personalised: 40, control: 40 });
    expect(ab!.clickThrough.personalised).toEqual({ count: 30, of: 40, rate: 0.75, effectiveOf: 40, ci95: wilson(30, 40) }); // one conversation a shopper: no clustering
    expect(ab!.clickThrough.control).toMatchObject({ count: 10, of: 40, rate: 0.25 });
    expect(ab!.clickThrough.difference.value).toBeCloseTo(0.5, 12);
    expect(ab!.clickThrough.difference.ci95).toEqual(differenceInterval(30, 40, 10, 40));
    expect(ab!.clickThrough.difference.ci95!.low).toBeGreaterThan(0); // the model earns its place on clicks
    expect(ab!.addToCart.personalised.count).toBe(20);
    expect(ab!.addToCart.control.count).toBe(5);
    expect(ab!.conversion).toMatchObject({ source: 'purchase events', windowDays: 7 });
    expect(ab!.conversion.personalised).toMatchObject({ count: 10, of: 40 });
    expect(ab!.conversion.control).toMatchObject({ count: 2, of: 40 });
    // 10/40 vs 2/40: the interval of the difference is Newcombe's, and here it excludes 0 only narrowly.
    expect(ab!.conversion.difference.ci95).toEqual(differenceInterval(10, 40, 2, 40));
  }

  it('compares click-through, add-to-cart and conversion per group with 95% intervals', async () => {
    const report = await buildReport({ turns: NO_TURNS, events: log, arm: (u) => rerankArm(u, SHARE) });
    expectComparison(report.ab);
    expect((await buildReport({ turns: NO_TURNS, events: log })).ab).toBeUndefined();
  });

  it('prints the comparison from aisle report, with the split AISLE_RERANK_CONTROL_SHARE sets', async () => {
    const json = await runCli(['report', '--json', '--home', home, '--model', 'none'], { AISLE_RERANK_CONTROL_SHARE: String(SHARE) });
    expect(json.stderr).toBe('');
    expectComparison((JSON.parse(json.stdout) as Report).ab);
    const table = await runCli(['report', '--home', home, '--model', 'none'], { AISLE_RERANK_CONTROL_SHARE: String(SHARE) });
    expect(table.stdout).toMatch(/Personalised vs control\s+40 vs 40 conversations/);
    expect(table.stdout).toMatch(/Click-through\s+75\.0% \[\d+\.\d%, \d+\.\d%\]\s+25\.0% .* difference \+50\.0 pts \[\+\d/);
    const off = await runCli(['report', '--json', '--home', home, '--model', 'none'], { AISLE_RERANK: 'off' });
    expect((JSON.parse(off.stdout) as Report).ab).toBeUndefined();
  });
});

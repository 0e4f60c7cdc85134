import { describe, expect, it } from 'vitest';
import { startTurnLogRetention } from '../../../src/conversation/turn-log-retention.ts';
import { captureLog } from '../../support/log-capture.ts';

describe('startTurnLogRetention', () => {
  const now = Date.parse('2025-03-31T00:00:00Z');

  it('purges turns older than the retention period at start, and logs how many', async () => {
    const asked: Date[] = [];
    const { log, lines } = captureLog();
    const retention = startTurnLogRetention({ purgeTurns: async (before) => (asked.push(before), 7) }, 30, log, { now: () => now });
    await retention.firstSweep;
    retention.stop();
    expect(asked.map((d) => d.toISOString())).toEqual(['2025-03-01T00:00:00.000Z']);
    expect(lines[0]).toMatchObject({ msg: 'turn log purged', deleted: 7, retentionDays: 30 });
  });

  it('keeps sweeping after a failed sweep', async () => {
    const { log, lines } = captureLog();
    let calls = 0;
    const retention = startTurnLogRetention({ purgeTurns: async () => { calls++; throw new Error('database down'); } }, 1, log, { everyMs: 5 });
    await retention.firstSweep;
    await new Promise((resolve) => setTimeout(resolve, 30));
    retention.stop();
    expect(calls).toBeGreaterThan(1);
    expect(lines[0]).toMatchObject({ level: 'warn', err: { message: 'database down' } });
  });

  it('never purges, at start or later, when retention is 0 (keep forever)', async () => {
    const { log, lines } = captureLog();
    let calls = 0;
    const off = startTurnLogRetention({ purgeTurns: async () => (calls++, 0) }, 0, log, { everyMs: 5 });
    await off.firstSweep;
    await new Promise((resolve) => setTimeout(resolve, 30));
    off.stop();
    expect(calls).toBe(0);
    expect(lines).toEqual([]);
  });
});

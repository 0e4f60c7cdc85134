import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdminView } from '../../../src/agent-console/console-admin.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { openEventLog } from '../../../src/storage/open-event-log.ts';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openConsole, signIn } from './console-fixture.ts';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A turn the bot could not answer, logged as if at `at`. */
async function unansweredAt(store: ConversationStore, at: Date, conversation: string, text: string): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    await store.runTurn({ conversation, user: `anon:${conversation}`, channel: 'cli' }, async ({ profile }) => ({
      commit: { state: {}, profile, log: { text, action: null, intent: 'contact_support', confidence: 0.9, slots: {}, shown: [], reply: 'A person from our team can help.', outcome: { offeredPerson: true } } },
      result: undefined,
    }));
  } finally {
    vi.useRealTimers();
  }
}

describe('agent console admin page: a period (from/to, the last 30 days by default)', () => {
  let home: string;
  let turns: ConversationStore;
  let events: EventLog;
  let console_: Awaited<ReturnType<typeof openConsole>>;
  const old = Date.now() - 60 * DAY_MS;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'aisle-admin-period-'));
    turns = await openConversationStore(`sqlite:${join(home, 'conversations.db')}`, home);
    events = await openEventLog(`sqlite:${join(home, 'conversations.db')}`, home);
    await unansweredAt(turns, new Date(old), 'old-1', 'do you ship to Iceland?');
    await unansweredAt(turns, new Date(Date.now() - 2 * DAY_MS), 'new-1', 'do you offer gift wrapping?');
    console_ = await openConsole({ admin: { sources: { turns, events }, home } });
  });
  afterAll(async () => {
    await console_?.close();
    await events?.close();
    await turns?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('counts only the last 30 days unless asked, and exactly the days asked for when given', async () => {
    const ada = await signIn(console_.base, 'ada@shop.test');
    const recent = await (await ada.call('/api/admin')).json() as AdminView;
    expect(recent.range).toEqual({ fromDay: day(Date.now() - 29 * DAY_MS), toDay: day(Date.now()) });
    expect(recent.report.conversations).toBe(1);
    expect(recent.groups.map((g) => g.representative)).toEqual([expect.stringMatching(/gift wrapping/)]);

    const then = await (await ada.call(`/api/admin?from=${day(old - DAY_MS)}&to=${day(old)}`)).json() as AdminView;
    expect(then.report.conversations).toBe(1);
    expect(then.groups.map((g) => g.representative)).toEqual([expect.stringMatching(/Iceland/)]);
    const both = await (await ada.call(`/api/admin?from=${day(old)}`)).json() as AdminView;
    expect(both.groups).toHaveLength(2);
  });

  it('shows the period as a date form on the page, the figures for it, and refuses a bad date with what to send', async () => {
    const ada = await signIn(console_.base, 'ada@shop.test');
    const page = await (await fetch(`${console_.base}/agent/admin?from=${day(old)}&to=${day(old)}`, { headers: { Cookie: ada.session! } })).text();
    expect(page).toMatch(new RegExp(`<input type="date" name="from" value="${day(old)}" required>`));
    expect(page).toMatch(new RegExp(`<input type="date" name="to" value="${day(old)}" required>`));
    expect(page).toContain('Iceland');
    expect(page).not.toContain('gift wrapping');
    const bad = await ada.call('/api/admin?from=last-week');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/"from" must be a date as YYYY-MM-DD/) });
    const reversed = await ada.call(`/api/admin?from=${day(Date.now())}&to=${day(old)}`);
    expect(reversed.status).toBe(400);
  });
});

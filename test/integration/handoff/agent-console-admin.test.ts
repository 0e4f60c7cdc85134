import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdminView } from '../../../src/agent-console/console-admin.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { openEventLog } from '../../../src/storage/open-event-log.ts';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openHelpDesk } from '../../../src/support/open-help-desk.ts';
import { runCli } from '../../support/run-cli.ts';
import { openConsole, signIn } from './console-fixture.ts';

const AGENT_REPLY = 'Yes: gift wrapping costs £3 and you choose it at checkout.';

/** A turn the bot could not answer, as the engine logs it: a service question met by "a person can help". */
async function unanswered(store: ConversationStore, conversation: string, text: string): Promise<void> {
  await store.runTurn({ conversation, user: `anon:${conversation}`, channel: 'cli' }, async ({ profile }) => ({
    commit: { state: {}, profile, log: { text, action: null, intent: 'contact_support', confidence: 0.9, slots: {}, shown: [], reply: "I don't have that information. A person from our team can help.", outcome: { offeredPerson: true } } },
    result: undefined,
  }));
}

describe('agent console admin page: unanswered questions become FAQ entries; the report with a chart', () => {
  let home: string;
  let turns: ConversationStore;
  let events: EventLog;
  let console_: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'aisle-admin-'));
    turns = await openConversationStore(`sqlite:${join(home, 'conversations.db')}`, home);
    events = await openEventLog(`sqlite:${join(home, 'conversations.db')}`, home);
    await unanswered(turns, 'c1', 'do you offer gift wrapping?');
    await unanswered(turns, 'c2', 'is gift wrapping available?');
    await unanswered(turns, 'c3', 'can I pay <script>alert(1)</script> in bitcoin?');
    console_ = await openConsole({ admin: { sources: { turns, events }, home } });
    // c1 was handed over and an agent answered it.
    const handoff = await console_.queued('c1');
    const sam = await signIn(console_.base, 'sam@shop.test');
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(200);
    expect((await sam.call(`/api/handoffs/${handoff.id}/reply`, { body: { text: AGENT_REPLY } })).status).toBe(200);
  });
  afterAll(async () => {
    await console_?.close();
    await events?.close();
    await turns?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows an admin the groups with the agent\'s actual reply, and the report\'s figures with a labelled chart', async () => {
    const ada = await signIn(console_.base, 'ada@shop.test');
    const view = await (await ada.call('/api/admin')).json() as AdminView;
    expect(view.report.conversations).toBe(3);
    expect(view.groups.map((g) => g.count)).toEqual([2, 1]);
    expect(view.groups[0]).toMatchObject({ representative: expect.stringMatching(/gift wrapping/), agentReply: AGENT_REPLY, added: false });
    expect(view.groups[1]!.agentReply).toBeNull();
    const page = await (await fetch(`${console_.base}/agent/admin`, { headers: { Cookie: ada.session! } })).text();
    expect(page).toContain('Yes: gift wrapping costs £3');
    expect(page).toMatch(/<svg id="outcome-chart" role="img" aria-labelledby="chart-title chart-desc"/);
    expect(page).toMatch(/<desc id="chart-desc">Resolved without a person: 3 of 3; Handed to a person: 0 of 3;/);
    expect(page).toMatch(/<textarea name="answer"[^>]*>Yes: gift wrapping costs £3/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('refuses agents (403), and sends anyone without a session to sign in (page) or 401 (API)', async () => {
    const sam = await signIn(console_.base, 'sam@shop.test');
    expect((await sam.call('/api/admin')).status).toBe(403);
    expect((await sam.call('/api/admin/faq', { body: { question: 'q?', answer: 'a' } })).status).toBe(403);
    expect((await fetch(`${console_.base}/agent/admin`, { headers: { Cookie: sam.session! } })).status).toBe(403);
    const page = await fetch(`${console_.base}/agent/admin`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/agent/login']);
    expect((await fetch(`${console_.base}/agent/api/admin`)).status).toBe(401);
  });

  it('adds a group as an FAQ entry only with the CSRF token; kb list shows it and the help desk answers it within its reload', async () => {
    // Words only (no model, to stay fast): the next shopper asks in the group's own words.
    const desk = openHelpDesk(home, undefined);
    const turn = { kind: 'text' as const, text: 'do you offer gift wrapping?', understanding: { intent: 'contact_support' as const, confidence: 0.9, ranking: [], slots: {} } };
    expect(await desk(turn)).toBeUndefined();
    const ada = await signIn(console_.base, 'ada@shop.test');
    const entry = { question: 'Do you offer gift wrapping?', answer: AGENT_REPLY };
    expect((await ada.call('/api/admin/faq', { body: entry, csrf: null })).status).toBe(403);
    expect((await ada.call('/api/admin/faq', { body: entry, origin: 'https://evil.example' })).status).toBe(403);
    expect((await ada.call('/api/admin/faq', { body: { question: '', answer: 'x' } })).status).toBe(400);
    expect((await runCli(['kb', 'list', '--home', home])).stdout).not.toContain('gift wrapping');
    const added = await ada.call('/api/admin/faq', { body: { ...entry, url: '/help/gifts' } });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ url: '/help/gifts', replaced: false });
    expect((await runCli(['kb', 'list', '--home', home])).stdout).toMatch(/Do you offer gift wrapping\?.*\/help\/gifts/);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 5000);
      const reply = await desk(turn);
      expect(reply?.text).toContain('gift wrapping costs £3');
      expect(reply?.citations).toEqual([{ title: 'Do you offer gift wrapping?', url: '/help/gifts' }]);
    } finally {
      vi.useRealTimers();
    }
    const view = await (await ada.call('/api/admin')).json() as AdminView;
    expect(view.groups[0]!.added).toBe(true);
    expect(await (await fetch(`${console_.base}/agent/admin`, { headers: { Cookie: ada.session! } })).text()).toContain('Added to the help centre.');
  });
});

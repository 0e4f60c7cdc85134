import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWidgetService } from '../../../src/channels/widget-service.ts';
import { signShopperToken } from '../../../src/channels/widget-token.ts';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import type { EventLog } from '../../../src/storage/event-log.ts';
import { openHandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { openEventLog } from '../../../src/storage/open-event-log.ts';
import { openWidgetLog } from '../../../src/storage/open-widget-log.ts';
import type { WidgetLog } from '../../../src/storage/widget-log.ts';
import { createEchoEngine } from '../../support/echo-engine.ts';
import { runCli } from '../../support/run-cli.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const dir = mkdtempSync(path.join(os.tmpdir(), 'aisle-widget-merge-'));
const schemas = testSchemas();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await schemas.dropAll();
});

/** The three stores on one database, as `aisle serve` opens them. */
async function openStores(db: string) {
  const home = mkdtempSync(path.join(dir, 'home-'));
  const conversations = await openConversationStore(db, home);
  const widget = await openWidgetLog(db, home);
  const events = await openEventLog(db, home);
  const handoffs = await openHandoffStore(db, home);
  const close = async () => { await handoffs.close(); await events.close(); await widget.close(); await conversations.close(); };
  return { home, db, conversations, widget, events, handoffs, close };
}

/** What an anonymous widget shopper leaves behind after one search turn. */
async function anonymousHistory(s: { conversations: ConversationStore; widget: WidgetLog; events: EventLog }, shopper: string, conversation: string) {
  const user = `anon:${shopper}`;
  await s.widget.logMessage(conversation, user, 'client-00000001', { text: 'sofas' });
  await s.conversations.runTurn({ conversation: `widget:${conversation}`, user, channel: 'widget' }, async (current) => ({
    commit: { state: { step: 1 }, profile: { ...current.profile, viewed: ['sofa-1'], turns: current.profile.turns + 1, updatedAt: new Date().toISOString() },
      log: { text: 'sofas', action: null, intent: 'product_search', confidence: 1, slots: {}, shown: ['sofa-1'], reply: 'Here are sofas' } },
    result: undefined,
  }));
  await s.widget.logReplies(conversation, user, [{ text: 'Here are sofas' }]);
  await s.events.append([{ user, product: 'sofa-1', kind: 'impression', position: 1, query: 'sofas', channel: 'widget', conversation: `widget:${conversation}` }]);
}

describe.each([
  ['SQLite', () => ''],
  ['PostgreSQL', () => `${TEST_PG_URL}?schema=${schemas.newSchema()}`],
])('signing in merges the anonymous widget shopper (%s)', (_name, database) => {
  it('moves profile, conversations, widget history and events to the signed-in shopper, once, and resumes the conversation', async () => {
    const s = await openStores(database());
    try {
      await anonymousHistory(s, 'browser-00000001', 'conversation-0001');
      const service = createWidgetService({ engine: createEchoEngine(), log: s.widget, secret: SECRET, events: s.events, conversations: s.conversations });
      const token = signShopperToken(SECRET, 'customer-9', Math.floor(Date.now() / 1000) + 600);
      const hello = { shopper: 'browser-00000001', conversation: 'conversation-0001', token };

      expect(await service.open(hello)).toEqual({ conversation: 'conversation-0001', shopper: 'browser-00000001', user: 'shop:customer-9', signedIn: true });
      expect(await s.conversations.profile('anon:browser-00000001')).toBeUndefined();
      expect(await s.conversations.profile('shop:customer-9')).toMatchObject({ viewed: ['sofa-1'], turns: 1 });
      expect(await s.conversations.conversation('widget:conversation-0001')).toMatchObject({ user: 'shop:customer-9', state: { step: 1 } });
      expect(await s.widget.owner('conversation-0001')).toBe('shop:customer-9');
      expect(await s.events.read({ user: 'anon:browser-00000001' })).toEqual([]);
      expect(await s.events.read({ user: 'shop:customer-9' })).toHaveLength(1);

      // Again (another tab, a reload): nothing left to merge, nothing doubled.
      await service.open(hello);
      expect(await s.conversations.profile('shop:customer-9')).toMatchObject({ turns: 1 });
      // Signed out again, the browser's anonymous id stands for nobody: its old conversation is not theirs to resume.
      const anonymous = await service.open({ shopper: 'browser-00000001', conversation: 'conversation-0001' });
      expect(anonymous.conversation).not.toBe('conversation-0001');
    } finally {
      await s.close();
    }
  });

  it("moves the anonymous shopper's handoffs, their messages and tickets too, so `aisle users forget` then deletes them", async () => {
    const s = await openStores(database());
    try {
      await anonymousHistory(s, 'browser-00000002', 'conversation-0002');
      const anon = 'anon:browser-00000002';
      const { handoff } = await s.handoffs.queue.open({ conversation: 'widget:conversation-0002', user: anon, channel: 'widget', reason: 'requested',
        summary: 'Wants a sofa delivered to 1 Main St.', headline: 'Asked for a person', context: { search: 'sofas', shown: ['sofa-1'], cart: [] } });
      await s.handoffs.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text: 'my address is 1 Main St', delivered: true });
      await s.handoffs.queue.draftTicket({ conversation: 'widget:conversation-0002', user: anon, channel: 'widget', reason: 'requested', summary: 's' });
      const service = createWidgetService({ engine: createEchoEngine(), log: s.widget, secret: SECRET, events: s.events, conversations: s.conversations,
        handoffs: s.handoffs.queue });
      const token = signShopperToken(SECRET, 'customer-11', Math.floor(Date.now() / 1000) + 600);
      await service.open({ shopper: 'browser-00000002', conversation: 'conversation-0002', token });
      expect(await s.handoffs.queue.get(handoff.id)).toMatchObject({ user: 'shop:customer-11' });

      const forgot = await runCli(['users', 'forget', 'shop:customer-11', '--home', s.home, ...(s.db ? ['--db', s.db] : [])]);
      expect(forgot.code, forgot.stderr).toBe(0);
      expect(await s.handoffs.queue.get(handoff.id)).toBeUndefined();
      expect(await s.handoffs.queue.messages(handoff.id)).toEqual([]);
      expect(await s.handoffs.queue.draft('widget:conversation-0002')).toBeUndefined();
      // Nothing left under the anonymous id either.
      expect(await s.handoffs.queue.forgetUser(anon)).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('merges nothing for a token without an anonymous id, or an anonymous id without history', async () => {
    const s = await openStores(database());
    try {
      const service = createWidgetService({ engine: createEchoEngine(), log: s.widget, secret: SECRET, events: s.events, conversations: s.conversations });
      const token = signShopperToken(SECRET, 'customer-10', Math.floor(Date.now() / 1000) + 600);
      expect((await service.open({ token })).user).toBe('shop:customer-10');
      expect((await service.open({ token, shopper: 'browser-never-seen' })).user).toBe('shop:customer-10');
      expect(await s.conversations.profile('shop:customer-10')).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

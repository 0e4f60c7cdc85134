import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../../src/storage/conversation-store.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { openEventLog } from '../../../src/storage/open-event-log.ts';
import { openOrderStore } from '../../../src/storage/open-order-store.ts';
import { anOrder } from '../../support/order-fixture.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';

/** One logged turn for `user` in `conversation`. */
function say(store: ConversationStore, conversation: string, user: string, text: string): Promise<void> {
  return store.runTurn({ conversation, user, channel: 'webchat' }, async (current) => ({
    commit: { state: {}, profile: { ...current.profile, turns: current.profile.turns + 1 },
      log: { text, action: null, intent: 'greeting', confidence: 1, slots: {}, shown: [], reply: 'Hello' } },
    result: undefined,
  }));
}

async function seed(db: string, home: string): Promise<void> {
  const store = await openConversationStore(db, home);
  await say(store, 'c1', 'shopper-1', 'hi');
  await say(store, 'c1', 'shopper-1', 'sofas');
  await say(store, 'c2', 'shopper-1', 'hello');
  await say(store, 'c3', 'shopper-2', 'lamps');
  await store.close();
  const events = await openEventLog(db, home);
  const old = new Date(Date.now() - 400 * 24 * 3600 * 1000);
  await events.append([
    { user: 'shopper-1', product: 'p1', kind: 'impression', query: 'sofas', position: 1, channel: 'webchat', conversation: 'c1' },
    { user: 'shopper-1', product: 'p1', kind: 'click', channel: 'webchat', conversation: 'c1' },
    { user: 'shopper-2', product: 'p2', kind: 'impression', channel: 'webchat', conversation: 'c3', at: old },
  ]);
  await events.close();
  const orders = await openOrderStore(db, home);
  await orders.upsert([anOrder('10401')]);
  await orders.audit({ actor: 'shopper-1', conversation: 'c1', ip: '203.0.113.9', action: 'verify', order: '10401', outcome: 'ok' });
  await orders.audit({ actor: 'shopper-2', conversation: 'c3', action: 'lookup', order: '10401', outcome: 'ok' });
  await orders.close();
}

describe('aisle users forget', () => {
  const homes: string[] = [];
  const { newSchema, dropAll } = testSchemas();
  afterAll(async () => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
    await dropAll();
  });
  const home = () => {
    const dir = tempHome();
    homes.push(dir);
    return dir;
  };

  for (const backend of ['SQLite', 'PostgreSQL'] as const) {
    it(`deletes a shopper's profile, conversations and logged turns in ${backend}, and says how many`, async () => {
      const dir = home();
      const db = backend === 'SQLite' ? '' : `${TEST_PG_URL}?schema=${newSchema()}`;
      await seed(db, dir);
      const forgot = await runCli(['users', 'forget', 'shopper-1', '--home', dir, ...(db ? ['--db', db] : [])]);
      expect(forgot.code, forgot.stderr).toBe(0);
      expect(forgot.stdout.trim().split('\n')).toEqual([
        'Forgot shopper-1: deleted 1 profile, 2 conversations, 3 logged turns, 2 events; unlinked 1 order audit row (orders are business records and stay).',
        'The personalised reranker holds no per-shopper state (its learned ids are products\'); their events no longer reach the next `aisle train reranker`.',
      ]);

      const again = await runCli(['users', 'forget', 'shopper-1', '--json', '--home', dir, ...(db ? ['--db', db] : [])]);
      expect(JSON.parse(again.stdout)).toEqual({ user: 'shopper-1', deleted: { profiles: 0, conversations: 0, turns: 0, events: 0 }, unlinked: { orderAuditRows: 0 } });

      const store = await openConversationStore(db, dir);
      expect(await store.profile('shopper-1')).toBeUndefined();
      expect(await store.turns('c1')).toEqual([]);
      expect(await store.turns('c3')).toHaveLength(1);
      await store.close();
      const events = await openEventLog(db, dir);
      expect(await events.read({ user: 'shopper-1' })).toEqual([]);
      expect(await events.read({ user: 'shopper-2' })).toHaveLength(1);
      await events.close();
      // The order and what was done to it stay; who did it, where from and in which conversation go.
      const orders = await openOrderStore(db, dir);
      expect((await orders.get('10401'))?.order.number).toBe('10401');
      expect((await orders.auditTrail({ order: '10401' })).map((a) => [a.actor, a.conversation, a.ip])).toEqual([['shopper-2', 'c3', undefined], ['forgotten', undefined, undefined]]);
      await orders.close();
    });
  }

  it('finds nothing to forget in a home without conversations, and creates no store there', async () => {
    const dir = home();
    const forgot = await runCli(['users', 'forget', 'someone', '--home', dir]);
    expect(forgot.code, forgot.stderr).toBe(0);
    expect(forgot.stdout).toContain('deleted 0 profiles, 0 conversations, 0 logged turns, 0 events');
    expect(existsSync(path.join(dir, 'conversations.db'))).toBe(false);
  });

  it('refuses a PostgreSQL schema without a conversation store (a misspelt ?schema=) and creates nothing there', async () => {
    const dir = home();
    const schema = newSchema();
    const db = `${TEST_PG_URL}?schema=${schema}`;
    for (const action of [['forget', 'shopper-1'], ['purge']]) {
      const result = await runCli(['users', ...action, '--home', dir, '--db', db], { AISLE_TURN_LOG_RETENTION_DAYS: '30' });
      expect(result.code, result.stdout).toBe(1);
      expect(result.stderr).toContain(`No conversation store in PostgreSQL schema "${schema}"`);
    }
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      expect(found.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('purges turn logs and events past their own retention periods on demand, and explains its usage', async () => {
    const dir = home();
    await seed('', dir);
    const kept = await runCli(['users', 'purge', '--json', '--home', dir], { AISLE_TURN_LOG_RETENTION_DAYS: '30' });
    expect(JSON.parse(kept.stdout).deleted).toEqual({ turns: 0, events: 1 }); // the 400-day-old event, past the default 180
    const forever = await runCli(['users', 'purge', '--home', dir], { AISLE_TURN_LOG_RETENTION_DAYS: '30', AISLE_EVENT_RETENTION_DAYS: '0' });
    expect(forever.stdout).toMatch(/^Deleted 0 logged turns from before .* \(30-day retention\); no events \(kept forever\)\.$/m);
    const neither = await runCli(['users', 'purge', '--home', dir], { AISLE_TURN_LOG_RETENTION_DAYS: '0', AISLE_EVENT_RETENTION_DAYS: '0' });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('AISLE_EVENT_RETENTION_DAYS');

    const wrong = await runCli(['users', 'forget', '--home', dir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('aisle users forget USER_ID');
  });
});

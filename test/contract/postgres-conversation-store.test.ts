import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresCatalogStore } from '../../src/storage/postgres-catalog-store.ts';
import { conversationLockKey, openPostgresConversationStore } from '../../src/storage/postgres-conversation-store.ts';
import { conversationStoreContract } from './conversation-store.contract.ts';
import { turnScanContract } from './turn-scan.contract.ts';
import { expectUnreachableReported, TEST_PG_URL, testSchemas, UNREACHABLE_PG_URL } from '../support/test-postgres.ts';
import { product } from './product-fixture.ts';
import { commitGreeting } from '../support/greeting-turn.ts';

const url = TEST_PG_URL;
// Each database gets its own schema, all dropped after the suite.
const { newSchema, dropAll } = testSchemas();

// At file level, not passed to the contract: the tests after the contract make schemas too.
afterAll(dropAll);

conversationStoreContract('PostgreSQL', async () => {
  const schema = newSchema();
  return (options) => openPostgresConversationStore(url, { schema, ...options });
});

turnScanContract('PostgreSQL', () => openPostgresConversationStore(url, { schema: newSchema() }));

describe('PostgreSQL conversation store schema 1', () => {
  it('is upgraded in place: old turns read without an outcome, new ones keep theirs', async () => {
    const schema = newSchema();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}";
      CREATE TABLE "${schema}".conversation_meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE "${schema}".conversations (id text COLLATE "C" PRIMARY KEY, "user" text NOT NULL, channel text NOT NULL, state jsonb NOT NULL,
        version integer NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE "${schema}".turns (conversation text COLLATE "C" NOT NULL REFERENCES "${schema}".conversations (id) ON DELETE CASCADE,
        seq integer NOT NULL, "user" text NOT NULL, at timestamptz NOT NULL, text text, action jsonb, intent text NOT NULL,
        confidence double precision NOT NULL, slots jsonb NOT NULL, shown jsonb NOT NULL, reply text NOT NULL, PRIMARY KEY (conversation, seq));
      CREATE TABLE "${schema}".profiles ("user" text COLLATE "C" PRIMARY KEY, data jsonb NOT NULL, version integer NOT NULL, updated_at timestamptz NOT NULL);
      INSERT INTO "${schema}".conversation_meta VALUES ('schema_version', '1');
      INSERT INTO "${schema}".conversations VALUES ('c1', 'u1', 'cli', '{}', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO "${schema}".turns VALUES ('c1', 1, 'u1', '2026-01-01T00:00:00Z', 'hi', NULL, 'greeting', 1, '{}', '[]', 'Hello');`);
    await client.end();
    const store = await openPostgresConversationStore(url, { schema });
    await store.runTurn({ conversation: 'c1', user: 'u1', channel: 'cli' }, async (current) => ({
      commit: { state: {}, profile: current.profile, log: { text: 'x', action: null, intent: 'not_sure', confidence: 0, slots: {}, shown: [], reply: 'y', outcome: { offeredPerson: true } } },
      result: undefined,
    }));
    const turns = (await store.scanTurns({})).turns;
    expect(turns.map((t) => [t.text, t.outcome])).toEqual([['hi', undefined], ['x', { offeredPerson: true }]]);
    await store.close();
  });
});

describe('openPostgresConversationStore', () => {
  it('reports an unreachable server as UNAVAILABLE with host:port and no password', async () => {
    await expectUnreachableReported(openPostgresConversationStore(UNREACHABLE_PG_URL, { schema: 'aisle' }));
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openPostgresConversationStore(url, { schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('shares a schema with the catalog, whichever opens it first', async () => {
    for (const first of ['catalog', 'conversations']) {
      const schema = newSchema();
      if (first === 'conversations') await (await openPostgresConversationStore(url, { schema })).close();
      const catalog = await openPostgresCatalogStore(url, { schema });
      const conversations = await openPostgresConversationStore(url, { schema });
      try {
        await catalog.upsert([product('a')]);
        await commitGreeting(conversations, { ok: true });
        expect(await catalog.count()).toBe(1);
        expect(await conversations.conversation('c1')).toMatchObject({ version: 1 });
      } finally {
        await catalog.close();
        await conversations.close();
      }
    }
  });

  it('waits only lockTimeoutMs for a conversation another PostgreSQL session holds, then says BUSY; runs once it is free', async () => {
    const schema = newSchema();
    const store = await openPostgresConversationStore(url, { schema, lockTimeoutMs: 300 });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const lock = conversationLockKey(schema, 'c1');
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [lock]);
      const started = Date.now();
      await expect(commitGreeting(store, { ok: true })).rejects.toMatchObject({ code: 'BUSY' });
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(3000);
      expect(await store.conversation('c1')).toBeUndefined();

      await other.query('SELECT pg_advisory_unlock($1::bigint)', [lock]);
      await commitGreeting(store, { ok: true });
      expect(await store.conversation('c1')).toMatchObject({ version: 1, state: { ok: true } });
    } finally {
      await other.end();
      await store.close();
    }
  });
});

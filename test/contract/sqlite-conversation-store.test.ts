import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { openSqliteCatalogStore } from '../../src/storage/sqlite-catalog-store.ts';
import { openSqliteConversationStore } from '../../src/storage/sqlite-conversation-store.ts';
import Database from 'better-sqlite3';
import { conversationStoreContract } from './conversation-store.contract.ts';
import { turnScanContract } from './turn-scan.contract.ts';
import { product } from './product-fixture.ts';
import { commitGreeting } from '../support/greeting-turn.ts';

const dir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-conversations-'));
let n = 0;

conversationStoreContract('SQLite', async () => {
  const path = join(dir, `conversations-${++n}.db`);
  return (options) => openSqliteConversationStore(path, options);
}, async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteConversationStore', () => {
  const bad = mkdtempSync(join(tmpdir(), 'aisle-sqlite-conversations-bad-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('reports a missing directory as UNAVAILABLE, naming the path and the fix', async () => {
    const path = join(bad, 'no-such-dir', 'conversations.db');
    const error = await openSqliteConversationStore(path).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect((error as AppError).message).toContain(path);
    expect((error as AppError).message).toMatch(/Create the directory/);
  });

  it('reports a file that is not a SQLite database as UNAVAILABLE', async () => {
    const path = join(bad, 'notes.txt');
    writeFileSync(path, 'x'.repeat(4096));
    await expect(openSqliteConversationStore(path)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/Move the file away/) });
  });

  it('shares one file with the catalog, whichever opens it first', async () => {
    for (const first of ['catalog', 'conversations']) {
      const path = join(bad, `shared-${first}.db`);
      if (first === 'conversations') await (await openSqliteConversationStore(path)).close();
      const catalog = openSqliteCatalogStore(path);
      const conversations = await openSqliteConversationStore(path);
      await catalog.upsert([product('a')]);
      await commitGreeting(conversations, { ok: true });
      expect(await catalog.count()).toBe(1);
      expect(await conversations.conversation('c1')).toMatchObject({ version: 1 });
      await catalog.close();
      await conversations.close();
    }
  });
});

// Its own folder: the contract above removes `dir` when it ends.
const scanDir = mkdtempSync(join(tmpdir(), 'aisle-sqlite-turn-scan-'));
afterAll(() => rmSync(scanDir, { recursive: true, force: true }));
turnScanContract('SQLite', async () => openSqliteConversationStore(join(scanDir, `scan-${++n}.db`)));

describe('SQLite conversation store schema 1', () => {
  it('is upgraded in place: old turns read without an outcome, new ones keep theirs', async () => {
    const path = join(scanDir, `v1-${++n}.db`);
    const db = new Database(path);
    db.exec(`CREATE TABLE conversation_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
      CREATE TABLE conversations (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL, channel TEXT NOT NULL,
        state TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE turns (conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        user TEXT NOT NULL, at TEXT NOT NULL, text TEXT, action TEXT, intent TEXT NOT NULL, confidence REAL NOT NULL,
        slots TEXT NOT NULL, shown TEXT NOT NULL, reply TEXT NOT NULL, PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
      CREATE TABLE profiles (user TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
      INSERT INTO conversation_meta VALUES ('schema_version', '1');
      INSERT INTO conversations VALUES ('c1', 'u1', 'cli', '{}', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO turns VALUES ('c1', 1, 'u1', '2026-01-01T00:00:00.000Z', 'hi', NULL, 'greeting', 1, '{}', '[]', 'Hello');`);
    db.close();
    const store = await openSqliteConversationStore(path);
    await store.runTurn({ conversation: 'c1', user: 'u1', channel: 'cli' }, async (current) => ({
      commit: { state: {}, profile: current.profile, log: { text: 'x', action: null, intent: 'not_sure', confidence: 0, slots: {}, shown: [], reply: 'y', outcome: { offeredPerson: true } } },
      result: undefined,
    }));
    const turns = (await store.scanTurns({})).turns;
    expect(turns.map((t) => [t.text, t.outcome])).toEqual([['hi', undefined], ['x', { offeredPerson: true }]]);
    await store.close();
  });
});

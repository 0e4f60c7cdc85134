import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { openSqliteCatalogStore } from '../../src/storage/sqlite-catalog-store.ts';
import { openSqliteConversationStore } from '../../src/storage/sqlite-conversation-store.ts';
import { conversationStoreContract } from './conversation-store.contract.ts';
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

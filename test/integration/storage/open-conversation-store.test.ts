import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { commitGreeting } from '../../support/greeting-turn.ts';

const url = process.env.AISLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'aisle-open-conversations-'));

describe('openConversationStore', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with no --db, creates the home directory and <home>/conversations.db', async () => {
    const home = join(dir, 'home', 'nested');
    const store = await openConversationStore('', home);
    await commitGreeting(store);
    await store.close();
    expect(existsSync(join(home, 'conversations.db'))).toBe(true);
  });

  it('opens sqlite:PATH', async () => {
    const store = await openConversationStore(`sqlite:${join(dir, 'one.db')}`, join(dir, 'unused'));
    await commitGreeting(store);
    await store.close();
    expect(existsSync(join(dir, 'one.db'))).toBe(true);
    expect(existsSync(join(dir, 'unused'))).toBe(false);
  });

  it('opens postgres:// URLs with PostgreSQL, in the ?schema= given', async () => {
    const schema = `aisle_test_${randomBytes(4).toString('hex')}`;
    const store = await openConversationStore(`${url}${url.includes('?') ? '&' : '?'}schema=${schema}`, dir);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await commitGreeting(store);
      const found = await client.query(`SELECT count(*)::int AS n FROM "${schema}".turns`);
      expect(found.rows[0].n).toBe(1);
    } finally {
      await store.close();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  it('refuses other schemes with CONFIG_INVALID, hiding any password', async () => {
    const error = await openConversationStore('mysql://root:hunter2@db/x', dir).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message).toContain('conversations.db');
  });
});
